/**
 * A terminal-only command (import, export, simulate, digest: they write files or data on the
 * server) never runs from Slack, whatever the path: /leak, an @Leak mention, a run button or a Share
 * button whose value was crafted. Share re-runs questions only. One gate (parseInvocation) decides.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runsIn } from '../../../commands/command.ts';
import { parseInvocation } from '../../../commands/invocation.ts';
import { loadCommands } from '../../../commands/registry.ts';
import type { FakeSlack } from '../../helpers/fake-slack.ts';
import type { StartedApp } from '../../helpers/start-app.ts';
import { appMentionEvent, blockActionPayload, eventEnvelope, eventRequest, imMessageEvent, interactionRequest, slashCommandRequest } from '../../helpers/slack-request.ts';
import { tempDir } from '../../helpers/csv.ts';
import { makeDeps } from '../../helpers/store.ts';
import { useSeededApp } from './seed.ts';

const handles = useSeededApp();
let slack: FakeSlack;
let app: StartedApp;
beforeAll(() => ({ slack, app } = handles));

let seq = 0;
/** Waits for the response_url post with this id (the app answers every click and command there). */
async function responseTo(id: string): Promise<{ text: string; blocks?: unknown[] }> {
  return (await slack.responseTo(id)).body as { text: string };
}

type Path = { name: string; send(line: string): Promise<string> };

const PATHS: Path[] = [
  {
    name: '/leak',
    async send(line) {
      const id = `cmd${++seq}`;
      await app.post(slashCommandRequest({ text: line, responseUrl: slack.responseUrl(id) }, app.sign));
      return (await responseTo(id)).text;
    },
  },
  {
    name: '@Leak mention',
    async send(line) {
      const before = slack.callsTo('chat.postMessage').length;
      await app.post(eventRequest(eventEnvelope(appMentionEvent(`<@U0LEAKBOT> ${line}`)), app.sign));
      return (await slack.waitFor('chat.postMessage', before + 1))[before].body.text;
    },
  },
  {
    name: 'DM (message.im)',
    async send(line) {
      const channel = `D0SURF${String(++seq).padStart(4, '0')}`;
      await app.post(eventRequest(eventEnvelope(imMessageEvent(line, { channelId: channel })), app.sign));
      return (await slack.waitForCall((c) => c.method === 'chat.postMessage' && c.body.channel === channel, `the DM answer in ${channel}`)).body.text;
    },
  },
  {
    name: 'run button (crafted value)',
    async send(line) {
      const id = `run${++seq}`;
      await app.post(interactionRequest(blockActionPayload({ actionId: 'leak_run:x', value: line, responseUrl: slack.responseUrl(id) }), app.sign));
      return (await responseTo(id)).text;
    },
  },
  {
    name: 'Share button (crafted value)',
    async send(line) {
      const id = `share${++seq}`;
      await app.post(interactionRequest(blockActionPayload({ actionId: 'leak_share', value: line, responseUrl: slack.responseUrl(id) }), app.sign));
      return (await responseTo(id)).text;
    },
  },
];

const batches = () => app.deps.store.sqlite.prepare('SELECT count(*) FROM import_batches').pluck().get();

describe('terminal-only commands from Slack', () => {
  it('the registry has terminal-only commands, and each says so in its own definition', async () => {
    const terminalOnly = (await loadCommands()).filter((c) => !runsIn(c, 'slack')).map((c) => c.name).sort();
    expect(terminalOnly).toEqual(['digest', 'export', 'import', 'publish', 'simulate']);
  });

  for (const p of PATHS) {
    it(`${p.name}: refuses each one in one line, and nothing is written`, async () => {
      const dir = tempDir('leak-surface-');
      const csv = path.join(dir, 'members.csv');
      fs.writeFileSync(csv, 'member_id,plan,enrolled_on,language,birth_year,state\nM-900001,MAPD,2026-01-01,en,1950,FL\n');
      const before = batches();
      const lines: [string, string][] = [
        ['import', `import members ${csv}`],
        ['export', `export --out ${path.join(dir, 'out')}`],
        ['simulate', 'simulate --days 1 --scale 0.001'],
        ['digest', `digest --out ${path.join(dir, 'digest')}`],
        ['publish', `publish ${csv}`],
        // Case and --help do not get round it.
        ['export', `EXPORT --out ${path.join(dir, 'out2')}`],
        ['simulate', 'simulate --help'],
      ];
      for (const [name, line] of lines) {
        expect(await p.send(line), line).toMatch(new RegExp(`^${name} works in the terminal only, since .*: npm run -s leak -- ${name} --help$`));
      }
      expect(fs.readdirSync(dir)).toEqual(['members.csv']);
      expect(batches()).toBe(before);
      // Asked in words, a question reaches only the question commands: nothing is imported or written.
      for (const line of [`ask import members ${csv}`, `please export everything to ${path.join(dir, 'out3')}`, 'simulate 30 days of calls please']) {
        await p.send(line);
      }
      expect(fs.readdirSync(dir)).toEqual(['members.csv']);
      expect(batches()).toBe(before);
    });
  }
});

describe('Share re-runs questions only', () => {
  it('refuses a crafted Share of a line that changes something, privately, and nothing is created', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const text = await PATHS[4].send('action new billing "Forged from a share" --team Web');
    expect(text).toBe('Only answers to questions can be shared; run /leak action yourself instead.');
    expect(app.deps.store.sqlite.prepare('SELECT count(*) FROM actions').pluck().get()).toBe(0);
    expect(slack.callsTo('chat.postMessage').length).toBe(before);
  });

  it('keeps an error out of the channel too: it goes to the person who clicked', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    expect(await PATHS[4].send('member M-999999')).toBe('No member M-999999 found.');
    expect(slack.callsTo('chat.postMessage').length).toBe(before);
  });
});

describe('options that work in the terminal only', () => {
  it('ask --quality (everyone\'s questions, DMs included) and --thread (the terminal\'s conversations) are refused on every path, and nothing is listed', async () => {
    // A question asked privately in a DM, which --quality would list with who asked it.
    const before = slack.callsTo('chat.postMessage').length;
    await app.post(eventRequest(eventEnvelope({ type: 'message', channel: 'D0PRIVATE1', channel_type: 'im', user: 'U0BOB0001', text: 'ask about the purple elephant plan', ts: '1764000000.000111', team: 'T0TEAM001' }), app.sign));
    await slack.waitFor('chat.postMessage', before + 1);
    expect(app.deps.store.sqlite.prepare("SELECT count(*) FROM ask_questions WHERE question LIKE '%purple elephant%'").pluck().get()).toBe(1);
    for (const p of PATHS.filter((p) => p.name.includes('button'))) {
      for (const line of ['ask --quality', 'ask why is billing leaking --thread exec']) {
        const answer = await p.send(line);
        expect(answer, `${p.name}: ${line}`).toMatch(/^ask --(quality|thread) works in the terminal only, since /);
        expect(answer).not.toContain('purple');
      }
    }
    expect(slack.callsTo('chat.postMessage').some((c) => JSON.stringify(c.body).includes('purple'))).toBe(false);
    expect(app.deps.store.sqlite.prepare("SELECT count(*) FROM ask_threads WHERE thread_key LIKE 'cli:%'").pluck().get()).toBe(0);
  });

  it('a crafted button running ask records the question as the person who clicked, not the terminal', async () => {
    await PATHS[3].send('ask who is id card hurting on the crafted button');
    expect(app.deps.store.sqlite.prepare("SELECT user FROM ask_questions WHERE question LIKE '%on the crafted button'").pluck().all()).toEqual(['U0ALICE01']);
  });

  it('a typed /leak ask --quality is a question in words, never the list', async () => {
    expect(await PATHS[0].send('ask --quality')).not.toMatch(/purple|marked wrong/);
  });
});

describe('the gate itself (parseInvocation)', () => {
  it('refuses a terminal-only command for Slack, and defaults to Slack whenever a Slack person is asking', async () => {
    const deps = makeDeps();
    await expect(parseInvocation(['export', '--out', tempDir()], deps, 'slack')).rejects.toThrow(/^export works in the terminal only/);
    const asked = { ...deps, slack: { userId: 'U1', channelId: 'C1', client: undefined as never } };
    await expect(parseInvocation(['simulate', '--days', '1'], asked)).rejects.toThrow(/^simulate works in the terminal only/);
    // The terminal is unchanged.
    await expect(parseInvocation(['export', '--out', tempDir()], deps)).resolves.toMatchObject({ cmd: { name: 'export' } });
    await expect(parseInvocation(['ask', '--quality'], asked)).rejects.toThrow(/^ask --quality works in the terminal only/);
    await expect(parseInvocation(['ask', '--quality'], deps)).resolves.toMatchObject({ cmd: { name: 'ask' } });
  });
});
