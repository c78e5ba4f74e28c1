CREATE TABLE `error_drilldown` (
	`date` text NOT NULL,
	`journey` text NOT NULL,
	`segment` text NOT NULL,
	`error_message` text NOT NULL,
	`language` text NOT NULL,
	`calls` integer NOT NULL,
	PRIMARY KEY(`date`, `journey`, `segment`, `error_message`, `language`)
);
