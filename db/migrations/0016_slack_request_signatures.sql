CREATE TABLE `slack_request_signatures` (
	`signature` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `slack_request_signatures_expires` ON `slack_request_signatures` (`expires_at`);