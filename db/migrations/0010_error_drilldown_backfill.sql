-- Custom SQL migration file, put your code below! --
-- Stores built before error_drilldown existed: fill it for every day once, as the pipeline
-- would (later runs rebuild only the days that change).
INSERT INTO `error_drilldown` (`date`, `journey`, `segment`, `error_message`, `language`, `calls`)
SELECT `local_date`, `journey`, `segment`, coalesce(`error_message`, ''), `language`, count(*)
FROM `digital_call_leakage` GROUP BY 1, 2, 3, 4, 5;
