import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../commands/invocation.ts';
import { readPngSize } from '../../reports/charts/png.ts';
import { tempDir } from '../helpers/csv.ts';
import { startFakeSlack } from '../helpers/fake-slack.ts';
import { makeDeps } from '../helpers/store.ts';
import { seedLeakage } from '../reports/digest/seed-store.ts';
import digestCommand from '../../commands/digest.ts';

describe('leak digest', () => {
  it('--out writes the Block Kit JSON, a Markdown version and the PNGs it links to', async () => {
    const deps = makeDeps({ now: '2026-11-24T15:00:00Z' });
    await seedLeakage(deps, { endDate: '2026-11-23', days: 30 });
    const out = path.join(tempDir(), 'digest');
    const inv = parseCommandArgs(digestCommand, ['--out', out, '--role', 'exec'], deps);
    const result = await inv.cmd.run(inv.args, deps);
    // Default date: the previous complete day in LEAK_TZ.
    expect(result.date).toBe('2026-11-23');
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual(['cost-by-journey.png', 'daily-by-journey.png', 'digest.blocks.json', 'digest.md', 'top-journey-segments.png']);
    const message = JSON.parse(fs.readFileSync(path.join(out, 'digest.blocks.json'), 'utf8'));
    expect(message.text).toMatch(/^Leak digest for Mon, Nov 23, 2026: /);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Leak digest for Mon, Nov 23, 2026', emoji: false } });
    const md = fs.readFileSync(path.join(out, 'digest.md'), 'utf8');
    for (const link of md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
      expect(readPngSize(fs.readFileSync(path.join(out, link[1])))!.width).toBeGreaterThanOrEqual(1300);
    }
    expect(md).toContain('Yearly cost at the 7-day rate');
    expect(inv.cmd.renderText(result)).toContain(`Wrote 5 files:`);
  });

  it('--post posts through the ledger: once, and says so the second time', async () => {
    const slack = await startFakeSlack();
    try {
      const deps = makeDeps({ now: '2026-11-24T15:00:00Z', env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.url } });
      await seedLeakage(deps, { endDate: '2026-11-23', days: 10 });
      const run = async () => {
        const inv = parseCommandArgs(digestCommand, ['--post', '#cli'], deps);
        return inv.cmd.renderText(await inv.cmd.run(inv.args, deps));
      };
      expect(await run()).toMatch(/Posted to #cli \(ts \d+\.\d+\), 3 chart\(s\) in the thread\.$/);
      expect(await run()).toMatch(/Not posted: the 2026-11-23 digest was already posted to #cli\.$/);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    } finally {
      await slack.close();
    }
  });

  it('--post without a bot token says what is missing', async () => {
    const deps = makeDeps({ now: '2026-11-24T15:00:00Z' });
    const inv = parseCommandArgs(digestCommand, ['--post', '#cli'], deps);
    await expect(inv.cmd.run(inv.args, deps)).rejects.toThrow('--post needs SLACK_BOT_TOKEN (a bot token starting with xoxb-) in the environment.');
  });

  it('refuses a day that is still running (or has not started) instead of calling it a whole day', async () => {
    // 10:00 in New York on Nov 24: Nov 24 is running, Nov 23 is the last complete day.
    const deps = makeDeps({ now: '2026-11-24T15:00:00Z' });
    await seedLeakage(deps, { endDate: '2026-11-23', days: 60 });
    expect(() => parseCommandArgs(digestCommand, ['--date', '2026-11-24'], deps)).toThrow(
      '--date 2026-11-24 is today in America/New_York and still running: the digest covers complete days (the last one is 2026-11-23). For the day so far: leak today.',
    );
    expect(() => parseCommandArgs(digestCommand, ['--date', '2026-12-01'], deps)).toThrow('--date 2026-12-01 has not happened yet: the digest covers complete days (the last one is 2026-11-23).');
    expect(parseCommandArgs(digestCommand, ['--date', '2026-11-23'], deps).args).toMatchObject({ date: '2026-11-23' });
    expect(parseCommandArgs(digestCommand, ['--from', '2026-11-20', '--date', '2026-11-22'], deps).args).toMatchObject({ from: '2026-11-20', date: '2026-11-22' });
    expect(() => parseCommandArgs(digestCommand, ['--from', '2026-11-23', '--date', '2026-11-22'], deps)).toThrow('--from 2026-11-23 is after --date 2026-11-22: a digest covers --from through --date.');
    expect(() => parseCommandArgs(digestCommand, ['--from', '2026-10-01'], deps)).toThrow('--from 2026-10-01 to --date 2026-11-23 is more than 28 days: one digest covers at most 28.');
  });

  it('refuses a bad role or channel in one line', () => {
    const deps = makeDeps();
    expect(() => parseCommandArgs(digestCommand, ['--role', 'ceo'], deps)).toThrow('--role must be one of exec, ops (got "ceo").');
    expect(() => parseCommandArgs(digestCommand, ['--post', 'general'], deps)).toThrow('--post must be #channel-name or a channel ID such as C0123456789 (got "general").');
    expect(() => parseCommandArgs(digestCommand, ['--date', '2026-13-01'], deps)).toThrow('--date "2026-13-01" does not exist: there is no month 13.');
  });
});
