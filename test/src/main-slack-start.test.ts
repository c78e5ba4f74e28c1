/**
 * `npm start` as a process (node --import tsx src/main.ts) when Slack cannot start: one line on
 * stderr naming the port and PORT, nothing claiming to run, and a non-zero exit.
 */
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { tempDir } from '../helpers/csv.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let slack: FakeSlack;
let taken: net.Server;
let port: number;

beforeAll(async () => {
  slack = await startFakeSlack();
  taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  port = (taken.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => taken.close(resolve));
  await slack.close();
});

/** Runs npm start's script with a clean environment plus `env`; resolves when the process exits. */
function npmStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LEAK_|SLACK_|PORT$)/.test(k)));
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...clean, ...env }, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: child.exitCode ?? (error as { code?: number } | null)?.code ?? null, stdout, stderr }),
    );
  });
}

describe('npm start', () => {
  it('with its port taken: one line naming the port and PORT on stderr, no "Running", exit 1', async () => {
    const r = await npmStart({
      LEAK_DB: path.join(tempDir(), 'leak.db'),
      LEAK_SIMULATE: 'off',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: slack.url,
      SLACK_API_RETRIES: '0',
      PORT: String(port),
      LEAK_BIND: '127.0.0.1',
    });
    expect(r.stderr).toBe(`Slack: could not listen on 127.0.0.1:${port}: another program is using it. Stop it, or choose another port with PORT (e.g. PORT=${port + 1}).\n`);
    expect(r.stdout).not.toContain('Running');
    expect(r.code).toBe(1);
  });
});
