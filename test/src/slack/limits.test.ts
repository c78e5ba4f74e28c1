/**
 * Every rendered answer stays inside Slack's Block Kit limits, on a large store (many journeys and
 * segments) and on oversized synthetic results: long answers are cut with "Showing N of M", never
 * left for Slack to reject.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnownBlock } from '@slack/types';
import { runsIn } from '../../../commands/command.ts';
import { loadCommands } from '../../../commands/registry.ts';
import type { Context } from '../../../src/context.ts';
import { renderTodayBlocks } from '../../../commands/today.ts';
import type { TodayResult } from '../../../src/leakage/today.ts';
import { answerLine } from '../../../src/slack/answer.ts';
import { renderGeneric } from '../../../src/blocks/generic.ts';
import { fitAnswer, LIMITS, limitProblems } from '../../../src/blocks/limits.ts';
import { mrkdwn } from '../../../src/blocks/mrkdwn.ts';
import { buildHomeBlocks } from '../../../src/slack/home/blocks.ts';
import { queryHome } from '../../../src/slack/home/query.ts';
import { callRow, eventRow, load, memberRow } from '../../helpers/leak-fixture.ts';
import { makeDeps } from '../../helpers/store.ts';
import { NOW } from './seed.ts';

const JOURNEYS = Array.from({ length: 60 }, (_, i) => `journey_${String(i).padStart(2, '0')}_${'x'.repeat(40)}`);
const PLANS = ['MAPD', 'Commercial', 'Medicaid', 'Medicare Supplement'];

let deps: Context;
beforeAll(async () => {
  deps = makeDeps({ now: NOW });
  const members: string[] = [];
  const digital: string[] = [];
  const calls: string[] = [];
  let n = 0;
  for (const [j, journey] of JOURNEYS.entries()) {
    for (let k = 0; k <= j % 5; k++) {
      const id = `M-${String(200000 + ++n)}`;
      members.push(memberRow({ id, plan: PLANS[n % PLANS.length], enrolled: n % 2 ? '2026-09-01' : '2020-01-01', birth: String(1940 + (n % 60)) }));
      digital.push(eventRow({ id: `e${n}`, member: id, ts: `2026-11-24T1${k}:00:00Z`, outcome: 'error', journey, error: `Error ${j}` }));
      calls.push(callRow({ id: `c${n}`, member: id, start: `2026-11-24T1${k}:05:00Z` }));
    }
  }
  await load(deps, { members, digital, calls });
});

const expectWithinLimits = (blocks: KnownBlock[], max: number = LIMITS.messageBlocks) => expect(limitProblems(blocks, max)).toEqual([]);

describe('Block Kit limits on a large store', () => {
  it('/leak today with 60 leaking journeys fits one message and says how many are shown', async () => {
    const msg = await answerLine('today', deps, { shareable: true });
    expectWithinLimits(msg.blocks);
    const text = JSON.stringify(msg.blocks);
    expect(text).toMatch(/Showing \d+ of 60 journeys; the CLI prints them all\./);
    // The footer survives the cut: totals, definitions and the Share button.
    expect(text).toContain('"block_id":"total"');
    expect(text).toContain('"action_id":"leak_share"');
    expect(msg.text.length).toBeGreaterThan(0);
  });

  it('every Slack command answers within limits with its default arguments (new commands are checked automatically)', async () => {
    for (const cmd of (await loadCommands()).filter((c) => runsIn(c, 'slack'))) {
      const msg = await answerLine(cmd.name, deps, { shareable: true });
      expect(limitProblems(msg.blocks), cmd.name).toEqual([]);
      const json = await answerLine(`${cmd.name} --json`, deps, { shareable: true });
      expect(limitProblems(json.blocks), `${cmd.name} --json`).toEqual([]);
    }
    expectWithinLimits((await answerLine('help', deps, { shareable: true })).blocks);
  });

  it('the Home tab stays within a view’s 100 blocks', () => {
    const view = buildHomeBlocks(queryHome(deps));
    expectWithinLimits(view.blocks as KnownBlock[], LIMITS.viewBlocks);
    expect(JSON.stringify(view.blocks)).toContain('Top 5 of 60 leaking journeys');
  });
});

describe('fitting oversized answers', () => {
  it('clamps header, fields, text and buttons of a pathological today result', () => {
    const long = 'y'.repeat(3000);
    const result: TodayResult = {
      date: '2026-11-24',
      time_zone: 'America/New_York',
      partial_through: null,
      stale: false,
      data_note: null,
      journeys: Array.from({ length: 300 }, (_, i) => ({ journey: `${long}${i}`, calls: i + 1, cost: 8 * (i + 1), top_segment: long, trend_pct: 12.5 })),
      total: { calls: 1, cost: 8, trend_pct: null },
      headline: long.repeat(3),
    };
    const msg = fitAnswer(renderTodayBlocks(result, deps.config));
    expectWithinLimits(msg.blocks);
    expect(msg.text.length).toBeLessThanOrEqual(LIMITS.text);
  });

  it('splits long CLI text into code sections under 3,000 characters and keeps escaping', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `row ${i} <segment> & M-${100000 + i}`).join('\n');
    const cmd = { name: 'big', summary: 'A very long answer', renderText: () => text };
    const msg = fitAnswer(renderGeneric(cmd, {}));
    expectWithinLimits(msg.blocks);
    expect(JSON.stringify(msg.blocks)).toMatch(/Showing \d+ of \d+ parts/);
    expect(JSON.stringify(msg.blocks)).toContain('&lt;segment&gt; &amp;');
  });

  it('makes duplicate action_ids and block_ids unique', () => {
    const button = { type: 'button' as const, text: { type: 'plain_text' as const, text: 'Go' }, action_id: 'same', value: 'v' };
    const msg = fitAnswer({
      text: mrkdwn`t`,
      head: [],
      rows: [[{ type: 'actions', block_id: 'b', elements: [button, button] }], [{ type: 'actions', block_id: 'b', elements: [button] }]],
      tail: [],
      unit: 'rows',
    });
    expectWithinLimits(msg.blocks);
  });

  it('limitProblems itself catches each limit (the check can fail)', () => {
    const header = (n: number): KnownBlock => ({ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(n) } });
    expect(limitProblems([header(151)])).toHaveLength(1);
    expect(limitProblems(Array.from({ length: 51 }, () => ({ type: 'divider' }) as KnownBlock))).toHaveLength(1);
    expect(limitProblems([{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'f' })) }])).toHaveLength(1);
    expect(limitProblems([{ type: 'section', text: { type: 'mrkdwn', text: 's'.repeat(3001) } }])).toHaveLength(1);
  });
});
