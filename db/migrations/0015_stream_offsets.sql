CREATE TABLE `stream_offsets` (
	`stream` text NOT NULL,
	`consumer` text NOT NULL,
	`applied_seq` integer NOT NULL,
	`stream_created` text NOT NULL,
	`applied_at` integer NOT NULL,
	PRIMARY KEY(`stream`, `consumer`)
);
--> statement-breakpoint
ALTER TABLE `quarantine` ADD `subject` text;--> statement-breakpoint
ALTER TABLE `quarantine` ADD `stream_seq` integer;