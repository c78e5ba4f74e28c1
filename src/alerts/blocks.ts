/**
 * The Slack message for a group of alerts (one rule, one hour): a line per alert, what was crossed,
 * and the buttons. Every button carries the first alert's id; the listener finds the rest of the
 * group through the message they share.
 */
import type { Button, KnownBlock } from '@slack/types';
import { formatCount } from '../format.ts';
import { fitAnswer, type SlackMessage } from '../blocks/limits.ts';
import { code, contextBlock, joinMrkdwn, mrkdwn, sectionBlock, type Mrkdwn } from '../blocks/mrkdwn.ts';
import type { RuleName } from './rules.ts';
import type { Alert } from './types.ts';

export const ALERT_ACTION = {
  ack: 'alert_ack',
  snooze: 'alert_snooze',
  view: 'alert_view',
  useful: 'alert_fb_useful',
  noise: 'alert_fb_noise',
  known: 'alert_fb_known',
} as const;

const RULE_TITLE: Record<RuleName, string> = {
  leak_spike: 'Leak spike',
  long_interaction: 'Long interaction',
  failed_interaction: 'Failed interaction',
  member_failed_repeat: 'Member with repeated failures',
  agent_failed_rate: 'Agent failed rate',
};

/** Alerts listed in full in one message; the rest are counted and left to `leak alerts --rule`. */
const SHOWN = 15;

const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button => ({
  type: 'button', text: { type: 'plain_text', text, emoji: true }, action_id: actionId, value, ...(style ? { style } : {}),
});

export function alertFallbackText(alerts: Alert[]): Mrkdwn {
  const rule = alerts[0].rule;
  return alerts.length === 1 ? mrkdwn`${alerts[0].text}` : mrkdwn`${RULE_TITLE[rule]}: ${alerts.length} alerts. ${alerts[0].text}`;
}

function measure(a: Alert): string {
  if (a.rule === 'leak_spike') return `${formatCount(a.value)} vs ${formatCount(a.threshold)} expected, p=${(a.pValue ?? 1).toExponential(1)}`;
  return `value ${formatCount(a.value)}, threshold ${formatCount(a.threshold)}`;
}

/**
 * The message for a group of alerts, fitted: text and call ids come from data and are escaped;
 * if the lines would not fit, later ones are left out (the context line says how to list them all),
 * and the buttons always stay. `status` is an extra context line after a click ("Acknowledged by <@U1>").
 */
export function alertMessage(alerts: Alert[], status?: Mrkdwn): SlackMessage {
  const rule = alerts[0].rule;
  const first = String(alerts[0].id);
  const shown = alerts.slice(0, SHOWN);
  const lines = shown.map((a) => mrkdwn`• ${a.text}  _(#${a.id}; ${measure(a)})_`);
  const head: KnownBlock[] = [sectionBlock(mrkdwn`:rotating_light: *${RULE_TITLE[rule]}*${alerts.length > 1 ? ` · ${alerts.length} alerts` : ''}`)];
  // Sections of five lines keep each under Slack's 3,000 characters without cutting a line.
  const rows: KnownBlock[][] = [];
  for (let i = 0; i < lines.length; i += 5) rows.push([sectionBlock(joinMrkdwn(lines.slice(i, i + 5), '\n'))]);
  const more = alerts.length - shown.length;
  const context = [mrkdwn`rule ${code(rule)}`, ...(more > 0 ? [mrkdwn`and ${more} more: ${code(`/leak alerts --rule ${rule}`)}`] : []), ...(status ? [status] : [])];
  const viewLabel = alerts.every((a) => a.detail.member) ? 'View member' : alerts.every((a) => a.detail.journey) ? 'View journey' : 'View';
  const tail: KnownBlock[] = [
    contextBlock(joinMrkdwn(context, ' · ')),
    {
      type: 'actions',
      block_id: `alerts:${first}`,
      elements: [
        button('Acknowledge', ALERT_ACTION.ack, first, 'primary'),
        button('Snooze 24 h', ALERT_ACTION.snooze, first),
        button(viewLabel, ALERT_ACTION.view, first),
        button('Useful', ALERT_ACTION.useful, first),
        button('Noise', ALERT_ACTION.noise, first),
        button('Known issue', ALERT_ACTION.known, first),
      ],
    },
  ];
  return fitAnswer({ text: alertFallbackText(alerts), head, rows, tail, unit: 'alert lines' });
}
