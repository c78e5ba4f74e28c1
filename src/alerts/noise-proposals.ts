/**
 * A rule people keep marking as noise should stop crying wolf: when, over the last `noise.days`,
 * at least `noise.minFeedback` verdicts were given and `noise.noiseSharePct` of them said noise, the
 * alerts channel gets one proposal to raise the rule's threshold just above what was called noise.
 * Once per rule and threshold value (meta key), so a changed threshold can be proposed again.
 */
import type { WebClient } from '@slack/web-api';
import type { Context } from '../context.ts';
import { formatCount } from '../format.ts';
import { ruleQuality } from './repository.ts';
import { alertRules, PRIMARY_THRESHOLD, type RuleName } from './rules.ts';
import type { PostLog } from './post.ts';
import { fitMessage } from '../blocks/limits.ts';
import { mrkdwn } from '../blocks/mrkdwn.ts';

export type Proposal = { rule: RuleName; key: string | null; from: number | null; to: number | null; text: string };

export function noisyRuleProposals(ctx: Context, now: number): Proposal[] {
  const rules = alertRules(ctx.config);
  const { days, minFeedback, noiseSharePct } = rules.noise;
  const since = now - days * 86_400_000;
  const out: Proposal[] = [];
  for (const q of ruleQuality(ctx.store, days, now)) {
    if (!(q.rule in PRIMARY_THRESHOLD) || q.feedback < minFeedback || (q.noise_pct ?? 0) < noiseSharePct) continue;
    const rule = q.rule as RuleName;
    const primary = PRIMARY_THRESHOLD[rule];
    const share = `${q.noise} of ${q.feedback} verdicts on ${rule} alerts in ${days} days said noise (${Math.round(q.noise_pct ?? 0)}%)`;
    if (!primary) {
      out.push({ rule, key: null, from: null, to: null, text: `${share}. Proposal: set "enabled": false for ${rule} in the alert rules file and rely on member_failed_repeat and agent_failed_rate.` });
      continue;
    }
    const current = (rules[rule] as unknown as Record<string, number>)[primary.key];
    // The size of each alert marked noise, in the threshold's own unit (extra calls for a spike).
    const metric = rule === 'leak_spike' ? 'a.value - a.threshold' : 'a.value';
    const worst = ctx.store.sqlite
      .prepare(`SELECT max(${metric}) FROM alert_feedback f JOIN alerts a ON a.id = f.alert_id WHERE f.rule = ? AND f.verdict = 'noise' AND f.at >= ?`)
      .pluck()
      .get(rule, since) as number | null;
    const step = rule === 'long_interaction' ? 60 : 1;
    const to = Math.max(current + step, Math.ceil(((worst ?? current) + 1) / step) * step);
    out.push({
      rule, key: primary.key, from: current, to,
      text: `${share}. Proposal: raise ${rule}.${primary.key} from ${formatCount(current)} to ${formatCount(to)} ${primary.unit} in the alert rules file, just above the largest alert marked noise (${formatCount(worst ?? current)}).`,
    });
  }
  return out;
}


/** Posts each new proposal once. Returns the rules proposed. */
export async function postNoiseProposals(ctx: Context, client: WebClient, now: number, log: PostLog): Promise<RuleName[]> {
  const channel = ctx.config.alerts.channel;
  if (!channel) return [];
  const posted: RuleName[] = [];
  for (const p of noisyRuleProposals(ctx, now)) {
    const key = `alert_proposal:${p.rule}:${p.from ?? 'enabled'}`;
    if (ctx.store.sqlite.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(key, String(now)).changes === 0) continue;
    try {
      await client.chat.postMessage({ channel, ...fitMessage(mrkdwn`:mega: ${p.text}`) });
      posted.push(p.rule);
    } catch (e) {
      ctx.store.sqlite.prepare('DELETE FROM meta WHERE key = ?').run(key);
      log.warn(`Proposal for ${p.rule} failed: ${(e as Error).message}`);
    }
  }
  return posted;
}
