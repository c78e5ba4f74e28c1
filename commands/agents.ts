/** `leak agents`: contact-center operations per agent (src/contact-center/agents.ts) as text. */
import { formatCount, formatDuration, formatPct, renderTable } from '../src/format.ts';
import { DEFAULT_MIN_CALLS, failedRateOrder, LONG_CALL_SECONDS, queryAgents, RANKED, type AgentRow, type AgentsResult } from '../src/contact-center/agents.ts';
import { RANGE_OPTIONS, rangeArgs, wholeArg } from './args.ts';
import { defineCommand, EVERYWHERE } from './command.ts';

function rankTable(rows: AgentRow[]): string {
  return renderTable(
    ['agent', 'interactions', 'failed', 'avg handle', `over ${LONG_CALL_SECONDS} s`],
    rows.map((a) => [a.agent_id, formatCount(a.interactions), formatPct(a.failed_pct), formatDuration(Math.round(a.avg_handle_seconds)), formatCount(a.over_3000s)]),
  );
}

function renderAgents(r: AgentsResult): string {
  const when = r.from === r.to ? `on ${r.from}` : `from ${r.from} to ${r.to}`;
  if (!r.total.interactions) return `No contact-center interactions ${when}.`;
  const t = r.total;
  const lines = [
    `${formatCount(t.interactions)} interactions ${when}, ${formatCount(t.interactions - r.without_agent)} of them handled by ${formatCount(r.agents.length)} agents: ` +
      `${formatPct(t.failed_pct)} failed, average handle ${formatDuration(Math.round(t.avg_handle_seconds!))}, ${formatCount(t.over_3000s)} over ${LONG_CALL_SECONDS} s.`,
  ];
  const ranked = r.agents.filter((a) => a.interactions >= r.min_calls).sort(failedRateOrder(1));
  if (!ranked.length) {
    lines.push('', `No agent had ${r.min_calls}+ interactions, so none is ranked; lower --min-calls to rank them.`);
  } else if (ranked.length <= 2 * RANKED) {
    // Highest and lowest five would overlap: one table says it all.
    lines.push('', `All ${ranked.length} agents with ${r.min_calls}+ interactions, highest failed rate first:`, rankTable(ranked));
  } else {
    lines.push('', `Highest failed rate (agents with ${r.min_calls}+ interactions):`, rankTable(r.highest_failed));
    lines.push('', 'Lowest failed rate:', rankTable(r.lowest_failed));
  }
  return lines.join('\n');
}

export default defineCommand({
  name: 'agents',
  summary: 'Per agent: interactions, failed rate, average handle time, calls over 3000 s; highest and lowest five',
  args: {
    positionals: [],
    options: [
      { name: 'min-calls', type: 'string', value: 'N', description: `rank only agents with at least N interactions (default ${DEFAULT_MIN_CALLS})` },
      ...RANGE_OPTIONS,
    ],
  },
  query: true,
  surfaces: EVERYWHERE,
  examples: [{ line: 'agents --from 2026-11-01 --to 2026-11-20', what: 'failed rate and handle time per agent' }],
  parse: (parsed, ctx) => ({ ...rangeArgs(parsed, ctx), minCalls: wholeArg(parsed, 'min-calls', 1, 1_000_000, DEFAULT_MIN_CALLS)! }),
  run: (args: { from: string; to: string; minCalls: number }, ctx) => queryAgents(ctx, args),
  renderText: renderAgents,
});
