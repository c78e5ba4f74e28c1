/**
 * What asking remembers, in the store (db/schema/ask.ts): each thread's context so follow-ups survive
 * a restart, every question with how it was understood, 👍/👎 per answer, the phrases a workspace
 * taught through the clarifying buttons, and the `leak ask --quality` list (questions marked wrong or
 * not understood in the last 30 days). JSON read back is checked with zod; a bad row is ignored.
 */
import type { Store } from '../../db/open-db.ts';
import { LeakError } from '../errors.ts';
import { commandLine } from './argv.ts';
import { INTENTS, resolutionSchema, slotsSchema, threadContextSchema, type Intent, type LearnedPhrase, type Resolution, type ThreadContext } from './types.ts';

const DAY_MS = 86_400_000;
/** A conversation untouched this long is over: `npm start` forgets its subject. */
export const THREAD_KEEP_DAYS = 30;

export type Verdict = 'up' | 'down';
export type QualityRow = {
  id: number;
  question: string;
  /** marked_wrong: someone gave the answer 👎; not_understood: Leak answered "I answer questions like…". */
  reason: 'marked_wrong' | 'not_understood';
  kind: 'answer' | 'clarify' | 'unknown';
  intent: string | null;
  command: string | null;
  user: string;
  asked_at: number;
  down_votes: number;
};

/** An asked question read back, for the buttons under its answer (a choice, a new journey or date, 👍/👎). */
export type AskedQuestion = { id: number; workspace: string; threadKey: string | null; user: string; question: string; resolution: Resolution };

export type AskStore = ReturnType<typeof openAskStore>;

export function openAskStore(store: Store, now: () => number = Date.now) {
  const db = store.sqlite;
  const stmts = {
    loadContext: db.prepare('SELECT context FROM ask_threads WHERE thread_key = ?').pluck(),
    saveContext: db.prepare(
      `INSERT INTO ask_threads (thread_key, context, updated_at) VALUES (@key, @context, @at)
       ON CONFLICT (thread_key) DO UPDATE SET context = excluded.context, updated_at = excluded.updated_at`,
    ),
    pruneThreads: db.prepare('DELETE FROM ask_threads WHERE updated_at < ?'),
    recordQuestion: db.prepare(
      `INSERT INTO ask_questions (workspace, thread_key, user, question, kind, intent, command, resolution, asked_at)
       VALUES (@workspace, @threadKey, @user, @question, @kind, @intent, @command, @resolution, @at)`,
    ),
    questionExists: db.prepare('SELECT 1 FROM ask_questions WHERE id = ?').pluck(),
    loadQuestion: db.prepare('SELECT id, workspace, thread_key AS threadKey, user, question, resolution FROM ask_questions WHERE id = ?'),
    recordFeedback: db.prepare(
      `INSERT INTO ask_feedback (question_id, user, verdict, at) VALUES (@id, @user, @verdict, @at)
       ON CONFLICT (question_id, user) DO UPDATE SET verdict = excluded.verdict, at = excluded.at`,
    ),
    learn: db.prepare(
      `INSERT INTO ask_learned_phrases (workspace, phrase, intent, slots, learned_by, learned_at) VALUES (@workspace, @phrase, @intent, @slots, @user, @at)
       ON CONFLICT (workspace, phrase) DO UPDATE SET intent = excluded.intent, slots = excluded.slots, learned_by = excluded.learned_by, learned_at = excluded.learned_at`,
    ),
    learned: db.prepare('SELECT phrase, intent, slots FROM ask_learned_phrases WHERE workspace = ? ORDER BY learned_at DESC'),
    quality: db.prepare(
      `SELECT q.id, q.question, q.kind, q.intent, q.command, q.user, q.asked_at,
         (SELECT count(*) FROM ask_feedback f WHERE f.question_id = q.id AND f.verdict = 'down') AS down_votes
       FROM ask_questions q
       WHERE q.asked_at >= @since AND (@workspace IS NULL OR q.workspace = @workspace)
         AND (q.kind = 'unknown' OR EXISTS (SELECT 1 FROM ask_feedback f WHERE f.question_id = q.id AND f.verdict = 'down'))
       ORDER BY q.asked_at DESC, q.id DESC`,
    ),
  };

  return {
    /** The thread's context, or undefined (never asked here, or a row that no longer parses). */
    loadContext(threadKey: string): ThreadContext | undefined {
      const raw = stmts.loadContext.get(threadKey) as string | undefined;
      if (raw === undefined) return undefined;
      const parsed = threadContextSchema.safeParse(safeJson(raw));
      return parsed.success ? parsed.data : undefined;
    },
    saveContext(threadKey: string, context: ThreadContext): void {
      stmts.saveContext.run({ key: threadKey, context: JSON.stringify(threadContextSchema.parse(context)), at: now() });
    },
    /** Forgets threads untouched for `days` days; returns how many. */
    pruneThreads(days: number): number {
      return stmts.pruneThreads.run(now() - days * DAY_MS).changes;
    },
    /** Logs a question and how it was resolved; the id is what 👍/👎 refer to. */
    recordQuestion(q: { workspace: string; threadKey?: string; user: string; question: string; resolution: Resolution }): number {
      const r = q.resolution;
      return Number(
        stmts.recordQuestion.run({
          workspace: q.workspace,
          threadKey: q.threadKey ?? null,
          user: q.user,
          question: q.question,
          kind: r.kind,
          intent: r.kind === 'answer' ? r.intent : null,
          command: r.kind === 'answer' ? commandLine(r.argv) : null,
          resolution: JSON.stringify(r),
          at: now(),
        }).lastInsertRowid,
      );
    },
    /** The question with that id and how it was resolved, or undefined (no such id, or a row that no longer parses). */
    loadQuestion(id: number): AskedQuestion | undefined {
      const row = stmts.loadQuestion.get(id) as (Omit<AskedQuestion, 'resolution'> & { resolution: string }) | undefined;
      const parsed = row && resolutionSchema.safeParse(safeJson(row.resolution));
      return row && parsed?.success ? { ...row, resolution: parsed.data } : undefined;
    },
    /** One verdict per person per question; a second click replaces the first. */
    recordFeedback(f: { questionId: number; user: string; verdict: Verdict }): void {
      if (!stmts.questionExists.get(f.questionId)) throw new LeakError('not_found', `No asked question ${f.questionId}.`);
      stmts.recordFeedback.run({ id: f.questionId, user: f.user, verdict: f.verdict, at: now() });
    },
    /** Remembers what a phrase meant for the workspace (learnedPhrase() in resolve.ts makes one from a chosen answer). */
    learnPhrase(l: { workspace: string; user: string; learned: LearnedPhrase }): void {
      stmts.learn.run({ workspace: l.workspace, phrase: l.learned.phrase, intent: l.learned.intent, slots: JSON.stringify(slotsSchema.parse(l.learned.slots)), user: l.user, at: now() });
    },
    learnedPhrases(workspace: string): LearnedPhrase[] {
      const rows = stmts.learned.all(workspace) as { phrase: string; intent: string; slots: string }[];
      return rows.flatMap((r) => {
        const slots = slotsSchema.safeParse(safeJson(r.slots));
        return slots.success && (INTENTS as readonly string[]).includes(r.intent) ? [{ phrase: r.phrase, intent: r.intent as Intent, slots: slots.data }] : [];
      });
    },
    /** Questions marked wrong (👎) or not understood in the last `days` days, newest first. */
    qualityReport(opts: { days?: number; workspace?: string } = {}): QualityRow[] {
      const since = now() - (opts.days ?? 30) * DAY_MS;
      const rows = stmts.quality.all({ since, workspace: opts.workspace ?? null }) as Omit<QualityRow, 'reason'>[];
      return rows.map((r) => ({ ...r, reason: r.down_votes > 0 ? 'marked_wrong' : 'not_understood' }));
    },
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
