/**
 * leak alerts [--open|--all] [--rule R] [--quality]: the alerts raised (open by default, newest
 * first) or, with --quality, the share marked noise per rule over the last 30 days (rules file: noise.days).
 */
import { formatCount, renderTable } from '../src/format.ts';
import { listAlerts, ruleQuality, type RuleQuality } from '../src/alerts/repository.ts';
import { RULE_NAMES, alertRules } from '../src/alerts/rules.ts';
import { zoneClock } from '../src/time.ts';
import { badArgument } from './args.ts';
import { defineCommand, EVERYWHERE } from './command.ts';
import type { Context } from '../src/context.ts';

export type AlertsArgs = { status: 'open' | 'all'; rule?: string; quality: boolean };
export type AlertRow = { id: number; rule: string; status: string; subject: string; raised: string; value: number; threshold: number; text: string; calls: string[] };
export type AlertsResult =
  | { view: 'list'; status: 'open' | 'all'; rule: string | null; total: number; alerts: AlertRow[] }
  | { view: 'quality'; days: number; rules: RuleQuality[] };

/** Alerts listed in full; the total is always counted. */
const LIST_LIMIT = 200;

export function queryAlerts(ctx: Context, args: AlertsArgs): AlertsResult {
  if (args.quality) {
    const days = alertRules(ctx.config).noise.days;
    const rules = ruleQuality(ctx.store, days, ctx.now()).filter((q) => !args.rule || q.rule === args.rule);
    return { view: 'quality', days, rules };
  }
  const clock = zoneClock(ctx.config.timeZone);
  const all = listAlerts(ctx.store, { status: args.status, rule: args.rule, limit: 100_000 }, ctx.now());
  const alerts = all.slice(0, LIST_LIMIT).map((a) => {
    return {
      id: a.id, rule: a.rule, status: a.status, subject: a.subject,
      raised: clock.localDateTime(a.createdAt),
      value: a.value, threshold: a.threshold, text: a.text, calls: a.rowRefs.call_ids ?? [],
    };
  });
  return { view: 'list', status: args.status, rule: args.rule ?? null, total: all.length, alerts };
}

export default defineCommand({
  name: 'alerts',
  summary: 'Alerts raised (spikes and operational thresholds), or --quality: the share marked noise per rule',
  args: {
    positionals: [],
    options: [
      { name: 'open', type: 'boolean', description: 'only alerts still needing attention (default)' },
      { name: 'all', type: 'boolean', description: 'every alert, acknowledged, snoozed and resolved too' },
      { name: 'rule', type: 'string', value: 'RULE', description: `one rule: ${RULE_NAMES.join(', ')}` },
      { name: 'quality', type: 'boolean', description: 'per rule over 30 days: alerts, feedback, share marked noise' },
    ],
  },
  query: false,
  surfaces: EVERYWHERE,
  // Not a query (no --date to pin a share to), but it only reads.
  changes: () => false,
  examples: [
    { line: 'alerts', what: 'the alerts still needing attention' },
    { line: 'alerts --quality', what: 'how often each rule was called noise' },
  ],
  parse: (parsed): AlertsArgs => {
    const v = parsed.values;
    if (v.open && v.all) throw badArgument(`Choose --open or --all, not both. Usage: ${parsed.usage}`);
    const rule = typeof v.rule === 'string' ? v.rule.trim() : undefined;
    if (rule !== undefined && !(RULE_NAMES as string[]).includes(rule)) throw badArgument(`Unknown rule "${rule}". Rules: ${RULE_NAMES.join(', ')}.`);
    return { status: v.all ? 'all' : 'open', rule, quality: v.quality === true };
  },
  run: (args: AlertsArgs, ctx) => queryAlerts(ctx, args),
  renderText: (r: AlertsResult) => {
    if (r.view === 'quality') {
      if (!r.rules.length) return `No alerts or feedback in the last ${r.days} days.`;
      return [
        `Alert quality over the last ${r.days} days (feedback from the Useful / Noise / Known issue buttons):`,
        '',
        renderTable(
          ['rule', 'alerts', 'feedback', 'useful', 'noise', 'known', 'noise share'],
          r.rules.map((q) => [q.rule, formatCount(q.alerts), formatCount(q.feedback), formatCount(q.useful), formatCount(q.noise), formatCount(q.known), q.noise_pct === null ? '-' : `${q.noise_pct}%`]),
        ),
      ].join('\n');
    }
    const what = `${r.status === 'open' ? 'open ' : ''}alerts${r.rule ? ` for ${r.rule}` : ''}`;
    if (!r.alerts.length) return `No ${what}.`;
    const showing = r.total > r.alerts.length ? ` (showing the newest ${formatCount(r.alerts.length)})` : '';
    return [`${formatCount(r.total)} ${what}, newest first${showing}:`, '', ...r.alerts.map((a) => `#${a.id} ${a.raised} [${a.rule}, ${a.status}] ${a.text}`)].join('\n');
  },
});
