/** Shapes shared by the alert scans, the store and the Slack side: what depends on nothing else of the alerts. */
import type { RuleName } from './rules.ts';

export type AlertKind = 'spike' | 'threshold';
export type SubjectType = 'member' | 'agent' | 'journey' | 'segment' | 'error' | 'interaction';
export type AlertStatus = 'open' | 'acknowledged' | 'snoozed' | 'resolved';
export type Verdict = 'useful' | 'noise' | 'known';

/** Links to the rows behind an alert: a sample of ids and how many there were in all. */
export type RowRefs = { call_ids?: string[]; event_ids?: string[]; total: number };

/** What a scan found; recordAlerts turns it into a new, refreshed or suppressed alert row. */
export type AlertCandidate = {
  kind: AlertKind;
  rule: RuleName;
  subjectType: SubjectType;
  subject: string;
  windowStart: number;
  windowEnd: number;
  value: number;
  threshold: number;
  pValue: number | null;
  text: string;
  dedupeKey: string;
  rowRefs: RowRefs;
  /** What the message's "View" button opens: a member id or a journey. */
  detail: { journey?: string; member?: string; segment?: string; error_message?: string; date?: string };
};

export type Alert = Omit<AlertCandidate, 'rowRefs' | 'detail'> & {
  id: number;
  status: AlertStatus;
  snoozedUntil: number | null;
  channel: string | null;
  messageTs: string | null;
  threadTs: string | null;
  createdAt: number;
  lastSeenAt: number;
  resolvedAt: number | null;
  normalPostedAt: number | null;
  rowRefs: RowRefs;
  detail: AlertCandidate['detail'];
};

export type SpikeDimension = 'journey' | 'journey_segment' | 'journey_error';

export type SeriesEval = {
  key: string;
  dimension: SpikeDimension;
  journey: string;
  segment: string | null;
  /** '' for leaks after an abandon (no message). */
  error_message: string | null;
  observed: number;
  expected: number;
  extra_calls: number;
  extra_dollars: number;
  rise_pct: number | null;
  /** Day-to-day variance over Poisson's, from the baseline weeks (≥ 1); the test allows for it. */
  dispersion: number;
  p_value: number;
  /** Above the material minimums (calls, dollars, percent); flagged = material and significant. */
  material: boolean;
  flagged: boolean;
};

export type Spike = SeriesEval & {
  date: string;
  /** Set for the live scan: counts run through the end of this local hour on both sides. */
  hour: number | null;
  label: string;
  baseline_dates: string[];
  p_threshold: number;
  series_tested: number;
  shares: { factor: 'error_message' | 'segment' | 'device'; value: string; pct: number }[];
  started: string;
  note: string | null;
  text: string;
  call_ids: string[];
};

export type ScanQuery = { date: string; hour?: number };
export type Evaluation = { date: string; hour: number | null; baselineDates: string[]; pThreshold: number; series: SeriesEval[] };
