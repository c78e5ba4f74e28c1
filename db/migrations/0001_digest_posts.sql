CREATE TABLE `digest_posts` (
	`channel` text NOT NULL,
	`digest_date` text NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`claimed_by` text NOT NULL,
	`claimed_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`posted_at` integer,
	`ts` text,
	`channel_id` text,
	`error` text,
	PRIMARY KEY(`channel`, `digest_date`)
);
--> statement-breakpoint
CREATE INDEX `digest_posts_status` ON `digest_posts` (`status`);