/**
 * The digest as files: the Markdown (same sentences as the Slack message) with its charts as PNGs
 * beside it, and optionally the Block Kit JSON. Used by `digest --out` and by the digest folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Digest } from './build.ts';
import { buildDigestBlocks } from './blocks.ts';
import { renderDigestMarkdown } from './markdown.ts';

/** Writes the files into `dir` (created if needed) and returns their paths. */
export function writeDigestFiles(dir: string, digest: Digest, opts: { blocks?: boolean; markdown?: string } = {}): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, string | Buffer][] = [
    ...(opts.blocks ? [['digest.blocks.json', `${JSON.stringify(buildDigestBlocks(digest), null, 2)}\n`] as [string, string]] : []),
    ['digest.md', opts.markdown ?? renderDigestMarkdown(digest)],
    ...digest.charts.filter((c) => c.png).map((c): [string, Buffer] => [c.file, c.png!]),
  ];
  return files.map(([name, body]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, body);
    return file;
  });
}
