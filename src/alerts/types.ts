/** Shapes shared by the alert scans, the store and the Slack side. */
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
