/**
 * The executive conversation in words, in one Slack thread, through the real app over signed events:
 * every answer posted in the thread under its "Understood as" line, each exactly the command's own
 * answer, each follow-up about what the previous answer found; and the thread's subject survives a
 * restart of the app on a file store.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommand } from '../../../../commands/registry.ts';
import { renderAnswer } from '../../../../src/slack/render-answer.ts';
import { startFakeSlack, type FakeSlack } from '../../../helpers/fake-slack.ts';
import { startApp, type StartedApp } from '../../../helpers/start-app.ts';
import { invoke } from '../../../helpers/invoke.ts';
import { tempDir } from '../../../helpers/csv.ts';
import { makeDeps } from '../../../helpers/store.ts';
import { CHANNEL } from '../../../helpers/slack-request.ts';
import { NOW, seedLeaks, useSeededApp } from '../seed.ts';
import { mention, nextTs, understoodOf, type Reply } from './ask-app.ts';

const handles = useSeededApp();
let slack: FakeSlack;
let app: StartedApp;
beforeAll(() => ({ slack, app } = handles));

/** The command's own Slack answer for a command line, run now on the same store, for a channel (no member details). */
async function commandText(line: string): Promise<string> {
  const argv = line.split(' ');
  const cmd = (await loadCommand(argv[0]))!;
  return renderAnswer(cmd, await invoke({ ...app.deps, memberDetails: false }, argv), app.deps.config).text.text;
}

describe('a thread of questions', () => {
  it('carries the seven questions, each answered in the thread as the command answers it', async () => {
    const root = nextTs();
    const replies: Reply[] = [await mention(app, slack, 'What was breaking on Nov 23?', { ts: root })];
    for (const q of ['Who is this hurting?', 'Show me what this feels like', 'Is this worth fixing?', 'Why is this happening?', 'What should my teams do next?', 'How do we know it worked?']) {
      replies.push(await mention(app, slack, q, { threadTs: root }));
    }
    expect(replies.map((r) => [r.channel, r.thread_ts])).toEqual(replies.map(() => [CHANNEL.id, root]));
    const lines = replies.map(understoodOf);
    expect(lines).toEqual([
      'today --date 2026-11-23',
      'segments billing --date 2026-11-23',
      // The member of the day's latest leaked billing call (all three calls that day are at 14:10; the first call id wins).
      'journey M-100001 --date 2026-11-23',
      'savings billing --date 2026-11-23',
      'why billing --date 2026-11-23',
      'actions billing --date 2026-11-23',
      // No action shipped: the thread's day, being before today, is the "since" of the before/after.
      'impact billing 2026-11-23 --date 2026-11-24',
    ]);
    for (const [i, line] of lines.entries()) expect(replies[i].text, line).toBe(await commandText(line!));
    expect(replies[0].text).toMatch(/^Your single biggest leak on 2026-11-23 is billing: 1 call/);
    // The subject is kept per thread: the same words in a new thread have no "this" to point at.
    const other = await mention(app, slack, 'Why is this happening?');
    expect(understoodOf(other)).toBeUndefined();
    expect(other.text).toMatch(/^Which journey\? billing · id_card/);
  });

  it('stores each asked question with its thread and what it was understood as', () => {
    const rows = app.deps.store.sqlite.prepare("SELECT thread_key, question, command FROM ask_questions WHERE question = 'Is this worth fixing?'").all();
    expect(rows).toEqual([{ thread_key: expect.stringMatching(new RegExp(`^slack:T0TEAM001:${CHANNEL.id}:\\d+\\.\\d+$`)), question: 'Is this worth fixing?', command: 'savings billing --date 2026-11-23' }]);
  });

  it('still runs a command line typed after @Leak, and a question that starts with a command\'s name is a question', async () => {
    expect(understoodOf(await mention(app, slack, 'why id_card'))).toBeUndefined();
    expect(understoodOf(await mention(app, slack, 'why is id_card leaking yesterday?'))).toBe('why id_card --date 2026-11-23');
    expect(understoodOf(await mention(app, slack, 'sgments billing'))).toBe('segments billing --date 2026-11-24');
  });
});

describe('a thread after a restart', () => {
  let second: StartedApp | undefined;
  let fake: FakeSlack | undefined;
  afterAll(async () => {
    await second?.stop();
    await fake?.close();
  });

  it('keeps its subject in the store file, so a follow-up after a restart knows what "this" is', async () => {
    fake = await startFakeSlack();
    const file = path.join(tempDir(), 'leak.db');
    const deps = makeDeps({ file, now: NOW });
    await seedLeaks(deps);
    const first = await startApp({ slack: fake, deps });
    const root = nextTs();
    expect(understoodOf(await mention(first, fake, "What's breaking yesterday?", { ts: root }))).toBe('today --date 2026-11-23');
    await first.stop();
    deps.store.close();

    second = await startApp({ slack: fake, deps: makeDeps({ file, now: NOW }) });
    const followUp = await mention(second, fake, 'Why is this happening?', { threadTs: root });
    expect(followUp.thread_ts).toBe(root);
    expect(understoodOf(followUp)).toBe('why billing --date 2026-11-23');
  });
});
