/**
 * `leak ask "<question>"`: a question in plain English, answered by the command it means (asking.ts),
 * printed exactly as that command prints it under the line it was understood as. `--thread KEY`
 * keeps a conversation's subject between calls, as a Slack thread does; `--quality` lists the
 * questions marked wrong or not understood in the last 30 days.
 */
import type { QualityRow } from '../src/ask/ask-store.ts';
import type { ClarifyResolution, Intent, Slots } from '../src/ask/types.ts';
import { commandLine } from '../src/ask/argv.ts';
import { suggestionsLead } from '../src/ask/suggest.ts';
import { renderTable } from '../src/format.ts';
import { zoneClock } from '../src/time.ts';
import { badArgument, dateArg } from './args.ts';
import type { Asked } from './asking.ts';
import { defineCommand, EVERYWHERE } from './command.ts';

const QUALITY_DAYS = 30;

/** What `leak ask --json` prints: the issue's shape, slots that apply only, answer = the command's own JSON. */
export type AskJson = {
  question: string;
  intent: Intent | 'unknown';
  slots: Slots;
  command: string | null;
  answer: unknown;
  suggestions?: string[];
  clarify?: { prompt: string; options: { label: string; command: string | null }[] };
};

type AskArgs = { question: string; date: string; thread?: string; quality: boolean };
type AskResult =
  | { kind: 'asked'; json: AskJson; text: string; toJSON(): AskJson }
  | { kind: 'quality'; rows: QualityRow[]; timeZone: string; toJSON(): QualityRow[] };

/** The shape both the JSON and the text are made from: one description of each kind of reply. */
export function askJson(a: Asked): AskJson {
  const base = { question: a.question, slots: {}, command: null, answer: null };
  if (a.kind === 'answer') return { question: a.question, intent: a.resolution.intent, slots: a.resolution.slots, command: a.command, answer: a.json };
  if (a.kind === 'unknown') return { ...base, intent: 'unknown', suggestions: a.resolution.suggestions };
  const intents = new Set(a.resolution.options.map((o) => (o.resolution.kind === 'answer' ? o.resolution.intent : undefined)));
  const [only] = intents;
  return { ...base, intent: intents.size === 1 && only ? only : 'unknown', clarify: clarifyJson(a.resolution) };
}

const clarifyJson = (c: ClarifyResolution): AskJson['clarify'] => ({
  prompt: c.prompt,
  options: c.options.map((o) => ({ label: o.label, command: o.resolution.kind === 'answer' ? commandLine(o.resolution.argv) : null })),
});

function askedText(a: Asked): string {
  if (a.kind === 'answer') {
    const notes = (a.resolution.notes ?? []).map((n) => `Note: ${n}`);
    return [`Understood as: leak ${a.command}`, ...notes, '', a.cmd.renderText(a.result)].join('\n');
  }
  if (a.kind === 'unknown') {
    return [suggestionsLead(a.resolution), ...a.resolution.suggestions.map((s) => `  ${s}`)].join('\n');
  }
  const c = a.resolution;
  if (!c.options.length) return c.prompt;
  const width = Math.max(...c.options.map((o) => o.label.length));
  return [
    c.prompt,
    ...c.options.map((o) => `  ${`${o.label}:`.padEnd(width + 1)}  ${o.resolution.kind === 'answer' ? `leak ${commandLine(o.resolution.argv)}` : o.resolution.prompt}`),
    'Run one of these lines, or ask again naming your choice.',
  ].join('\n');
}

function qualityText(rows: QualityRow[], timeZone: string): string {
  if (!rows.length) return `No question was marked wrong or went unanswered in the last ${QUALITY_DAYS} days.`;
  const clock = zoneClock(timeZone);
  const when = clock.localDateTime;
  return [
    `Questions marked wrong (👎) or not understood in the last ${QUALITY_DAYS} days, newest first (${timeZone}):`,
    '',
    renderTable(
      ['asked', 'why listed', 'question', 'understood as', 'by', '👎'],
      rows.map((r) => [when(r.asked_at), r.reason === 'marked_wrong' ? 'marked wrong' : 'not understood', r.question, r.command ?? '-', r.user, r.down_votes]),
    ),
  ].join('\n');
}

export default defineCommand({
  name: 'ask',
  summary: "A question in plain English (\"what's breaking right now?\"), answered by the command it means, shown with that command line",
  args: {
    positionals: [{ name: 'QUESTION', description: 'the question, quoted or not', rest: true }],
    options: [
      // Slack keeps its own conversations (threads, DMs); these two read or change the terminal's, and everyone's questions.
      {
        name: 'thread',
        type: 'string',
        value: 'KEY',
        description: 'a conversation: later questions with the same KEY keep its subject ("why is this happening?")',
        terminalOnlyBecause: "it continues the terminal's conversations (Slack keeps each thread's and DM's own)",
      },
      {
        name: 'quality',
        type: 'boolean',
        description: `questions marked wrong (👎) or not understood in the last ${QUALITY_DAYS} days`,
        terminalOnlyBecause: 'it lists every person’s questions, private ones included, with who asked',
      },
    ],
  },
  query: true,
  surfaces: EVERYWHERE,
  examples: [
    { line: 'ask "why is billing leaking?"', what: 'a question in words, answered as `leak why billing`', onStart: true },
    { line: 'ask "is fixing billing worth it at 10%?" --date 2026-11-20', what: 'answered as `leak savings billing 10 --date 2026-11-20`' },
    { line: 'ask "why is this happening?" --thread exec', what: 'a follow-up about the subject of thread "exec"' },
    { line: 'ask --quality', what: 'the questions to improve the vocabulary from' },
  ],
  parse: (parsed, ctx): AskArgs => {
    const question = parsed.positionals.join(' ').trim();
    const quality = parsed.values.quality === true;
    if (quality && question) throw badArgument(`--quality lists past questions; ask a question or use --quality, not both. Usage: ${parsed.usage}`);
    if (!quality && !question) throw badArgument(`What would you like to know? e.g. leak ask "what's breaking right now?". Usage: ${parsed.usage}`);
    const thread = typeof parsed.values.thread === 'string' ? parsed.values.thread.trim() : undefined;
    if (thread !== undefined && !/^[\w.:-]{1,100}$/.test(thread)) throw badArgument(`--thread must be a name of letters, digits, "-", "_", "." or ":" (got ${JSON.stringify(thread)}).`);
    return { question, date: dateArg(parsed, ctx), thread, quality };
  },
  run: async (args: AskArgs, ctx): Promise<AskResult> => {
    // The resolver (compromise, chrono) loads only when a question is asked: help and usage need none of it.
    const { askQuestion, askStoreOf } = await import('./asking.ts');
    if (args.quality) {
      const rows = askStoreOf(ctx).qualityReport({ days: QUALITY_DAYS });
      return { kind: 'quality', rows, timeZone: ctx.config.timeZone, toJSON: () => rows };
    }
    // From Slack only a crafted button reaches this command (typed questions are asked in their conversation): it is still that person's question.
    const asked = await askQuestion(args.question, ctx, { workspace: 'cli', user: ctx.slack?.userId ?? 'terminal', threadKey: args.thread && `cli:${args.thread}` }, args.date);
    const json = askJson(asked);
    return { kind: 'asked', json, text: askedText(asked), toJSON: () => json };
  },
  renderText: (r: AskResult) => (r.kind === 'quality' ? qualityText(r.rows, r.timeZone) : r.text),
});
