/** `leak segments [JOURNEY]`: who is this hurting (src/leakage/segments.ts). */
import { formatCount, formatMoney, formatPct, renderTable } from '../src/format.ts';
import { querySegments, type SegmentsResult } from '../src/leakage/segments.ts';
import { dateArg, journeyArg } from './args.ts';
import { defineCommand, EVERYWHERE } from './command.ts';

export default defineCommand({
  name: 'segments',
  summary: 'Who is this hurting: leaked calls, cost, repeat-call % and end-of-call sentiment by member segment',
  args: { positionals: [{ name: 'JOURNEY', description: 'one journey (default: all journeys)' }], options: [] },
  query: true,
  surfaces: EVERYWHERE,
  examples: [{ line: 'segments billing', what: 'who is affected', onStart: true }],
  parse: (parsed, ctx) => ({ date: dateArg(parsed, ctx), journey: journeyArg(parsed.positionals[0], ctx) }),
  run: (args: { date: string; journey?: string }, ctx) => querySegments(ctx, args.date, args.journey),
  renderText: (r: SegmentsResult) =>
    [
      r.headline,
      '',
      renderTable(
        ['segment', 'calls', 'share', 'cost', 'repeat %', 'avg sentiment'],
        [
          ...r.segments.map((s) => [s.segment, formatCount(s.calls), formatPct(s.share_pct), formatMoney(s.cost), formatPct(s.repeat_pct), s.avg_sentiment === null ? 'n/a' : s.avg_sentiment.toFixed(2)]),
          ['total', formatCount(r.total.calls), '', formatMoney(r.total.cost), '', ''],
        ],
      ),
      '',
      `${r.journey ?? 'All journeys'}, ${r.so_far ? `${r.date} so far` : r.date}. Repeat % = callers who had called in the 7 days before; sentiment from -1 to 1 at the end of the call.`,
      ...(r.repeat_note ? [r.repeat_note] : []),
    ].join('\n'),
});
