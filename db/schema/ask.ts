/**
 * Asking in plain English: what a thread was about (so follow-ups survive a restart), every question
 * asked with how it was understood, the 👍/👎 on answers, and phrases a workspace taught Leak through
 * the clarifying buttons. Times are epoch ms; resolutions and contexts are JSON checked with zod on read.
 */
import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';

/** One row per Slack thread, DM conversation or CLI session key: the latest ThreadContext. */
export const askThreads = sqliteTable('ask_threads', {
  threadKey: text('thread_key').primaryKey(),
  context: text('context').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [index('ask_threads_updated').on(t.updatedAt)]);

/** Every question asked: kind is answer, clarify or unknown; intent and command are set for answers. */
export const askQuestions = sqliteTable('ask_questions', {
  id: integer('id').primaryKey(),
  workspace: text('workspace').notNull(),
  threadKey: text('thread_key'),
  user: text('user').notNull(),
  question: text('question').notNull(),
  kind: text('kind', { enum: ['answer', 'clarify', 'unknown'] }).notNull(),
  intent: text('intent'),
  command: text('command'),
  resolution: text('resolution').notNull(),
  askedAt: integer('asked_at').notNull(),
}, (t) => [index('ask_questions_asked').on(t.askedAt), index('ask_questions_kind').on(t.kind, t.askedAt)]);

/** One verdict per person per asked answer (a second click changes it). */
export const askFeedback = sqliteTable('ask_feedback', {
  questionId: integer('question_id').notNull(),
  user: text('user').notNull(),
  verdict: text('verdict', { enum: ['up', 'down'] }).notNull(),
  at: integer('at').notNull(),
}, (t) => [primaryKey({ columns: [t.questionId, t.user] }), index('ask_feedback_verdict').on(t.verdict, t.at)]);

/** A correction remembered for the workspace: the normalised words and the intent and slots they meant. */
export const askLearnedPhrases = sqliteTable('ask_learned_phrases', {
  workspace: text('workspace').notNull(),
  phrase: text('phrase').notNull(),
  intent: text('intent').notNull(),
  slots: text('slots').notNull(),
  learnedBy: text('learned_by').notNull(),
  learnedAt: integer('learned_at').notNull(),
}, (t) => [primaryKey({ columns: [t.workspace, t.phrase] })]);
