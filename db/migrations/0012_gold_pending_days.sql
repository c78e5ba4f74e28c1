CREATE TABLE `gold_pending_days` (
	`date` text PRIMARY KEY NOT NULL
);
