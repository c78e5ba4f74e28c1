import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, zoneClock } from '../../src/time.ts';
import { MEMBER_HEADER, tempDir } from '../helpers/csv.ts';
import { makeDeps } from '../helpers/store.ts';
import { seedLeakage } from '../reports/digest/seed-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TZ = 'America/New_York';

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
function waitForLine(child: ReturnType<typeof spawn>, out: string[], pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const hit = out.find((l) => pattern.test(l));
      if (hit === undefined) return false;
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      resolve(hit);
      return true;
    };
    const onData = () => void check();
    const onExit = (code: number | null) => {
      if (!check()) reject(new Error(`npm start exited (code ${code}) before printing ${pattern}:\n${out.join('\n')}`));
    };
    child.stdout!.on('data', onData);
    child.on('exit', onExit);
    check();
  });
}

describe('npm start on an imported store without Slack', () => {
  it('stays up as a service: writes its digest folder, imports from the inbox, and stops on SIGTERM', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'real.db');
    const digests = path.join(dir, 'digests');
    const inbox = path.join(dir, 'inbox');
    const yesterday = addDays(zoneClock(TZ).today(Date.now()), -1);
    const seed = makeDeps({ file: db, env: { LEAK_TZ: TZ } });
    await seedLeakage(seed, { endDate: yesterday, days: 8 });
    seed.store.close();

    const env: NodeJS.ProcessEnv = { PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`, HOME: process.env.HOME, LEAK_DB: db, LEAK_TZ: TZ, LEAK_DIGEST_DIR: digests, LEAK_INBOX: inbox };
    // Every minute: whatever the time of day, a run has passed today, so the first digest is written at start.
    env.LEAK_DIGEST_CRON = '* * * * *';
    // Through npm, as people and service managers start it: SIGTERM to npm must reach Leak and stop it cleanly.
    // Its own process group, so whatever happens nothing it started outlives the test.
    const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: string[] = [];
    let partial = '';
    child.stdout.on('data', (b: Buffer) => {
      const text = partial + b.toString();
      const lines = text.split('\n');
      partial = lines.pop()!;
      out.push(...lines);
    });
    child.stderr.on('data', (b: Buffer) => out.push(`stderr: ${b.toString()}`));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitForLine(child, out, /^The simulator is off: this store holds imported data/);
      await waitForLine(child, out, /^Running\. Ctrl-C to stop\.$/);
      expect(out.join('\n')).toContain('(Slack is not connected)');
      await waitForLine(child, out, new RegExp(`^digest ${digests} ${yesterday}: written \\(late\\)$`));
      expect(fs.readdirSync(path.join(digests, yesterday)).sort()).toEqual(['cost-by-journey.png', 'daily-by-journey.png', 'digest.md', 'top-journey-segments.png']);
      expect(fs.readFileSync(path.join(digests, yesterday, 'digest.md'), 'utf8')).toMatch(/^## Leak digest for /);

      // Still up after start-up has settled: a file dropped into the inbox (written, then renamed in) is imported.
      fs.writeFileSync(path.join(inbox, 'members.csv.part'), `${MEMBER_HEADER}\nM-009001,ACA,2025-01-01,en,1990,NY\n`);
      fs.renameSync(path.join(inbox, 'members.csv.part'), path.join(inbox, 'members.csv'));
      await waitForLine(child, out, /^Inbox: members\.csv: 1 loaded, 0 quarantined; .* → done\/members\.csv$/);
      expect(fs.existsSync(path.join(inbox, 'done', 'members.csv'))).toBe(true);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGTERM');
    }
    try {
      expect(await exited).toBe(0);
      expect(out).toContain('Stopping…');
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is gone: nothing was left behind
      }
    }
  }, 120_000);
});
