ALTER TABLE `actions` ADD `post_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `actions` ADD `post_error` text;