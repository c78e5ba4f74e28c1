/**
 * Gold: what every answer reads. One table per business noun at a stated grain,
 * rebuilt for exactly the days the pipeline marks as changed.
 * Sums (not averages) are stored so any roll-up stays exact: avg = sum / n.
 */
import { sqliteTable, integer, text, real, primaryKey } from 'drizzle-orm/sqlite-core';

/** Grain: local date × journey × segment × device × channel. */
export const dailyLeakageSummary = sqliteTable(
  'daily_leakage_summary',
  {
    date: text('date').notNull(),
    journey: text('journey').notNull(),
    segment: text('segment').notNull(),
    device: text('device').notNull(),
    channel: text('channel').notNull(),
    calls: integer('calls').notNull(),
    cost: real('cost').notNull(),
    repeats: integer('repeats').notNull(),
    sentimentEndSum: real('sentiment_end_sum').notNull(),
    sentimentEndN: integer('sentiment_end_n').notNull(),
    handleSeconds: integer('handle_seconds').notNull(),
  },
  (t) => [primaryKey({ columns: [t.date, t.journey, t.segment, t.device, t.channel] })],
);

/** Grain: local date × journey × segment. */
export const segmentDrilldown = sqliteTable(
  'segment_drilldown',
  {
    date: text('date').notNull(),
    journey: text('journey').notNull(),
    segment: text('segment').notNull(),
    calls: integer('calls').notNull(),
    cost: real('cost').notNull(),
    repeats: integer('repeats').notNull(),
    members: integer('members').notNull(),
    sentimentEndSum: real('sentiment_end_sum').notNull(),
    sentimentEndN: integer('sentiment_end_n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.date, t.journey, t.segment] })],
);

/**
 * Grain: local date × journey. The savings inputs as of that date: the mean of the 7 complete
 * days before it (the baseline a "what is this worth" question starts from). The repeat rate counts
 * only those days whose calls' 7-day look-back lies within the store's history: NULL when none does.
 */
export const savingsModel = sqliteTable(
  'savings_model',
  {
    date: text('date').notNull(),
    journey: text('journey').notNull(),
    calls: integer('calls').notNull(),
    baselineCallsPerDay: real('baseline_calls_per_day').notNull(),
    baselineRepeatRate: real('baseline_repeat_rate'),
    costPerCall: real('cost_per_call').notNull(),
    annualCost: real('annual_cost').notNull(),
  },
  (t) => [primaryKey({ columns: [t.date, t.journey] })],
);

/**
 * Grain: local date × journey × segment × error message × language: leaked calls only. The day-level
 * reads of the spike scan and of root cause's shares, which otherwise group a month of silver rows
 * on every digest. No message (a leak after an abandon) is stored as '', as every reader groups it.
 */
export const errorDrilldown = sqliteTable(
  'error_drilldown',
  {
    date: text('date').notNull(),
    journey: text('journey').notNull(),
    segment: text('segment').notNull(),
    errorMessage: text('error_message').notNull(),
    language: text('language').notNull(),
    calls: integer('calls').notNull(),
  },
  (t) => [primaryKey({ columns: [t.date, t.journey, t.segment, t.errorMessage, t.language] })],
);
