import { beforeAll, describe, expect, it } from 'vitest';
import type { WebClient } from '@slack/web-api';
import alertsCommand, { queryAlerts } from '../../../commands/alerts.ts';
import { parseCommandArgs } from '../../../commands/invocation.ts';
import { scanAndRecordAlerts } from '../../../src/alerts/jobs.ts';
import { noisyRuleProposals, postNoiseProposals } from '../../../src/alerts/noise-proposals.ts';
import { listAlerts, recordFeedback, ruleQuality } from '../../../src/alerts/repository.ts';
import { queryOpenAlerts } from '../../../src/alerts/open-alerts.ts';
import { useFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { makeDeps } from '../../helpers/store.ts';
import { insertCall } from './rows.ts';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-24T17:00:00Z');
const quiet = { warn: () => {} };
let slack: FakeSlack;
let client: WebClient;
const handles = useFakeSlack();
beforeAll(() => ({ slack, client } = handles));

/** Six long interactions (3100 … 3600 s) raised as six alerts; ids in order of duration. */
function longCalls() {
  const deps = makeDeps({ now: NOW, env: { LEAK_ALERT_CHANNEL: 'C0ALERTS1' } });
  for (let i = 0; i < 6; i++) insertCall(deps.store, { id: `C-${i}`, start: NOW - (i + 1) * HOUR, seconds: 3100 + i * 100 });
  scanAndRecordAlerts(deps, NOW);
  return { deps, ids: listAlerts(deps.store, { rule: 'long_interaction' }, NOW).sort((a, b) => a.value - b.value).map((a) => a.id) };
}

describe('feedback and quality', () => {
  it('one verdict per person per alert; quality is the share marked noise per rule over 30 days', () => {
    const { deps, ids } = longCalls();
    recordFeedback(deps.store, ids[0], 'U1', 'useful', NOW);
    recordFeedback(deps.store, ids[0], 'U1', 'noise', NOW); // changes U1's verdict, not a second one
    recordFeedback(deps.store, ids[0], 'U2', 'known', NOW);
    recordFeedback(deps.store, ids[1], 'U1', 'useful', NOW - 31 * 24 * HOUR); // older than 30 days
    expect(ruleQuality(deps.store, 30, NOW).find((q) => q.rule === 'long_interaction')).toEqual({
      rule: 'long_interaction', alerts: 6, feedback: 2, useful: 0, noise: 1, known: 1, noise_pct: 50,
    });
    const text = alertsCommand.renderText(queryAlerts(deps, { status: 'open', quality: true }));
    const row = text.split('\n').find((l) => l.startsWith('long_interaction'))!;
    expect(row.split(/\s+/)).toEqual(['long_interaction', '6', '2', '0', '1', '1', '50%']);
  });

  it('a rule marked noise on half of 5+ verdicts proposes a higher threshold in the channel, once', async () => {
    const { deps, ids } = longCalls();
    // 3 of 5 say noise; the largest alert called noise lasted 3300 s.
    ['noise', 'noise', 'noise', 'useful', 'useful'].forEach((v, i) => recordFeedback(deps.store, ids[i], `U${i}`, v as 'noise', NOW));
    const [p] = noisyRuleProposals(deps, NOW);
    expect(p).toMatchObject({ rule: 'long_interaction', key: 'maxSeconds', from: 3000, to: 3360 });
    expect(p.text).toBe('3 of 5 verdicts on long_interaction alerts in 30 days said noise (60%). Proposal: raise long_interaction.maxSeconds from 3,000 to 3,360 s in the alert rules file, just above the largest alert marked noise (3,300).');
    const before = slack.callsTo('chat.postMessage').length;
    expect(await postNoiseProposals(deps, client, NOW, quiet)).toEqual(['long_interaction']);
    expect(await postNoiseProposals(deps, client, NOW + HOUR, quiet)).toEqual([]);
    expect(slack.callsTo('chat.postMessage').slice(before).map((c) => c.body.text)).toEqual([`:mega: ${p.text}`]);
  });

  it('4 verdicts are not enough, and 2 noise of 5 is under half', () => {
    const { deps, ids } = longCalls();
    ['noise', 'noise', 'noise', 'noise'].forEach((v, i) => recordFeedback(deps.store, ids[i], `U${i}`, v as 'noise', NOW));
    expect(noisyRuleProposals(deps, NOW)).toEqual([]);
    const other = longCalls();
    ['noise', 'noise', 'useful', 'useful', 'known'].forEach((v, i) => recordFeedback(other.deps.store, other.ids[i], `U${i}`, v as 'noise', NOW));
    expect(noisyRuleProposals(other.deps, NOW)).toEqual([]);
  });
});

describe('leak alerts', () => {
  it('lists open alerts newest first, filters by rule, and refuses bad options in one line', () => {
    const { deps } = longCalls();
    insertCall(deps.store, { id: 'C-f', member: 'M-7', start: NOW - HOUR, disposition: 'failed' });
    scanAndRecordAlerts(deps, NOW);
    const inv = parseCommandArgs(alertsCommand, ['--rule', 'failed_interaction'], deps);
    const r = queryAlerts(deps, inv.args as never);
    expect(alertsCommand.renderText(r)).toBe(
      '1 open alerts for failed_interaction, newest first:\n\n#7 2026-11-24 12:00 [failed_interaction, open] Failed interaction: voice C-f (member M-7, agent A1, 2026-11-24 11:00).',
    );
    // What the Home tab shows: the same open alerts, newest first.
    const home = queryOpenAlerts(deps);
    expect(home.map((a) => a.rule)).toEqual(['failed_interaction', ...Array(6).fill('long_interaction')]);
    expect(home[0]).toMatchObject({ id: 7, subject: 'C-f', status: 'open' });
    expect(() => parseCommandArgs(alertsCommand, ['--rule', 'loud'], deps)).toThrow('Unknown rule "loud". Rules: leak_spike, long_interaction, failed_interaction, member_failed_repeat, agent_failed_rate.');
    expect(() => parseCommandArgs(alertsCommand, ['--open', '--all'], deps)).toThrow('Choose --open or --all, not both.');
  });

  it('counts every alert but lists the newest 200', () => {
    const deps = makeDeps({ now: NOW });
    for (let i = 0; i < 205; i++) insertCall(deps.store, { start: NOW - HOUR + i * 1000, disposition: 'failed' });
    scanAndRecordAlerts(deps, NOW);
    const r = queryAlerts(deps, { status: 'open', rule: 'failed_interaction', quality: false });
    expect(r).toMatchObject({ view: 'list', total: 205 });
    expect(alertsCommand.renderText(r).split('\n')[0]).toBe('205 open alerts for failed_interaction, newest first (showing the newest 200):');
  });
});
