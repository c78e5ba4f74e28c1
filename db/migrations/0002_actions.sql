CREATE TABLE `action_history` (
	`id` integer PRIMARY KEY NOT NULL,
	`action_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`by_user` text NOT NULL,
	`at` integer NOT NULL,
	`via` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `action_history_action` ON `action_history` (`action_id`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` integer PRIMARY KEY NOT NULL,
	`journey` text NOT NULL,
	`segment` text,
	`error_message` text,
	`title` text NOT NULL,
	`owner_team` text NOT NULL,
	`assignee` text,
	`effort` text,
	`expected_reduction_pct` real,
	`estimated_savings_per_year` real,
	`recommendation_id` text,
	`status` text NOT NULL,
	`ship_date` text,
	`dismiss_reason` text,
	`channel` text,
	`thread_ts` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`reminded_at` integer,
	`interim_posted_at` integer,
	`final_posted_at` integer,
	`last_outcome` text,
	`last_measured_on` text
);
--> statement-breakpoint
CREATE INDEX `actions_status` ON `actions` (`status`);--> statement-breakpoint
CREATE INDEX `actions_recommendation` ON `actions` (`recommendation_id`);