/**
 * /leak with words: plain English is answered (privately, with "Understood as" and Share), a mistyped
 * command still gets "Did you mean…?", `/leak ask` always asks, a request to change something changes
 * nothing, and no question reaches a terminal-only command.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../../../helpers/fake-slack.ts';
import type { StartedApp } from '../../../helpers/start-app.ts';
import { useSeededApp } from '../seed.ts';
import { slash, understoodOf } from './ask-app.ts';

const handles = useSeededApp();
let slack: FakeSlack;
let app: StartedApp;
beforeAll(() => ({ slack, app } = handles));

describe('/leak <words>', () => {
  it('answers plain English privately, under the line it was understood as, with Share in channel', async () => {
    const reply = await slash(app, slack, "what's breaking right now?");
    expect(reply.response_type).toBe('ephemeral');
    expect(understoodOf(reply)).toBe('today --date 2026-11-24');
    expect(reply.text).toMatch(/^Your single biggest leak today is billing: 3 calls/);
    const share = reply.blocks.find((b) => b.block_id === 'leak_share');
    expect(share.elements[0].value).toBe('today --date 2026-11-24');
  });

  it('tells a mistyped command from a question: "todya" gets "Did you mean today?", an unclear question gets examples', async () => {
    const typo = await slash(app, slack, 'todya');
    expect(typo.text).toBe('I don\'t know "todya". Did you mean /leak today?');
    expect(JSON.stringify(typo.blocks)).toContain('"value":"today"');
    const typoWithArgs = await slash(app, slack, 'tody --date 2026-11-23');
    expect(typoWithArgs.text).toBe('I don\'t know "tody". Did you mean /leak today?');
    // Words near a command's name that are words Leak knows stay questions, follow-ups included ("what"~why, "and"~ask).
    expect(understoodOf(await slash(app, slack, 'why is billing leaking?', 'U0FOLLOW1'))).toBe('why billing --date 2026-11-24');
    expect(understoodOf(await slash(app, slack, 'what about id card?', 'U0FOLLOW1'))).toBe('why id_card --date 2026-11-24');
    expect(understoodOf(await slash(app, slack, 'and yesterday?', 'U0FOLLOW1'))).toBe('why id_card --date 2026-11-23');
    expect((await slash(app, slack, 'tody --date 2026-11-23')).text).toBe('I don\'t know "tody". Did you mean /leak today?');
    const unclear = await slash(app, slack, 'tell me a joke');
    expect(unclear.text).toMatch(/^I answer questions like: /);
    expect(unclear.blocks[0].text.text).toMatch(/^I answer questions like:\n• .+\n• .+\n• .+$/);
  });

  it('shows a command\'s own error when its arguments are wrong and the words are no question', async () => {
    const reply = await slash(app, slack, 'today --date 24/11/2026');
    expect(reply.text).toBe('--date "24/11/2026" is not a date written YYYY-MM-DD, e.g. 2026-11-20.');
  });

  it('always asks after /leak ask, even words that look like a command', async () => {
    expect(understoodOf(await slash(app, slack, 'ask why biling'))).toBe('why billing --date 2026-11-24');
    expect(understoodOf(await slash(app, slack, 'ask today, what is broken'))).toBe('today --date 2026-11-24');
    expect((await slash(app, slack, 'ask')).text).toMatch(/^I answer questions like: /);
  });

  it('refuses a request to change something and changes nothing', async () => {
    const count = () => app.deps.store.sqlite.prepare('SELECT (SELECT count(*) FROM digital_call_leakage) + (SELECT count(*) FROM actions) + (SELECT count(*) FROM ask_learned_phrases)').pluck().get();
    const before = count();
    const reply = await slash(app, slack, 'delete all the billing data');
    expect(reply.text).toMatch(/^I only answer questions, and changed nothing\. I answer questions like: /);
    expect(count()).toBe(before);
  });

  it('never reaches a terminal-only command through a question (a line naming one gets the one-line refusal, as before)', async () => {
    const batches = () => app.deps.store.sqlite.prepare('SELECT count(*) FROM import_batches').pluck().get();
    const before = batches();
    for (const q of ['please import the members file', 'can you export everything to csv', 'could you simulate thirty days of data', 'send the digest now', 'run leak simulate --days 1', 'ask simulate 30 days']) {
      const reply = await slash(app, slack, q);
      const line = understoodOf(reply);
      if (line !== undefined) expect(line, q).not.toMatch(/^(import|export|simulate|digest|action|note|quarantine)\b/);
      expect(reply.text, q).not.toMatch(/works in the terminal only/);
    }
    expect((await slash(app, slack, 'simulate --days 1')).text).toMatch(/^simulate works in the terminal only/);
    expect(batches()).toBe(before);
  });
});
