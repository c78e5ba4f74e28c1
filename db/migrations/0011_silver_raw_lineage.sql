ALTER TABLE `call_logs_cleaned` ADD `raw_id` integer;--> statement-breakpoint
ALTER TABLE `digital_journeys_cleaned` ADD `raw_id` integer;