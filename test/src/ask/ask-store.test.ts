/** What asking remembers, on a real SQLite file: contexts across a reopen, feedback, learned phrases, the quality list. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../db/open-db.ts';
import { openAskStore } from '../../../src/ask/ask-store.ts';
import { nextContext } from '../../../src/ask/context.ts';
import { learnedPhrase, resolveQuestion } from '../../../src/ask/resolve.ts';
import type { AnswerResolution } from '../../../src/ask/types.ts';
import { INPUT, answer, clarify } from './ask-input.ts';

const DAY = 86_400_000;
const dirs: string[] = [];
const stores: Store[] = [];
function tempStore(file?: string): { store: Store; file: string } {
  if (!file) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leak-ask-'));
    dirs.push(dir);
    file = path.join(dir, 'leak.db');
  }
  const store = openStore(file);
  stores.push(store);
  return { store, file };
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('ask store', () => {
  it("keeps a thread's context across a restart, and a follow-up resolves from it", () => {
    const { store, file } = tempStore();
    const first = answer(resolveQuestion('What was breaking on Nov 18?', INPUT));
    openAskStore(store).saveContext('slack:T1:C1:1700000000.000100', nextContext(undefined, first, { journeys: [{ journey: 'pharmacy' }] }));
    store.close();

    const reopened = openAskStore(tempStore(file).store);
    const context = reopened.loadContext('slack:T1:C1:1700000000.000100');
    expect(context?.about).toEqual({ journey: 'pharmacy', date: '2026-11-18' });
    expect(answer(resolveQuestion('Why is this happening?', { ...INPUT, context })).argv).toEqual(['why', 'pharmacy', '--date', '2026-11-18']);
    expect(reopened.loadContext('slack:T1:C1:other')).toBeUndefined();
  });

  it('ignores a stored context that no longer parses, and prunes old threads', () => {
    const { store } = tempStore();
    let now = Date.parse('2026-11-20T12:00:00Z');
    const ask = openAskStore(store, () => now);
    store.sqlite.prepare("INSERT INTO ask_threads (thread_key, context, updated_at) VALUES ('bad', '{\"previous\":1}', ?)").run(now);
    expect(ask.loadContext('bad')).toBeUndefined();
    ask.saveContext('cli:1', nextContext(undefined, answer(resolveQuestion('whats breaking', INPUT)), {}));
    now += 31 * DAY;
    ask.saveContext('cli:2', nextContext(undefined, answer(resolveQuestion('whats breaking', INPUT)), {}));
    expect(ask.pruneThreads(30)).toBe(2);
    expect(ask.loadContext('cli:1')).toBeUndefined();
    expect(ask.loadContext('cli:2')).toBeDefined();
  });

  it('records questions and one verdict per person, a second click replacing the first', () => {
    const { store } = tempStore();
    const ask = openAskStore(store, () => Date.parse('2026-11-20T12:00:00Z'));
    const id = ask.recordQuestion({ workspace: 'T1', threadKey: 't', user: 'U1', question: 'whats breaking', resolution: resolveQuestion('whats breaking', INPUT) });
    ask.recordFeedback({ questionId: id, user: 'U1', verdict: 'down' });
    ask.recordFeedback({ questionId: id, user: 'U1', verdict: 'up' });
    ask.recordFeedback({ questionId: id, user: 'U2', verdict: 'down' });
    expect(store.sqlite.prepare('SELECT user, verdict FROM ask_feedback ORDER BY user').all()).toEqual([{ user: 'U1', verdict: 'up' }, { user: 'U2', verdict: 'down' }]);
    expect(store.sqlite.prepare('SELECT kind, intent, command FROM ask_questions').get()).toEqual({ kind: 'answer', intent: 'today', command: 'today --date 2026-11-20' });
    expect(() => ask.recordFeedback({ questionId: id + 99, user: 'U1', verdict: 'up' })).toThrow(`No asked question ${id + 99}.`);
  });

  it('remembers a correction for the workspace only, so the same words resolve directly there', () => {
    const { store } = tempStore();
    const ask = openAskStore(store);
    const question = 'how are medicare folks doing';
    const picked = clarify(resolveQuestion(question, INPUT)).options[0].resolution as AnswerResolution;
    ask.learnPhrase({ workspace: 'T1', user: 'U1', learned: learnedPhrase(question, picked, INPUT) });
    const learned = ask.learnedPhrases('T1');
    expect(learned).toEqual([{ phrase: question, intent: 'cube', slots: { measure: 'calls', by: ['journey'], segment: 'MAPD New' } }]);
    expect(answer(resolveQuestion('How are Medicare folks doing?', { ...INPUT, learned })).source).toBe('learned');
    expect(ask.learnedPhrases('T2')).toEqual([]);
    // A later correction of the same words replaces the first.
    const other = clarify(resolveQuestion(question, INPUT)).options[1].resolution as AnswerResolution;
    ask.learnPhrase({ workspace: 'T1', user: 'U2', learned: learnedPhrase(question, other, INPUT) });
    expect(ask.learnedPhrases('T1').map((l) => l.slots.segment)).toEqual(['MAPD Tenured']);
  });

  it('lists for --quality the questions marked wrong or not understood in the last 30 days, newest first', () => {
    const { store } = tempStore();
    let now = Date.parse('2026-10-01T12:00:00Z');
    const ask = openAskStore(store, () => now);
    const record = (question: string, workspace = 'T1') => ask.recordQuestion({ workspace, user: 'U1', question, resolution: resolveQuestion(question, INPUT) });
    const old = record('tell me a joke');
    now = Date.parse('2026-11-15T12:00:00Z');
    const liked = record('whats breaking');
    const wrong = record('how much is billing costing us');
    const notUnderstood = record('what is the meaning of life');
    const refused = record('delete all the data');
    record('sing me a song', 'T2');
    ask.recordFeedback({ questionId: liked, user: 'U1', verdict: 'up' });
    ask.recordFeedback({ questionId: wrong, user: 'U1', verdict: 'down' });
    ask.recordFeedback({ questionId: wrong, user: 'U2', verdict: 'down' });
    ask.recordFeedback({ questionId: old, user: 'U1', verdict: 'down' });
    now = Date.parse('2026-11-20T12:00:00Z');
    const rows = ask.qualityReport({ workspace: 'T1' });
    expect(rows.map((r) => [r.id, r.reason, r.kind, r.command, r.down_votes])).toEqual([
      [refused, 'not_understood', 'unknown', null, 0],
      [notUnderstood, 'not_understood', 'unknown', null, 0],
      [wrong, 'marked_wrong', 'answer', 'savings billing --date 2026-11-20', 2],
    ]);
    expect(ask.qualityReport().length).toBe(4);
    expect(ask.qualityReport({ days: 90, workspace: 'T1' }).map((r) => r.id)).toContain(old);
  });
});
