/**
 * Where the event log is and what Leak calls things in it: the server URL(s), the JetStream stream,
 * the subject prefix (`<prefix>.members`, `<prefix>.digital`, `<prefix>.calls`) and the durable
 * consumer's name. Checked once, with a one-line error saying what is valid.
 */
import type { SourceKind } from '../ingest/contract.ts';

export type StreamSettings = {
  /** One or more `nats://host:port`, comma-separated (a cluster's seed servers). */
  url: string;
  /** JetStream stream name, created if absent. */
  name: string;
  /** Subject prefix: rows go to `<prefix>.members`, `<prefix>.digital`, `<prefix>.calls`. */
  prefix: string;
  /** The durable consumer's name (one per store that consumes). */
  consumer: string;
};

export const STREAM_DEFAULTS = { name: 'LEAK', prefix: 'leak', consumer: 'leak' } as const;

export const KINDS: readonly SourceKind[] = ['members', 'digital', 'calls'];

const HOST_PORT = /^nats:\/\/[A-Za-z0-9._-]+(:\d{1,5})?\/?$|^nats:\/\/\[[0-9a-fA-F:]+\](:\d{1,5})?\/?$/;

/** Null when the URL list is usable, else what is wrong with it. */
export function streamUrlProblem(url: string): string | null {
  const parts = url.split(',').map((s) => s.trim());
  if (parts.some((p) => !HOST_PORT.test(p))) return 'must be nats://HOST:PORT (several separated by commas), e.g. nats://127.0.0.1:4222';
  const badPort = parts.map((p) => p.match(/:(\d+)\/?$/)?.[1]).find((p) => p !== undefined && (Number(p) < 1 || Number(p) > 65535));
  return badPort ? `port ${badPort} is not a TCP port between 1 and 65535` : null;
}

export const NAME_RULE = 'must be 1-64 letters, digits, _ or - (no dots, spaces or wildcards), e.g. LEAK';
export const PREFIX_RULE = 'must be subject tokens of letters, digits, _ or - separated by dots, e.g. leak or acme.leak';

/** JetStream stream and consumer names: no spaces, dots, wildcards or path separators. */
export const nameProblem = (name: string): string | null => (/^[A-Za-z0-9_-]{1,64}$/.test(name) ? null : NAME_RULE);

/** A subject prefix: dot-separated tokens of letters, digits, _ and -. */
export const prefixProblem = (prefix: string): string | null =>
  /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(prefix) && prefix.length <= 100 ? null : PREFIX_RULE;

export const subjectFor = (prefix: string, kind: SourceKind) => `${prefix}.${kind}`;

/** The subject filter that covers every subject Leak reads (and any it does not know, so those are quarantined, not ignored). */
export const filterFor = (prefix: string) => `${prefix}.>`;

/** The source kind a subject carries, or undefined for a subject Leak does not know. */
export function kindOf(prefix: string, subject: string): SourceKind | undefined {
  if (!subject.startsWith(`${prefix}.`)) return undefined;
  const rest = subject.slice(prefix.length + 1);
  return KINDS.find((k) => k === rest);
}

/** The servers list the NATS client takes, from the comma-separated URL setting. */
export const serversOf = (url: string) => url.split(',').map((s) => s.trim().replace(/\/$/, ''));
