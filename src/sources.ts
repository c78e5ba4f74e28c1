/**
 * The data sources, declared once: each source's file, its columns and the rule each value must
 * meet, its bronze and silver tables and its id. The import's gate (src/ingest/contract.ts), the
 * bronze tables (db/schema/bronze.ts), the import command's options, the export and the pipeline's
 * staging read this list; the simulator feeds bronze through the same gate. A new source starts
 * here (README, Development: "where new things go").
 */
import { normalizeMemberId, MEMBER_ID_FORMS } from './member-id.ts';
import { daysInMonth, isIsoDate } from './time.ts';

/** The sources in the order the pipeline applies them: members first (calls read their segment). */
export const SOURCE_KINDS = ['members', 'digital', 'calls'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export type Column = {
  name: string;
  /** A required column must be in the header and have a value on every row. */
  required: boolean;
  /** Longest value accepted, in characters as it arrived (spaces included); DEFAULT_MAX_LENGTH unless given. */
  maxLength?: number;
  /** Returns null when the (trimmed) value is acceptable, else why not. Empty optional values are not checked. */
  check?: (value: string, at: CheckContext) => string | null;
};

/**
 * Lengths far past any real export and short of abuse: ids, codes and times take at most 64
 * characters; labels, error messages and free text take more (see the columns). Checked before
 * any other rule, so no check ever runs on a megabyte of text.
 */
export const DEFAULT_MAX_LENGTH = 64;
const LABEL_MAX = 200;

/** What a check may depend on besides the value: the time of the import, and the ranges it sets (see checkContext). */
export type CheckContext = { now: number; lastInstant: number; lastEnrolment: string; lastBirthYear: number };

/** Why a row is refused: a reason code (missing_value, bad_value, bad_time_order, …) and one line naming the column. */
export type Rejection = { code: string; reason: string };

export type SourceContract = {
  /** Also the import command's option: `import --members FILE`. */
  kind: SourceKind;
  /** The contract file's name, as the export writes it. */
  file: string;
  /** What the file holds, in words (the import command's summary). */
  label: string;
  bronzeTable: string;
  /** The silver table the pipeline's staging step (src/pipeline/silver-sql.ts) fills; it has every contract column. */
  silverTable: string;
  idColumn: string;
  columns: Column[];
  /** A rule across the row's values (contract column order), checked once each column passed its own. */
  rowCheck?: (values: string[], at: CheckContext) => Rejection | null;
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

/**
 * The ranges a row's times, dates and years must lie in. Times run from 1970 to 100 years after the
 * import: beyond lie typos and placeholders (0000-01-01, 9999-12-31), and dates the pipeline cannot
 * step through by day. Enrolments from 1900 to 10 years ahead (plans enrol for future start dates,
 * never decades out); birth years from 1900 to the import's year. Computed once per import.
 */
export function checkContext(now: number): CheckContext {
  const yearsAhead = (n: number) => {
    const d = new Date(now);
    d.setUTCFullYear(d.getUTCFullYear() + n);
    return d;
  };
  return { now, lastInstant: yearsAhead(100).getTime(), lastEnrolment: yearsAhead(10).toISOString().slice(0, 10), lastBirthYear: new Date(now).getUTCFullYear() };
}

const FIRST_INSTANT = Date.UTC(1970, 0, 1);
const FIRST_ENROLMENT = '1900-01-01';
const FIRST_BIRTH_YEAR = 1900;
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const instant = (v: string, at: CheckContext) => {
  const ms = parseInstant(v);
  if (Number.isNaN(ms)) return 'must be an ISO 8601 time with Z or an offset, e.g. 2026-11-20T14:03:00Z';
  if (ms >= FIRST_INSTANT && ms <= at.lastInstant) return null;
  return `is outside the valid range ${isoSeconds(FIRST_INSTANT)} to ${isoSeconds(at.lastInstant)} (100 years after this import)`;
};

const enrolledOn = (v: string, at: CheckContext) => {
  if (!isIsoDate(v)) return 'must be a date YYYY-MM-DD';
  if (v >= FIRST_ENROLMENT && v <= at.lastEnrolment) return null;
  return `is outside the valid range ${FIRST_ENROLMENT} to ${at.lastEnrolment} (up to 10 years after this import)`;
};

const birthYear = (v: string, at: CheckContext) =>
  /^\d{4}$/.test(v) && +v >= FIRST_BIRTH_YEAR && +v <= at.lastBirthYear ? null : `must be a four-digit year from ${FIRST_BIRTH_YEAR} to ${at.lastBirthYear}, or empty`;

const PLANS = ['MAPD', 'Commercial', 'Medicaid', 'ACA'];
const CHANNELS = ['app', 'web'];
const DEVICES = ['mobile', 'desktop', 'tablet'];
const OUTCOMES = ['ok', 'error', 'abandon', 'complete'];
const INTERACTIONS = ['voice', 'video', 'chat', 'email'];
const DISPOSITIONS = ['resolved', 'failed', 'transferred', 'abandoned'];

const DECLARED: { [K in SourceKind]: SourceContract & { kind: K } } = {
  members: {
    kind: 'members',
    file: 'members.csv',
    label: 'members',
    bronzeTable: 'member_profiles_raw',
    silverTable: 'member_profiles',
    idColumn: 'member_id',
    columns: [
      { name: 'member_id', required: true, check: memberId },
      { name: 'plan', required: true, check: oneOf(PLANS) },
      { name: 'enrolled_on', required: true, check: enrolledOn },
      { name: 'language', required: true, check: (v) => (/^[a-z]{2}$/i.test(v) ? null : 'must be a two-letter language code such as en or es') },
      { name: 'birth_year', required: false, check: birthYear },
      { name: 'state', required: false, check: (v) => (/^[a-z]{2}$/i.test(v) ? null : 'must be a two-letter state code such as FL, or empty') },
      { name: 'name', required: false, maxLength: LABEL_MAX },
    ],
  },
  digital: {
    kind: 'digital',
    file: 'digital_events.csv',
    label: 'digital events',
    bronzeTable: 'digital_journeys_raw',
    silverTable: 'digital_journeys_cleaned',
    idColumn: 'event_id',
    columns: [
      { name: 'event_id', required: true },
      { name: 'member_id', required: true, check: memberId },
      { name: 'session_id', required: true },
      { name: 'ts', required: true, check: instant },
      { name: 'channel', required: true, check: oneOf(CHANNELS) },
      { name: 'device', required: true, check: oneOf(DEVICES) },
      { name: 'journey', required: true, check: (v) => (/^[a-z][a-z0-9_]*$/i.test(v) ? null : 'must be a slug such as billing or id_card (letters, digits, _)') },
      { name: 'step', required: true, maxLength: LABEL_MAX },
      { name: 'outcome', required: true, check: oneOf(OUTCOMES) },
      { name: 'error_message', required: false, maxLength: 2_000 },
    ],
  },
  calls: {
    kind: 'calls',
    file: 'calls.csv',
    label: 'calls',
    bronzeTable: 'call_logs_raw',
    silverTable: 'call_logs_cleaned',
    idColumn: 'call_id',
    columns: [
      { name: 'call_id', required: true },
      { name: 'member_id', required: true, check: memberId },
      { name: 'started_at', required: true, check: instant },
      { name: 'ended_at', required: true, check: instant },
      { name: 'interaction', required: true, check: oneOf(INTERACTIONS) },
      { name: 'ivr_route', required: false, maxLength: LABEL_MAX },
      { name: 'agent_id', required: false },
      { name: 'disposition', required: true, check: oneOf(DISPOSITIONS) },
      { name: 'sentiment_start', required: false, check: sentiment },
      { name: 'sentiment_end', required: false, check: sentiment },
      { name: 'survey_comment', required: false, maxLength: 10_000 },
      { name: 'transcript', required: false, maxLength: 200_000 },
    ],
    // parseInstant trims.
    rowCheck: (values) => (parseInstant(values[3]) < parseInstant(values[2]) ? { code: 'bad_time_order', reason: 'ended_at is before started_at' } : null),
  },
};

/** Every source, in SOURCE_KINDS order: what an import, an export or a stream iterates. */
export const SOURCES: readonly SourceContract[] = SOURCE_KINDS.map((k) => DECLARED[k]);
export const CONTRACTS: Readonly<Record<SourceKind, SourceContract>> = DECLARED;

/** Columns that hold an instant (ISO 8601 in the file, epoch milliseconds in silver). */
export const isInstantColumn = (c: Column) => c.check === instant;

function memberId(v: string) {
  return normalizeMemberId(v) ? null : `is not a member id (accepted forms: ${MEMBER_ID_FORMS})`;
}

function sentiment(v: string) {
  const n = Number(v);
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v) && n >= -1 && n <= 1 ? null : 'must be a number from -1 to 1, or empty';
}
