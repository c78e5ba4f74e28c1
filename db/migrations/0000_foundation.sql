CREATE TABLE `call_logs_raw` (
	`raw_id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`call_id` text NOT NULL,
	`member_id` text NOT NULL,
	`started_at` text NOT NULL,
	`ended_at` text NOT NULL,
	`interaction` text NOT NULL,
	`ivr_route` text NOT NULL,
	`agent_id` text NOT NULL,
	`disposition` text NOT NULL,
	`sentiment_start` text NOT NULL,
	`sentiment_end` text NOT NULL,
	`survey_comment` text NOT NULL,
	`transcript` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `digital_journeys_raw` (
	`raw_id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`event_id` text NOT NULL,
	`member_id` text NOT NULL,
	`session_id` text NOT NULL,
	`ts` text NOT NULL,
	`channel` text NOT NULL,
	`device` text NOT NULL,
	`journey` text NOT NULL,
	`step` text NOT NULL,
	`outcome` text NOT NULL,
	`error_message` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `member_profiles_raw` (
	`raw_id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`member_id` text NOT NULL,
	`plan` text NOT NULL,
	`enrolled_on` text NOT NULL,
	`language` text NOT NULL,
	`birth_year` text NOT NULL,
	`state` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `call_logs_cleaned` (
	`call_id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer NOT NULL,
	`local_date` text NOT NULL,
	`local_minute` integer NOT NULL,
	`interaction` text NOT NULL,
	`ivr_route` text,
	`agent_id` text,
	`disposition` text NOT NULL,
	`sentiment_start` real,
	`sentiment_end` real,
	`survey_comment` text,
	`transcript` text
);
--> statement-breakpoint
CREATE INDEX `calls_member_started` ON `call_logs_cleaned` (`member_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `calls_date` ON `call_logs_cleaned` (`local_date`);--> statement-breakpoint
CREATE TABLE `digital_call_leakage` (
	`call_id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`local_date` text NOT NULL,
	`local_minute` integer NOT NULL,
	`failure_event_id` text NOT NULL,
	`failure_ts` integer NOT NULL,
	`journey` text NOT NULL,
	`error_message` text,
	`device` text NOT NULL,
	`channel` text NOT NULL,
	`segment` text NOT NULL,
	`plan` text NOT NULL,
	`language` text NOT NULL,
	`age_group` text NOT NULL,
	`interaction` text NOT NULL,
	`is_repeat` integer NOT NULL,
	`handle_seconds` integer NOT NULL,
	`sentiment_start` real,
	`sentiment_end` real
);
--> statement-breakpoint
CREATE INDEX `leakage_date_journey` ON `digital_call_leakage` (`local_date`,`journey`,`local_minute`);--> statement-breakpoint
CREATE INDEX `leakage_member` ON `digital_call_leakage` (`member_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `digital_journeys_cleaned` (
	`event_id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`session_id` text NOT NULL,
	`ts` integer NOT NULL,
	`local_date` text NOT NULL,
	`channel` text NOT NULL,
	`device` text NOT NULL,
	`journey` text NOT NULL,
	`step` text NOT NULL,
	`outcome` text NOT NULL,
	`error_message` text
);
--> statement-breakpoint
CREATE INDEX `digital_member_ts` ON `digital_journeys_cleaned` (`member_id`,`ts`);--> statement-breakpoint
CREATE INDEX `digital_failures` ON `digital_journeys_cleaned` (`member_id`,`ts`) WHERE outcome IN ('error', 'abandon');--> statement-breakpoint
CREATE INDEX `digital_completes` ON `digital_journeys_cleaned` (`member_id`,`session_id`,`ts`) WHERE outcome = 'complete';--> statement-breakpoint
CREATE TABLE `member_profiles` (
	`member_id` text PRIMARY KEY NOT NULL,
	`plan` text NOT NULL,
	`enrolled_on` text NOT NULL,
	`language` text NOT NULL,
	`birth_year` integer,
	`state` text,
	`name` text,
	`batch_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `member_source_ids` (
	`source_id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `member_source_ids_member` ON `member_source_ids` (`member_id`);--> statement-breakpoint
CREATE TABLE `daily_leakage_summary` (
	`date` text NOT NULL,
	`journey` text NOT NULL,
	`segment` text NOT NULL,
	`device` text NOT NULL,
	`channel` text NOT NULL,
	`calls` integer NOT NULL,
	`cost` real NOT NULL,
	`repeats` integer NOT NULL,
	`sentiment_end_sum` real NOT NULL,
	`sentiment_end_n` integer NOT NULL,
	`handle_seconds` integer NOT NULL,
	PRIMARY KEY(`date`, `journey`, `segment`, `device`, `channel`)
);
--> statement-breakpoint
CREATE TABLE `savings_model` (
	`date` text NOT NULL,
	`journey` text NOT NULL,
	`calls` integer NOT NULL,
	`baseline_calls_per_day` real NOT NULL,
	`baseline_repeat_rate` real NOT NULL,
	`cost_per_call` real NOT NULL,
	`annual_cost` real NOT NULL,
	PRIMARY KEY(`date`, `journey`)
);
--> statement-breakpoint
CREATE TABLE `segment_drilldown` (
	`date` text NOT NULL,
	`journey` text NOT NULL,
	`segment` text NOT NULL,
	`calls` integer NOT NULL,
	`cost` real NOT NULL,
	`repeats` integer NOT NULL,
	`members` integer NOT NULL,
	`sentiment_end_sum` real NOT NULL,
	`sentiment_end_n` integer NOT NULL,
	PRIMARY KEY(`date`, `journey`, `segment`)
);
--> statement-breakpoint
CREATE TABLE `dirty_members` (
	`member_id` text PRIMARY KEY NOT NULL,
	`from_ms` integer NOT NULL,
	`to_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_batches` (
	`batch_id` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`kind` text NOT NULL,
	`file` text NOT NULL,
	`sha256` text,
	`first_raw_id` integer,
	`last_raw_id` integer,
	`rows_loaded` integer NOT NULL,
	`rows_quarantined` integer NOT NULL,
	`imported_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `import_batches_sha` ON `import_batches` (`sha256`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quarantine` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`file` text NOT NULL,
	`line_no` integer NOT NULL,
	`raw_line` text NOT NULL,
	`reason_code` text NOT NULL,
	`reason` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `quarantine_batch` ON `quarantine` (`batch_id`);