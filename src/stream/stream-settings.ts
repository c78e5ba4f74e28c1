/**
 * Where the event log is and what Leak calls things in it: the server URL(s), the JetStream stream,
 * the subject prefix (`<prefix>.members`, `<prefix>.digital`, `<prefix>.calls`) and the durable
 * consumer's name. Checked once, with a one-line error saying what is valid.
 */
import { SOURCE_KINDS, type SourceKind } from '../sources.ts';

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

export { STREAM_DEFAULTS, NAME_RULE, PREFIX_RULE, streamUrlProblem, nameProblem, prefixProblem } from '../config.ts';

export const subjectFor = (prefix: string, kind: SourceKind) => `${prefix}.${kind}`;

/** The subject filter that covers every subject Leak reads (and any it does not know, so those are quarantined, not ignored). */
export const filterFor = (prefix: string) => `${prefix}.>`;

/** The source kind a subject carries, or undefined for a subject Leak does not know. */
export function kindOf(prefix: string, subject: string): SourceKind | undefined {
  if (!subject.startsWith(`${prefix}.`)) return undefined;
  const rest = subject.slice(prefix.length + 1);
  return SOURCE_KINDS.find((k) => k === rest);
}

/** The servers list the NATS client takes, from the comma-separated URL setting. */
export const serversOf = (url: string) => url.split(',').map((s) => s.trim().replace(/\/$/, ''));
