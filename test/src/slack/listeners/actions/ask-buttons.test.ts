/**
 * The controls under asked answers, clicked through the real app: the journey menu and date controls
 * change an answer in place (and the thread's subject with it), a clarifying choice answers and teaches
 * the workspace the phrase, and 👍 / 👎 are stored one per person.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommand } from '../../../../../commands/registry.ts';
import { renderAnswer } from '../../../../../src/slack/render-answer.ts';
import type { FakeSlack } from '../../../../helpers/fake-slack.ts';
import type { StartedApp } from '../../../../helpers/start-app.ts';
import { invoke } from '../../../../helpers/invoke.ts';
import { useSeededApp } from '../../seed.ts';
import { click, dm, elementOf, mention, nextTs, slash, understoodOf, type Reply } from '../../ask/ask-app.ts';

const handles = useSeededApp();
let slack: FakeSlack;
let app: StartedApp;
beforeAll(() => ({ slack, app } = handles));

const commandText = async (line: string) => {
  const argv = line.split(' ');
  return renderAnswer((await loadCommand(argv[0]))!, await invoke(app.deps, argv), app.deps.config).text.text;
};
const sql = (q: string, ...args: unknown[]) => app.deps.store.sqlite.prepare(q).all(...args);
const button = (r: Reply, label: string) => {
  const block = r.blocks.find((b) => b.type === 'actions' && b.elements.some((e: any) => e.text?.text === label));
  if (!block) throw new Error(`no button "${label}" in ${JSON.stringify(r.blocks).slice(0, 500)}`);
  const element = block.elements.find((e: any) => e.text?.text === label);
  return { action_id: element.action_id, block_id: block.block_id, value: element.value };
};

describe('changing an answer in place', () => {
  it('re-runs the same question for another journey and day, updating the message and the thread', async () => {
    const root = nextTs();
    const first = await mention(app, slack, 'why is billing leaking?', { ts: root });
    expect(understoodOf(first)).toBe('why billing --date 2026-11-24');
    const menu = elementOf(first, 'leak_ask_journey');
    expect(menu.element.options.map((o: any) => o.value)).toEqual(['*', 'billing', 'id_card']);
    expect(menu.element.initial_option.value).toBe('billing');

    const idCard = await click(app, slack, { reply: first }, { action_id: 'leak_ask_journey', block_id: menu.block_id, selected_option: { value: 'id_card' } });
    expect(understoodOf(idCard)).toBe('why id_card --date 2026-11-24');
    expect(idCard.text).toBe(await commandText('why id_card --date 2026-11-24'));

    const picker = elementOf(idCard, 'leak_ask_date');
    expect(picker.element.initial_date).toBe('2026-11-24');
    const picked = await click(app, slack, { reply: idCard }, { action_id: 'leak_ask_date', block_id: picker.block_id, selected_date: '2026-11-23' });
    expect(understoodOf(picked)).toBe('why id_card --date 2026-11-23');

    const prev = elementOf(picked, 'leak_ask_day');
    expect([prev.element.action_id, prev.element.value]).toEqual(['leak_ask_day:prev', '2026-11-22']);
    const next = picked.blocks.flatMap((b) => b.elements ?? []).find((e: any) => e.action_id === 'leak_ask_day:next');
    expect(next.value).toBe('2026-11-24');
    const earlier = await click(app, slack, { reply: picked }, { action_id: prev.element.action_id, block_id: prev.block_id, value: prev.element.value });
    expect(understoodOf(earlier)).toBe('why id_card --date 2026-11-22');
    // Today has no "next day".
    expect(JSON.stringify(idCard.blocks)).not.toContain('leak_ask_day:next');

    const all = await click(app, slack, { reply: earlier }, { action_id: 'leak_ask_journey', block_id: elementOf(earlier, 'leak_ask_journey').block_id, selected_option: { value: '*' } });
    expect(understoodOf(all)).toBe('why --date 2026-11-22');
    // The thread follows the change: `why` for all journeys explained its top journey, billing (not id_card any more).
    expect(all.text).toMatch(/^billing: /);
    const followUp = await mention(app, slack, 'and yesterday?', { threadTs: root });
    expect(understoodOf(followUp), followUp.text).toBe('why billing --date 2026-11-23');
  });

  it('tells the clicker in one line when the message to replace is gone', async () => {
    const first = await mention(app, slack, 'who is id card hurting');
    const prev = elementOf(first, 'leak_ask_day');
    slack.failNext('chat.update', 'message_not_found');
    const told = await click(app, slack, { reply: first }, { action_id: prev.element.action_id, block_id: prev.block_id, value: prev.element.value }, 'response_url');
    expect(told.text).toBe(':warning: Slack did not take my answer (Slack said message_not_found); please try again in a minute.');
  });

  it('replaces a private /leak answer through its response URL', async () => {
    const first = await slash(app, slack, 'who is billing hurting');
    const prev = elementOf(first, 'leak_ask_day');
    const changed = await click(app, slack, { reply: first, ephemeral: true }, { action_id: prev.element.action_id, block_id: prev.block_id, value: prev.element.value });
    expect(changed.replace_original).toBe(true);
    expect(understoodOf(changed)).toBe('segments billing --date 2026-11-23');
    expect(changed.blocks.find((b) => b.block_id === 'leak_share').elements[0].value).toBe('segments billing --date 2026-11-23');
  });
});

describe('clarifying questions', () => {
  it('answers a choice in place and remembers the words for the workspace, so they are answered directly next time', async () => {
    const asked = await mention(app, slack, 'what is the cost of billing');
    expect(asked.text).toBe('What would you like to know about billing?');
    const answered = await click(app, slack, { reply: asked }, button(asked, 'whether it is worth fixing'));
    expect(understoodOf(answered)).toBe('savings billing --date 2026-11-24');
    expect(JSON.stringify(answered.blocks)).toContain('Learned: next time “what is the cost of billing” means this.');
    expect(sql('SELECT workspace, phrase, intent FROM ask_learned_phrases')).toEqual([{ workspace: 'T0TEAM001', phrase: 'what is the cost of billing', intent: 'savings' }]);

    const again = await mention(app, slack, 'What is the cost of billing?');
    expect(understoodOf(again)).toBe('savings billing --date 2026-11-24');
    const [row] = sql("SELECT resolution FROM ask_questions WHERE question = 'What is the cost of billing?'") as { resolution: string }[];
    expect(JSON.parse(row.resolution).source).toBe('learned');
  });

  it('asks the next question of a nested choice, and learns nothing from a choice that only filled the thread\'s gap', async () => {
    const learned = () => sql('SELECT count(*) AS n FROM ask_learned_phrases')[0];
    const before = learned();
    const asked = await mention(app, slack, 'show me the impact');
    expect(asked.text).toBe('Which journey? billing · id_card');
    const since = await click(app, slack, { reply: asked }, button(asked, 'billing'));
    expect(since.text).toMatch(/^Since when\? Give the day the billing fix shipped/);
    const answered = await click(app, slack, { reply: since }, button(since, 'since 2026-11-17 (7 days ago)'));
    expect(understoodOf(answered)).toBe('impact billing 2026-11-17 --date 2026-11-24');
    expect(answered.text).toBe(await commandText('impact billing 2026-11-17 --date 2026-11-24'));
    expect(learned()).toEqual(before);
  });
});

describe('👍 / 👎', () => {
  it('stores one verdict per person per answer, and lists the ones marked wrong in leak ask --quality', async () => {
    const answer = await mention(app, slack, 'who is id card hurting');
    const up = elementOf(answer, 'leak_ask_up');
    const id = Number(up.element.value);
    const vote = (action: string) => {
      const el = elementOf(answer, action);
      return click(app, slack, { reply: answer }, { action_id: el.element.action_id, block_id: el.block_id, value: el.element.value }, 'response_url');
    };
    expect((await vote('leak_ask_up')).text).toBe('Thanks: noted as a good answer.');
    expect((await vote('leak_ask_down')).text).toMatch(/^Thanks: noted as a wrong answer\./);
    expect(sql('SELECT question_id, user, verdict FROM ask_feedback WHERE question_id = ?', id)).toEqual([{ question_id: id, user: 'U0ALICE01', verdict: 'down' }]);
    const quality = await invoke<{ toJSON(): { question: string; reason: string }[] }>(app.deps, ['ask', '--quality']);
    expect(quality.toJSON().filter((r) => r.reason === 'marked_wrong').map((r) => r.question)).toEqual(['who is id card hurting']);
  });
});

describe('crafted values', () => {
  // A click's value and menu choice come with the payload: a crafted one may name any stored question or any text.
  const count = (table: string) => sql(`SELECT count(*) AS n FROM ${table}`)[0];
  const GONE = 'I no longer have that question; please ask it again.';

  it('acts on a question only where it was asked: another conversation\'s id gets "no longer have", and nothing is answered, learned or voted', async () => {
    // A clarifying question asked in a DM, and an answer asked privately with /leak by someone else.
    const private_ = await dm(app, slack, 'show me the impact', { channelId: 'D0SECRET01' });
    expect(private_.text).toBe('Which journey? billing · id_card');
    const [choice] = private_.blocks.flatMap((b) => b.elements ?? []).filter((e: any) => String(e.action_id).startsWith('leak_ask_choice'));
    const theirs = await slash(app, slack, 'why is billing leaking?', 'U0CAROL01');
    const threads = sql('SELECT thread_key, context FROM ask_threads ORDER BY thread_key');
    const before = [count('ask_questions'), count('ask_learned_phrases'), count('ask_feedback')];
    const menu = elementOf(theirs, 'leak_ask_journey');
    const up = elementOf(theirs, 'leak_ask_up');
    // Each clicked by Alice in #leaks, with the values copied over.
    const refusals = [
      await click(app, slack, { reply: private_, ephemeral: true }, { action_id: choice.action_id, block_id: 'b1', value: choice.value }),
      await click(app, slack, { reply: theirs, ephemeral: true }, { action_id: 'leak_ask_journey', block_id: menu.block_id, selected_option: { value: 'id_card' } }),
      await click(app, slack, { reply: theirs, ephemeral: true }, { action_id: 'leak_ask_up', block_id: up.block_id, value: up.element.value }),
    ];
    expect(refusals.map((r) => r.text)).toEqual([GONE, GONE, GONE]);
    expect([count('ask_questions'), count('ask_learned_phrases'), count('ask_feedback')]).toEqual(before);
    expect(sql('SELECT thread_key, context FROM ask_threads ORDER BY thread_key')).toEqual(threads);
  });

  it('the journey menu takes only a journey it offers: anything else is refused, and nothing runs or is stored', async () => {
    const first = await slash(app, slack, 'why is billing leaking?', 'U0DAN0001');
    const menu = elementOf(first, 'leak_ask_journey');
    const before = count('ask_questions');
    for (const value of ['--json', 'nope', 'x'.repeat(5000)]) {
      const r = await click(app, slack, { reply: first, ephemeral: true, userId: 'U0DAN0001' }, { action_id: 'leak_ask_journey', block_id: menu.block_id, selected_option: { value } });
      expect(r.text, value.slice(0, 20)).toBe('That journey is not one the menu offers; pick one from it, or ask again.');
    }
    expect(count('ask_questions')).toEqual(before);
  });
});
