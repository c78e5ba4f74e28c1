CREATE TABLE `ask_feedback` (
	`question_id` integer NOT NULL,
	`user` text NOT NULL,
	`verdict` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`question_id`, `user`)
);
--> statement-breakpoint
CREATE INDEX `ask_feedback_verdict` ON `ask_feedback` (`verdict`,`at`);--> statement-breakpoint
CREATE TABLE `ask_learned_phrases` (
	`workspace` text NOT NULL,
	`phrase` text NOT NULL,
	`intent` text NOT NULL,
	`slots` text NOT NULL,
	`learned_by` text NOT NULL,
	`learned_at` integer NOT NULL,
	PRIMARY KEY(`workspace`, `phrase`)
);
--> statement-breakpoint
CREATE TABLE `ask_questions` (
	`id` integer PRIMARY KEY NOT NULL,
	`workspace` text NOT NULL,
	`thread_key` text,
	`user` text NOT NULL,
	`question` text NOT NULL,
	`kind` text NOT NULL,
	`intent` text,
	`command` text,
	`resolution` text NOT NULL,
	`asked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ask_questions_asked` ON `ask_questions` (`asked_at`);--> statement-breakpoint
CREATE INDEX `ask_questions_kind` ON `ask_questions` (`kind`,`asked_at`);--> statement-breakpoint
CREATE TABLE `ask_threads` (
	`thread_key` text PRIMARY KEY NOT NULL,
	`context` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ask_threads_updated` ON `ask_threads` (`updated_at`);