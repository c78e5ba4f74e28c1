/**
 * The syntax of the digest settings, read by src/config.ts: which channels get a digest, in which
 * view, on which schedule. An admin types it in one environment variable, so the syntax is short:
 * LEAK_DIGESTS='#exec=exec@0 8 * * 1-5;#ops=ops@30 7 * * *'.
 */
import { createRequire } from 'node:module';

export const DIGEST_ROLES = ['exec', 'ops'] as const;
export type DigestRole = (typeof DIGEST_ROLES)[number];
export type DigestChannel = { channel: string; role: DigestRole; cron: string };

export const DEFAULT_DIGEST_CRON = '0 8 * * 1-5';
const EXAMPLE = `e.g. '#exec=exec@0 8 * * 1-5;#ops=ops@30 7 * * *'`;

/** A Slack channel as people write it in settings and options: #name or a channel ID. */
export const isChannel = (c: string) => /^(#[a-z0-9][a-z0-9_.-]*|[CGD][A-Z0-9]{6,})$/.test(c);

const require = createRequire(import.meta.url);

/**
 * A cron line's problem in words, or null when node-cron accepts it. Every start checks the digest
 * schedule, so node-cron (and what it loads) is required only for a line other than the default.
 */
export function cronProblem(pattern: string): string | null {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length !== 5) return `"${pattern}" must have 5 fields (minute hour day-of-month month day-of-week), e.g. ${DEFAULT_DIGEST_CRON}`;
  if (fields.join(' ') === DEFAULT_DIGEST_CRON) return null;
  const cron = require('node-cron') as typeof import('node-cron');
  const v = cron.validateDetailed(pattern);
  return v.valid ? null : `"${pattern}" is not a valid cron schedule (${v.errors.map((e) => `${e.field}: ${e.value ?? e.message}`).join(', ')})`;
}

/** Parses LEAK_DIGESTS. Throws an Error whose message is one line naming the bad entry and the valid form. */
export function parseDigestChannels(value: string): DigestChannel[] {
  const out: DigestChannel[] = [];
  for (const raw of value.split(';').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=\s]+)\s*=\s*([a-z]+)\s*@\s*(.+)$/i.exec(raw);
    if (!m) throw new Error(`entry "${raw}" must be CHANNEL=ROLE@CRON, ${EXAMPLE}`);
    const [, channel, roleText, pattern] = m;
    const role = roleText.toLowerCase();
    if (!isChannel(channel)) throw new Error(`channel "${channel}" must be #name or a channel ID such as C0123456789`);
    if (!(DIGEST_ROLES as readonly string[]).includes(role)) throw new Error(`role "${roleText}" for ${channel} must be one of ${DIGEST_ROLES.join(', ')}`);
    const problem = cronProblem(pattern.trim());
    if (problem) throw new Error(`schedule for ${channel}: ${problem}`);
    if (out.some((d) => d.channel === channel)) throw new Error(`channel ${channel} is listed twice; give each channel one schedule`);
    out.push({ channel, role: role as DigestRole, cron: pattern.trim().replace(/\s+/g, ' ') });
  }
  if (out.length === 0) throw new Error(`no digests listed; write CHANNEL=ROLE@CRON entries separated by ';', ${EXAMPLE}`);
  return out;
}

/** LEAK_DIGESTS when set; otherwise LEAK_DIGEST_CHANNEL on LEAK_DIGEST_CRON in the operations view; otherwise none. */
export function resolveDigestChannels(opts: { digests?: string; channel?: string; cron: string }): DigestChannel[] {
  if (opts.digests) return parseDigestChannels(opts.digests);
  return opts.channel ? [{ channel: opts.channel, role: 'ops', cron: opts.cron }] : [];
}
