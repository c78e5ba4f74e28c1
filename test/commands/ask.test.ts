/**
 * `leak ask` in-process, as the CLI runs it: the answer exactly as the resolved command gives it,
 * under the line it was understood as; the --json shape; follow-ups with --thread; clarifying
 * questions and refusals; --quality; and no question reaching a command that is not a question.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_COMMANDS } from '../../commands/answer-commands.ts';
import { loadCommand } from '../../commands/registry.ts';
import { runsIn } from '../../commands/command.ts';
import { openAskStore } from '../../src/ask/ask-store.ts';
import { INTENTS } from '../../src/ask/types.ts';
import { FIXTURE_DATE, loadSmallFixture } from '../helpers/fixture-small.ts';
import { invoke, refusal, renderText } from '../helpers/invoke.ts';
import { makeDeps } from '../helpers/store.ts';

const deps = makeDeps();
beforeAll(() => loadSmallFixture(deps));

type Asked = { kind: 'asked'; text: string; toJSON(): Record<string, unknown> };
const ask = (...argv: string[]) => invoke<Asked>(deps, ['ask', ...argv]);
/** What `leak ask … --json` prints, parsed back. */
const askJson = async (...argv: string[]) => JSON.parse(JSON.stringify(await ask(...argv, '--json')));
/** What `leak <line> --json` prints, parsed back. */
const commandJson = async (line: string[]) => JSON.parse(JSON.stringify(await invoke(deps, line), (_k, v) => (v instanceof Map ? Object.fromEntries(v) : v)));

describe('leak ask', () => {
  it('prints the answer exactly as the command it means prints it, under the line it was understood as', async () => {
    const r = await ask('is', 'fixing', 'billing', 'worth', 'ten', 'percent?', '--date', FIXTURE_DATE);
    const line = ['savings', 'billing', '10', '--date', FIXTURE_DATE];
    const own = await renderText(deps, line, await invoke(deps, line));
    expect(await renderText(deps, ['ask'], r)).toBe(`Understood as: leak savings billing 10 --date ${FIXTURE_DATE}\n\n${own}`);
  });

  it('prints --json as { question, intent, slots, command, answer } with the command\'s own JSON as the answer', async () => {
    const json = await askJson('What was breaking on Nov 19?', '--date', FIXTURE_DATE);
    expect(Object.keys(json)).toEqual(['question', 'intent', 'slots', 'command', 'answer']);
    expect(json).toMatchObject({ question: 'What was breaking on Nov 19?', intent: 'today', slots: { date: '2026-11-19' }, command: 'today --date 2026-11-19' });
    expect(json.answer).toEqual(await commandJson(['today', '--date', '2026-11-19']));

    const savings = await askJson('what if we fix 25% of the biling leak at $7.50 a call', '--date', FIXTURE_DATE);
    expect(savings.slots).toEqual({ journey: 'billing', fix_pct: 25, cost_per_call: 7.5, date: FIXTURE_DATE });
    expect(savings.command).toBe(`savings billing 25 --cost 7.5 --date ${FIXTURE_DATE}`);
    expect(savings.answer).toEqual(await commandJson(['savings', 'billing', '25', '--cost', '7.5', '--date', FIXTURE_DATE]));

    // Any id form, canonical in the slots.
    const id = deps.store.sqlite.prepare('SELECT member_id FROM digital_call_leakage ORDER BY member_id LIMIT 1').pluck().get() as string;
    const member = await askJson(`show me the profile of member ${id.slice(2)}`, '--date', FIXTURE_DATE);
    expect(member).toMatchObject({ intent: 'member', slots: { member_id: id, date: FIXTURE_DATE }, command: `member ${id} --date ${FIXTURE_DATE}` });
    expect(member.answer).toEqual(await commandJson(['member', id, '--date', FIXTURE_DATE]));
  });

  it('gives null and suggestions for what it cannot answer, and refuses a request to change something', async () => {
    const joke = await askJson('tell me a joke');
    expect(joke).toMatchObject({ question: 'tell me a joke', intent: 'unknown', slots: {}, command: null, answer: null });
    expect(joke.suggestions).toHaveLength(3);
    const text = await renderText(deps, ['ask'], await ask('delete', 'all', 'the', 'billing', 'data'));
    expect(text).toMatch(/^I only answer questions, and changed nothing\. I answer questions like:\n {2}.+\n {2}.+\n {2}.+$/);
  });

  it('shows a clarifying question with the command line of each choice', async () => {
    const r = await ask('why', 'billing', 'or', 'pharmacy', '--date', FIXTURE_DATE);
    expect(await renderText(deps, ['ask'], r)).toBe(
      ['Which journey? billing · pharmacy', `  billing:   leak why billing --date ${FIXTURE_DATE}`, `  pharmacy:  leak why pharmacy --date ${FIXTURE_DATE}`, 'Run one of these lines, or ask again naming your choice.'].join('\n'),
    );
    const json = JSON.parse(JSON.stringify(r));
    expect(json).toMatchObject({ intent: 'why', command: null, answer: null, clarify: { prompt: 'Which journey? billing · pharmacy' } });
  });

  it('keeps a --thread\'s subject between calls, so follow-ups need no arguments', async () => {
    const asked = [];
    for (const q of ['What was breaking on Nov 20?', 'Who is this hurting?', 'Show me what this feels like', 'Why is this happening?', 'and the day before?']) {
      asked.push((await askJson(q, '--thread', 'exec', '--date', FIXTURE_DATE)).command);
    }
    expect(asked.map((c: string) => c.replace(/M-\d+/, 'M-…'))).toEqual([
      'today --date 2026-11-20', 'segments billing --date 2026-11-20', 'journey M-… --date 2026-11-20', 'why billing --date 2026-11-20', 'why billing --date 2026-11-19',
    ]);
    // Without --thread nothing is carried over.
    expect((await askJson('Why is this happening?', '--date', FIXTURE_DATE)).clarify.prompt).toMatch(/^Which journey\?/);
  });

  it('refuses bad usage in one line', async () => {
    expect(await refusal(deps, ['ask'])).toMatch(/^What would you like to know\? e\.g\. leak ask "what's breaking right now\?"\. Usage: leak ask/);
    expect(await refusal(deps, ['ask', 'why', '--quality'])).toMatch(/^--quality lists past questions/);
    expect(await refusal(deps, ['ask', 'why', '--thread', 'a b'])).toMatch(/^--thread must be a name/);
  });

  it('lists the questions not understood or marked wrong in the last 30 days with --quality', async () => {
    const store = openAskStore(deps.store, deps.now);
    const wrong = (await askJson('how many calls did pharmacy get', '--date', FIXTURE_DATE)).command;
    const id = deps.store.sqlite.prepare('SELECT max(id) FROM ask_questions').pluck().get() as number;
    store.recordFeedback({ questionId: id, user: 'U1', verdict: 'down' });
    const rows = (await invoke<{ toJSON(): { question: string; reason: string; command: string | null }[] }>(deps, ['ask', '--quality'])).toJSON();
    expect(rows.find((r) => r.reason === 'marked_wrong')).toMatchObject({ question: 'how many calls did pharmacy get', command: wrong });
    expect(rows.filter((r) => r.reason === 'not_understood').map((r) => r.question)).toContain('tell me a joke');
    const text = await renderText(deps, ['ask'], await invoke(deps, ['ask', '--quality']));
    expect(text).toMatch(/^Questions marked wrong \(👎\) or not understood in the last 30 days, newest first \(America\/New_York\):/);
    expect(text).toContain('marked wrong');
  });
});

describe('what a question can reach', () => {
  it('maps only onto read-only answers that Slack may run too: never a terminal-only command or one that acts', async () => {
    expect(Object.keys(ANSWER_COMMANDS).sort()).toEqual([...INTENTS].sort());
    for (const intent of INTENTS) {
      const cmd = await loadCommand(intent);
      // Asking loads the very command the registry lists under that name.
      expect((await ANSWER_COMMANDS[intent]()).default, intent).toBe(cmd);
      expect(runsIn(cmd!, 'slack'), intent).toBe(true);
    }
    for (const name of ['import', 'export', 'digest', 'simulate', 'action', 'note', 'quarantine', 'ask']) expect(INTENTS as readonly string[]).not.toContain(name);
  });

  it('answers questions about importing, exporting or simulating without running any of them', async () => {
    const batches = () => deps.store.sqlite.prepare('SELECT count(*) FROM import_batches').pluck().get();
    const before = batches();
    for (const q of ['import the members file /tmp/members.csv', 'export everything', 'simulate 30 days of data', 'send the digest', 'dismiss action A-1', 'add a note that billing shipped']) {
      const json = await askJson(q, '--date', FIXTURE_DATE);
      if (json.command !== null) expect(json.command, q).toMatch(new RegExp(`^(${INTENTS.join('|')})\\b`));
    }
    expect(batches()).toBe(before);
  });
});
