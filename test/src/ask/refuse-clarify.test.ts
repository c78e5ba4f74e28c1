/**
 * What the resolver will not do: map a request to change something (or nonsense) onto a command,
 * or present a guess as fact. Refusals carry three example questions, each of which resolves.
 */
import { describe, expect, it } from 'vitest';
import { commandLine, resolveQuestion } from '../../../src/ask/resolve.ts';
import type { AnswerResolution, ClarifyResolution } from '../../../src/ask/types.ts';
import { INPUT, answer, clarify, unknown } from './ask-input.ts';

const REFUSED = [
  'delete all the data', 'drop table members', 'please wipe the store', 'truncate the calls table', 'reset all alerts',
  'remove member M-104382', 'erase billing history', 'destroy everything', 'can you purge old leaks', 'shut down the bot',
  'snooze all alerts', 'acknowledge alert 12', 'dismiss the billing action', 'rm -rf /', 'insert into members values (1)',
  '; DROP TABLE ask_questions; --', "don't delete anything just show me billing",
];
const NOT_UNDERSTOOD = ['tell me a joke', "what's the weather today", 'hello', 'who are you', 'sing me a song', 'what is the meaning of life', 'help', 'asdfghjkl', 'ok thanks', '   '];

describe('resolveQuestion: refusals', () => {
  it.each(REFUSED)('refuses to act on "%s", with three example questions that resolve', (q) => {
    const r = unknown(resolveQuestion(q, INPUT));
    expect(r.reason).toBe('refused');
    expect(r.suggestions).toHaveLength(3);
    for (const s of r.suggestions) expect(resolveQuestion(s, INPUT).kind).toBe('answer');
  });

  it.each(NOT_UNDERSTOOD)('does not understand "%s" and suggests three questions', (q) => {
    const r = unknown(resolveQuestion(q, INPUT));
    expect(r.reason).toBe('not_understood');
    expect(new Set(r.suggestions).size).toBe(3);
    for (const s of r.suggestions) expect(resolveQuestion(s, INPUT).kind).toBe('answer');
  });

  it('suggests questions close to what was asked, about the journey it named', () => {
    expect(unknown(resolveQuestion('reset all alerts', INPUT)).suggestions[0]).toBe('Any open alerts?');
    expect(unknown(resolveQuestion('dismiss the pharmacy action', INPUT)).suggestions[0]).toBe('What should my teams do about pharmacy?');
    expect(unknown(resolveQuestion('tell me a joke', INPUT)).suggestions).toEqual(["What's breaking right now?", 'Who is billing hurting?', 'Show me what a billing leak feels like']);
  });
});

const labels = (r: ClarifyResolution) => r.options.map((o) => o.label);
const commandOf = (r: ClarifyResolution, label: string) => {
  const o = r.options.find((x) => x.label === label)!.resolution;
  return o.kind === 'answer' ? commandLine(o.argv) : o.kind;
};

describe('resolveQuestion: clarifying questions', () => {
  it('asks which journey when "this" points at nothing, with every journey and "all journeys" as answers', () => {
    const r = clarify(resolveQuestion('Is this worth fixing?', INPUT));
    expect(r.slot).toBe('journey');
    expect(r.prompt).toBe('Which journey? billing · pharmacy · id_card · claims · find_care · benefits');
    expect(labels(r)).toEqual([...INPUT.vocabulary.journeys, 'all journeys']);
    expect(commandOf(r, 'pharmacy')).toBe('savings pharmacy --date 2026-11-20');
    expect(commandOf(r, 'all journeys')).toBe('savings --date 2026-11-20');
  });

  it('asks which of two named journeys, never picking one', () => {
    const r = clarify(resolveQuestion('billing or pharmacy why', INPUT));
    expect(r).toMatchObject({ slot: 'journey', prompt: 'Which journey? billing · pharmacy' });
    expect(commandOf(r, 'billing')).toBe('why billing --date 2026-11-20');
  });

  it('asks new or tenured for "MAPD" alone', () => {
    const r = clarify(resolveQuestion('how are mapd members doing', INPUT));
    expect(r.slot).toBe('segment');
    expect(labels(r)).toEqual(['MAPD New', 'MAPD Tenured']);
    expect(commandOf(r, 'MAPD Tenured')).toBe("cube --measure calls --by journey --where 'segment=MAPD Tenured' --date 2026-11-20");
  });

  it('asks what about a journey named alone', () => {
    const r = clarify(resolveQuestion('refills', INPUT));
    expect(r).toMatchObject({ slot: 'intent', prompt: 'What would you like to know about pharmacy?' });
    expect(r.options.map((o) => commandLine((o.resolution as AnswerResolution).argv))).toEqual([
      'why pharmacy --date 2026-11-20', 'segments pharmacy --date 2026-11-20', 'savings pharmacy --date 2026-11-20', 'actions pharmacy --date 2026-11-20',
    ]);
  });

  it('asks since when for an impact question without a ship date, then which journey when none is named', () => {
    const since = clarify(resolveQuestion('how do we know the pharmacy fix worked', INPUT));
    expect(since.slot).toBe('since');
    expect(labels(since)).toEqual(['since 2026-11-13 (7 days ago)', 'since 2026-11-06 (14 days ago)', 'since 2026-10-21 (30 days ago)']);
    expect(commandOf(since, 'since 2026-11-13 (7 days ago)')).toBe('impact pharmacy 2026-11-13 --date 2026-11-20');
    const journey = clarify(resolveQuestion('How do we know it worked?', INPUT));
    expect(journey.slot).toBe('journey');
    expect(labels(journey)).not.toContain('all journeys');
    expect(clarify(journey.options[0].resolution).slot).toBe('since');
  });

  it('asks again for a fix share outside 0–100%, offering the default', () => {
    const r = clarify(resolveQuestion('worth fixing billing at 150 percent', INPUT));
    expect(r.slot).toBe('fix_pct');
    expect(r.prompt).toContain('150%');
    expect(commandOf(r, 'the default share')).toBe('savings billing --date 2026-11-20');
  });

  it('asks which member, with no made-up id', () => {
    expect(clarify(resolveQuestion('show me a member profile', INPUT))).toEqual({ kind: 'clarify', slot: 'member_id', prompt: 'Which member? Give an id such as M-104382.', options: [] });
  });

  it('says when the store must supply the member of a playback, instead of inventing one', () => {
    const r = answer(resolveQuestion('show me what a billing leak feels like', INPUT));
    expect(r.needs).toEqual({ slot: 'member_id', journey: 'billing', date: '2026-11-20', note: 'a member who leaked on billing on 2026-11-20, picked from the store' });
    expect(r.argv).toEqual(['journey', 'MEMBER_ID', '--date', '2026-11-20']);
  });

  it('notes what a command cannot filter by instead of dropping it silently', () => {
    const r = answer(resolveQuestion('is fixing billing for medicaid members worth it', INPUT));
    expect(commandLine(r.argv)).toBe('savings billing --date 2026-11-20');
    expect(r.notes).toEqual(['savings has no per-segment or per-language figure: answered for billing as a whole.']);
  });
});
