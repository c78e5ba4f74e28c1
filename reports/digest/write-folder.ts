/**
 * The digest without Slack: written into a folder (LEAK_DIGEST_DIR), one dated subfolder per digest
 * (`2026-11-20/`, or `2026-11-20_to_2026-11-22/` for one that covers several days) holding digest.md
 * and its chart PNGs. It goes through the same ledger as a Slack post (the folder is its "channel"),
 * so it is written once per day covered, across restarts and a second instance, and the next one
 * covers every day since. The subfolder appears whole: it is written under a temporary name and renamed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../../src/context.ts';
import type { DigestRole } from '../../src/digest-channels.ts';
import { claimDigest, INSTANCE_ID, markFailed, markPosted, type DigestKey } from '../../src/bookkeeping/digest-ledger.ts';
import { buildDigest } from './build.ts';
import { writeDigestFiles } from './files.ts';
import type { DigestRun, PostDigestOutcome } from './post.ts';

/** The ledger's name for a digest folder: a folder is a destination like a channel. */
export const folderKey = (dir: string) => `folder ${dir}`;

/** The subfolder for the days covered. */
export const digestFolderName = (from: string, to: string) => (from === to ? to : `${from}_to_${to}`);

export type WriteDigestOptions = DigestRun & { dir: string; role: DigestRole };

export type WriteDigestOutcome = PostDigestOutcome & { path?: string };

export async function writeDigestFolder(ctx: Context, opts: WriteDigestOptions): Promise<WriteDigestOutcome> {
  const late = opts.late ?? false;
  const from = opts.from ?? opts.date;
  const key: DigestKey = { channel: folderKey(opts.dir), date: opts.date };
  const base = { channel: key.channel, date: key.date, from, late };
  const claim = claimDigest(ctx.store, key, { role: opts.role, late, instance: opts.instance ?? INSTANCE_ID, now: ctx.now(), from });
  if (claim.outcome !== 'claimed') return { ...base, outcome: claim.outcome };

  const name = digestFolderName(from, opts.date);
  const target = path.join(opts.dir, name);
  const temp = path.join(opts.dir, `.${name}.${process.pid}.tmp`);
  try {
    const digest = await buildDigest(ctx, { date: opts.date, from, coverage: opts.coverage, role: opts.role, late, renderer: opts.renderer });
    fs.rmSync(temp, { recursive: true, force: true });
    writeDigestFiles(temp, digest);
    // A folder left by `digest --out` or an earlier failed attempt is replaced, never merged into.
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { recursive: true, force: true });
    const reason = `Digest for ${name} not written to ${opts.dir}: ${(e as Error).message}`;
    markFailed(ctx.store, key, reason);
    return { ...base, outcome: 'failed', problem: reason };
  }
  markPosted(ctx.store, key, { ts: name, channelId: target, now: ctx.now() });
  return { ...base, outcome: 'posted', path: target };
}
