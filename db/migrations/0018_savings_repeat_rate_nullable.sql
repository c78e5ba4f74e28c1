PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_savings_model` (
	`date` text NOT NULL,
	`journey` text NOT NULL,
	`calls` integer NOT NULL,
	`baseline_calls_per_day` real NOT NULL,
	`baseline_repeat_rate` real,
	`cost_per_call` real NOT NULL,
	`annual_cost` real NOT NULL,
	PRIMARY KEY(`date`, `journey`)
);
--> statement-breakpoint
INSERT INTO `__new_savings_model`("date", "journey", "calls", "baseline_calls_per_day", "baseline_repeat_rate", "cost_per_call", "annual_cost") SELECT "date", "journey", "calls", "baseline_calls_per_day", "baseline_repeat_rate", "cost_per_call", "annual_cost" FROM `savings_model`;--> statement-breakpoint
DROP TABLE `savings_model`;--> statement-breakpoint
ALTER TABLE `__new_savings_model` RENAME TO `savings_model`;--> statement-breakpoint
PRAGMA foreign_keys=ON;