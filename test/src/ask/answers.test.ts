/**
 * The resolver's command lines run as they are through the real command registry on the small
 * fixture store (real SQLite, real import and pipeline): every phrasing about the fixture's journeys
 * parses, and the executive conversation is answered end to end, the wiring's way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInvocation } from '../../../commands/invocation.ts';
import { nextContext } from '../../../src/ask/context.ts';
import { commandLine, fillNeeds, resolveQuestion } from '../../../src/ask/resolve.ts';
import { pickLeakedMember, readVocabulary } from '../../../src/ask/store-reads.ts';
import type { AnswerResolution, AskInput, ThreadContext } from '../../../src/ask/types.ts';
import { FIXTURE_DATE, loadSmallFixture } from '../../helpers/fixture-small.ts';
import { invoke } from '../../helpers/invoke.ts';
import { makeDeps } from '../../helpers/store.ts';
import { clarify } from './ask-input.ts';
import { ASKED } from './phrasings-asked.ts';
import { PHRASINGS } from './phrasings.ts';

const deps = makeDeps();
let input: AskInput;
beforeAll(async () => {
  await loadSmallFixture(deps);
  input = { today: FIXTURE_DATE, timeZone: deps.config.timeZone, vocabulary: readVocabulary(deps.store) };
});

describe('answers from the store', () => {
  it("reads the store's vocabulary, biggest leak first", () => {
    expect(input.vocabulary.journeys).toEqual(['billing', 'pharmacy', 'id_card']);
    expect(input.vocabulary.segments).toEqual(['ACA', 'Commercial', 'MAPD New', 'MAPD Tenured', 'Medicaid']);
    expect(input.vocabulary.languages).toContain('en');
    expect(input.vocabulary.devices).toEqual(['desktop', 'mobile']);
    expect(input.vocabulary.channels).toEqual(['app', 'web']);
  });

  it('gives command lines the CLI accepts for every question as asked about journeys the store has', async () => {
    const known = new Set(input.vocabulary.journeys);
    const lines = ASKED.flatMap(([question, expected]) => {
      if (typeof expected !== 'string' || expected === 'refused' || expected === 'not_understood' || expected.includes('MEMBER_ID')) return [];
      const journey = expected.match(/^(?:savings|why|actions|segments|impact) ([a-z_]+)(?: |$)|journey=([a-z_]+)/);
      const named = journey?.[1] ?? journey?.[2];
      return named && !/^\d|^A-/.test(named) && !known.has(named) ? [] : [question];
    });
    expect(lines.length).toBeGreaterThan(100);
    for (const question of lines) {
      const r = resolveQuestion(question, { ...input, today: '2026-11-20' }) as AnswerResolution;
      const parsed = parseInvocation(r.argv, deps).catch((e: Error) => (/^No data for .*: the store holds calls from/.test(e.message) ? 'outside the data' : Promise.reject(e)));
      await expect(parsed, `${question} → ${commandLine(r.argv)}`).resolves.toBeDefined();
    }
  });

  it('gives command lines the CLI accepts for every phrasing about journeys the store has', async () => {
    const known = new Set([undefined, ...input.vocabulary.journeys]);
    const rows = PHRASINGS.filter(([, intent, slots]) => known.has(slots.journey) && !(intent === 'journey' && !slots.member_id));
    expect(rows.length).toBeGreaterThan(80);
    for (const [question] of rows) {
      const r = resolveQuestion(question, input) as AnswerResolution;
      // A well-formed line about days the store has no calls for is answered with the days it has.
      const parsed = parseInvocation(r.argv, deps).catch((e: Error) => (/^No data for .*: the store holds calls from/.test(e.message) ? 'outside the data' : Promise.reject(e)));
      await expect(parsed, `${question} → ${commandLine(r.argv)}`).resolves.toBeDefined();
    }
  });

  it('answers the executive conversation in a thread, each follow-up about what the previous answer found', async () => {
    let context: ThreadContext | undefined;
    const asked: string[] = [];
    const results: Record<string, Record<string, unknown>> = {};
    const ask = async (question: string, pick?: (r: ReturnType<typeof resolveQuestion>) => AnswerResolution) => {
      const resolved = resolveQuestion(question, { ...input, context });
      let r = pick ? pick(resolved) : (resolved as AnswerResolution);
      if (r.needs) r = fillNeeds(r, pickLeakedMember(deps.store, r.needs)!);
      const result = await invoke(deps, r.argv);
      context = nextContext(context, r, result);
      asked.push(commandLine(r.argv));
      results[r.intent] = result;
    };
    await ask('What was breaking on Nov 20?');
    await ask('Who is this hurting?');
    await ask('Show me what this feels like');
    await ask('Is this worth fixing?');
    await ask('Why is this happening?');
    await ask('What should my teams do next?');
    // No action has shipped and the thread's day is today: Leak asks since when, and the first choice answers.
    await ask('How do we know it worked?', (r) => clarify(r).options[0].resolution as AnswerResolution);
    expect(asked.map((c) => c.replace(/M-\d+/, 'M-…'))).toEqual([
      'today --date 2026-11-20', 'segments billing --date 2026-11-20', 'journey M-… --date 2026-11-20', 'savings billing --date 2026-11-20',
      'why billing --date 2026-11-20', 'actions billing --date 2026-11-20', 'impact billing 2026-11-13 --date 2026-11-20',
    ]);
    expect(results.today.headline).toMatch(/^Your single biggest leak on 2026-11-20 is billing: 10 calls/);
    expect(results.segments.journey).toBe('billing');
    const member = asked[2].split(' ')[1];
    expect(deps.store.sqlite.prepare("SELECT count(*) FROM digital_call_leakage WHERE member_id = ? AND journey = 'billing' AND local_date = ?").pluck().get(member, FIXTURE_DATE)).toBe(1);
    expect(results.impact.journey).toBe('billing');
  });
});
