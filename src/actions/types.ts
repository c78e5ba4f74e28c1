/** The shapes a tracked action takes in the domain, independent of Slack and the CLI. */
const ACTION_STATUSES = ['proposed', 'acknowledged', 'in_progress', 'shipped', 'measured', 'dismissed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const OPEN_STATUSES: readonly ActionStatus[] = ['proposed', 'acknowledged', 'in_progress', 'shipped'];

export type Via = 'slack-button' | 'slack-modal' | 'slack-command' | 'cli' | 'scheduler';

export type Action = {
  id: number;
  journey: string;
  segment: string | null;
  errorMessage: string | null;
  title: string;
  ownerTeam: string;
  assignee: string | null;
  effort: string | null;
  expectedReductionPct: number | null;
  estimatedSavingsPerYear: number | null;
  recommendationId: string | null;
  status: ActionStatus;
  shipDate: string | null;
  dismissReason: string | null;
  channel: string | null;
  threadTs: string | null;
  version: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  remindedAt: number | null;
  interimPostedAt: number | null;
  finalPostedAt: number | null;
  lastOutcome: string | null;
  lastMeasuredOn: string | null;
  /** The version the Slack parent message shows. */
  messageVersion: number | null;
  /** Failed attempts to post the parent message, and Slack's reason for the last one. */
  postAttempts: number;
  postError: string | null;
};

export type HistoryRow = {
  id: number;
  actionId: number;
  fromStatus: ActionStatus | null;
  toStatus: ActionStatus;
  byUser: string;
  at: number;
  via: Via;
  detail: string | null;
};

/** What a person (or the scheduler) asks to happen to an action. */
export type ActionEvent =
  | { kind: 'take' }
  | { kind: 'assign'; assignee: string }
  | { kind: 'start' }
  | { kind: 'ship'; shipDate: string }
  | { kind: 'dismiss'; reason: string }
  | { kind: 'measure' };

/** A new action: from a recommendation or typed by hand. */
export type NewAction = {
  journey: string;
  segment?: string | null;
  errorMessage?: string | null;
  title: string;
  ownerTeam: string;
  effort?: string | null;
  expectedReductionPct?: number | null;
  estimatedSavingsPerYear?: number | null;
  recommendationId?: string | null;
};

/** People; the store keeps 12. */
export const formatActionId = (id: number) => `A-${id}`;

/** Accepts A-12, a12 or 12. */
export function parseActionId(s: string): number | undefined {
  const m = /^\s*(?:a-?)?(\d{1,9})\s*$/i.exec(s);
  return m ? Number(m[1]) : undefined;
}
