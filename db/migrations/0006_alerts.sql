CREATE TABLE `alert_feedback` (
	`alert_id` integer NOT NULL,
	`rule` text NOT NULL,
	`user` text NOT NULL,
	`verdict` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`alert_id`, `user`)
);
--> statement-breakpoint
CREATE INDEX `alert_feedback_rule` ON `alert_feedback` (`rule`,`at`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`rule` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject` text NOT NULL,
	`window_start` integer NOT NULL,
	`window_end` integer NOT NULL,
	`value` real NOT NULL,
	`threshold` real NOT NULL,
	`p_value` real,
	`text` text NOT NULL,
	`status` text NOT NULL,
	`snoozed_until` integer,
	`dedupe_key` text NOT NULL,
	`channel` text,
	`message_ts` text,
	`thread_ts` text,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`resolved_at` integer,
	`normal_posted_at` integer,
	`row_refs` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `alerts_dedupe` ON `alerts` (`dedupe_key`,`created_at`);--> statement-breakpoint
CREATE INDEX `alerts_status` ON `alerts` (`status`);--> statement-breakpoint
CREATE INDEX `alerts_message` ON `alerts` (`message_ts`);