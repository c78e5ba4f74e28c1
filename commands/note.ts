/**
 * `note YYYY-MM-DD TEXT [--journey J]` records a change annotation (a release, a benefit change)
 * that root cause shows near a spike; `note --list` shows them.
 */
import { addAnnotation, listAnnotations, type Annotation } from '../src/annotations/annotations.ts';
import { renderTable } from '../src/format.ts';
import { badArgument, checkDateText, journeyArg } from './args.ts';
import { defineCommand, EVERYWHERE } from './command.ts';
import { JSON_OPTION } from './usage-line.ts';

const MAX_NOTE_CHARS = 500;

export type NoteArgs = { list: true; journey?: string } | { list: false; date: string; text: string; journey?: string; by: string };
export type NoteResult = { added: Annotation | null; notes: Annotation[] };

export default defineCommand({
  name: 'note',
  summary: 'Record a change note (release, benefit change) that root cause shows near a spike; --list shows them',
  args: {
    positionals: [
      { name: 'YYYY-MM-DD', description: 'the day of the change', required: true },
      { name: 'TEXT', description: `what changed, in words (at most ${MAX_NOTE_CHARS} characters)`, required: true, rest: true },
    ],
    options: [
      { name: 'journey', type: 'string', value: 'JOURNEY', description: 'the journey the change touches (default: all journeys)' },
      { name: 'by', type: 'string', value: 'NAME', description: 'who is recording it (default: cli)' },
      { name: 'list', type: 'boolean', description: 'list the notes instead of adding one' },
      JSON_OPTION,
    ],
  },
  query: false,
  surfaces: EVERYWHERE,
  createsStore: true,
  changes: (a: NoteArgs) => !a.list,
  examples: [
    { line: 'note 2026-11-17 "New eligibility check shipped" --journey billing', what: 'record a release near a spike' },
    { line: 'note --list', what: 'the notes recorded so far' },
  ],
  parse: (parsed, ctx): NoteArgs => {
    const journey = journeyArg(parsed.values.journey as string | undefined, ctx);
    if (parsed.values.list) {
      if (parsed.positionals.length) throw badArgument(`--list takes no date or text. Usage: ${parsed.usage}`);
      return { list: true, journey };
    }
    const [date, ...words] = parsed.positionals;
    if (!date) throw badArgument(`A note starts with its date written YYYY-MM-DD, e.g. 2026-11-17. Usage: ${parsed.usage}`);
    checkDateText("The note's date", date);
    const text = words.join(' ').trim();
    if (!text) throw badArgument(`What changed on ${date}? Give the note's text. Usage: ${parsed.usage}`);
    if (text.length > MAX_NOTE_CHARS) throw badArgument(`A note is at most ${MAX_NOTE_CHARS} characters (got ${text.length}).`);
    const by = typeof parsed.values.by === 'string' && parsed.values.by.trim() ? parsed.values.by.trim() : 'cli';
    return { list: false, date, text, journey, by };
  },
  run: (a: NoteArgs, ctx): NoteResult => {
    if (a.list) return { added: null, notes: listAnnotations(ctx.store, { journey: a.journey }) };
    // From Slack the note is by whoever asked; --by is for the terminal.
    const added = addAnnotation(ctx.store, { date: a.date, text: a.text, journey: a.journey, at: ctx.now(), by: ctx.slack?.userId ?? a.by });
    return { added, notes: [] };
  },
  renderText: (r: NoteResult) => {
    if (r.added) return `Noted for ${r.added.date}${r.added.journey ? ` (${r.added.journey})` : ' (all journeys)'}: ${r.added.text}`;
    if (!r.notes.length) return "No change notes yet. Add one with 'leak note YYYY-MM-DD TEXT [--journey JOURNEY]'.";
    return renderTable(['date', 'journey', 'note', 'by'], r.notes.map((n) => [n.date, n.journey ?? 'all', n.text, n.created_by]));
  },
});
