ALTER TABLE `action_history` ADD `announced_at` integer;--> statement-breakpoint
ALTER TABLE `actions` ADD `message_version` integer;