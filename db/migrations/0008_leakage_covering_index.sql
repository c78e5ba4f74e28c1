DROP INDEX `leakage_date_journey`;--> statement-breakpoint
CREATE INDEX `leakage_date_factors` ON `digital_call_leakage` (`local_date`,`journey`,`segment`,`error_message`,`language`,`local_minute`);