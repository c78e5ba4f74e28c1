/**
 * The data contract: the three CSV sources, their columns, and the rule each value must meet.
 * Used by the CSV import and by the simulator alike, so both feed bronze through one gate.
 */
import { normalizeMemberId, MEMBER_ID_FORMS } from '../member-id.ts';
import { daysInMonth, isIsoDate } from '../time.ts';

export type SourceKind = 'members' | 'digital' | 'calls';

export type Column = {
  name: string;
  /** A required column must be in the header and have a value on every row. */
  required: boolean;
  /** Returns null when the (trimmed) value is acceptable, else why not. Empty optional values are not checked. */
  check?: (value: string) => string | null;
};

export type SourceContract = {
  kind: SourceKind;
  file: string;
  bronzeTable: string;
  idColumn: string;
  columns: Column[];
};

/** Lowercases A–Z only, as SQLite's lower() does in silver: a value the gate lets through must normalize to the same thing there. */
const asciiLower = (v: string) => v.replace(/[A-Z]+/g, (m) => m.toLowerCase());

const oneOf = (allowed: string[]) => {
  const ok = new Set(allowed.map((a) => a.toLowerCase()));
  return (v: string) => (ok.has(v) || ok.has(asciiLower(v)) ? null : `must be one of ${allowed.join(', ')}`);
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an ISO 8601 instant with Z or an offset, or NaN. The one parser silver uses too. */
export function parseInstant(v: string): number {
  const s = v.trim();
  if (!ISO_INSTANT.test(s)) return Number.NaN;
  // Date.parse rolls 2026-02-30 over into March; a real calendar date is required.
  const y = +s.slice(0, 4);
  const m = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return Date.parse(s);
}

const instant = (v: string) =>
  Number.isNaN(parseInstant(v)) ? 'must be an ISO 8601 time with Z or an offset, e.g. 2026-11-20T14:03:00Z' : null;

export const PLANS = ['MAPD', 'Commercial', 'Medicaid', 'ACA'];
export const CHANNELS = ['app', 'web'];
export const DEVICES = ['mobile', 'desktop', 'tablet'];
export const OUTCOMES = ['ok', 'error', 'abandon', 'complete'];
export const INTERACTIONS = ['voice', 'video', 'chat', 'email'];
export const DISPOSITIONS = ['resolved', 'failed', 'transferred', 'abandoned'];

export const CONTRACTS: Record<SourceKind, SourceContract> = {
  members: {
    kind: 'members',
    file: 'members.csv',
    bronzeTable: 'member_profiles_raw',
    idColumn: 'member_id',
    columns: [
      { name: 'member_id', required: true, check: memberId },
      { name: 'plan', required: true, check: oneOf(PLANS) },
      { name: 'enrolled_on', required: true, check: (v) => (isIsoDate(v) ? null : 'must be a date YYYY-MM-DD') },
      { name: 'language', required: true, check: (v) => (/^[a-z]{2}$/i.test(v) ? null : 'must be a two-letter language code such as en or es') },
      { name: 'birth_year', required: false, check: (v) => (/^(19|20)\d{2}$/.test(v) ? null : 'must be a four-digit year such as 1956, or empty') },
      { name: 'state', required: false, check: (v) => (/^[a-z]{2}$/i.test(v) ? null : 'must be a two-letter state code such as FL, or empty') },
      { name: 'name', required: false },
    ],
  },
  digital: {
    kind: 'digital',
    file: 'digital_events.csv',
    bronzeTable: 'digital_journeys_raw',
    idColumn: 'event_id',
    columns: [
      { name: 'event_id', required: true },
      { name: 'member_id', required: true, check: memberId },
      { name: 'session_id', required: true },
      { name: 'ts', required: true, check: instant },
      { name: 'channel', required: true, check: oneOf(CHANNELS) },
      { name: 'device', required: true, check: oneOf(DEVICES) },
      { name: 'journey', required: true, check: (v) => (/^[a-z][a-z0-9_]*$/i.test(v) ? null : 'must be a slug such as billing or id_card (letters, digits, _)') },
      { name: 'step', required: true },
      { name: 'outcome', required: true, check: oneOf(OUTCOMES) },
      { name: 'error_message', required: false },
    ],
  },
  calls: {
    kind: 'calls',
    file: 'calls.csv',
    bronzeTable: 'call_logs_raw',
    idColumn: 'call_id',
    columns: [
      { name: 'call_id', required: true },
      { name: 'member_id', required: true, check: memberId },
      { name: 'started_at', required: true, check: instant },
      { name: 'ended_at', required: true, check: instant },
      { name: 'interaction', required: true, check: oneOf(INTERACTIONS) },
      { name: 'ivr_route', required: false },
      { name: 'agent_id', required: false },
      { name: 'disposition', required: true, check: oneOf(DISPOSITIONS) },
      { name: 'sentiment_start', required: false, check: sentiment },
      { name: 'sentiment_end', required: false, check: sentiment },
      { name: 'survey_comment', required: false },
      { name: 'transcript', required: false },
    ],
  },
};

function memberId(v: string) {
  return normalizeMemberId(v) ? null : `is not a member id (accepted forms: ${MEMBER_ID_FORMS})`;
}

function sentiment(v: string) {
  const n = Number(v);
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v) && n >= -1 && n <= 1 ? null : 'must be a number from -1 to 1, or empty';
}

export type Rejection = { code: string; reason: string };

/**
 * Checks one row (values in contract column order, already trimmed). Returns null for a good row.
 * Reason codes: missing_value, bad_value (with the column in the text), bad_time_order.
 */
export function checkRow(contract: SourceContract, values: string[]): Rejection | null {
  const cols = contract.columns;
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i];
    const v = values[i];
    if (v === '') {
      if (col.required) return { code: 'missing_value', reason: `${col.name} is empty` };
      continue;
    }
    const problem = col.check?.(v);
    if (problem) return { code: 'bad_value', reason: `${col.name} ${JSON.stringify(truncate(v))} ${problem}` };
  }
  if (contract.kind === 'calls' && parseInstant(values[3]) < parseInstant(values[2])) {
    return { code: 'bad_time_order', reason: 'ended_at is before started_at' };
  }
  return null;
}

const truncate = (v: string) => (v.length > 60 ? `${v.slice(0, 57)}...` : v);
