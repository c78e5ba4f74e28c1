import { describe, expect, it } from 'vitest';
import { checkThresholdsAfterIngest, scanThresholds } from '../../../src/alerts/thresholds.ts';
import { makeDeps } from '../../helpers/store.ts';
import { insertCall } from './rows.ts';
import { alertRules } from '../../../src/alerts/rules.ts';

const NOW = Date.parse('2026-11-24T17:00:00Z'); // 12:00 in New York
const HOUR = 3_600_000;
const of = (rule: string, list: ReturnType<typeof scanThresholds>) => list.filter((a) => a.rule === rule);

describe('operational thresholds', () => {
  it('long_interaction fires only above 3000 s, with the call as its row', () => {
    const deps = makeDeps({ now: NOW });
    for (const s of [2999, 3000, 3001]) insertCall(deps.store, { id: `C-${s}`, start: NOW - 2 * HOUR, seconds: s });
    const long = of('long_interaction', scanThresholds(deps, NOW));
    expect(long.map((a) => [a.subject, a.value, a.threshold])).toEqual([['C-3001', 3001, 3000]]);
    expect(long[0].rowRefs).toEqual({ call_ids: ['C-3001'], total: 1 });
    expect(long[0].text).toBe('Long interaction: voice C-3001 (member M-100001, agent A1, 2026-11-24 10:00) lasted 3,001 s (50 min), over 3,000 s; disposition resolved. Escalation candidate.');
  });

  it('failed_interaction fires for failed dispositions only, within the last day', () => {
    const deps = makeDeps({ now: NOW });
    insertCall(deps.store, { id: 'C-ok', start: NOW - HOUR });
    insertCall(deps.store, { id: 'C-bad', start: NOW - HOUR, disposition: 'failed' });
    insertCall(deps.store, { id: 'C-old', start: NOW - 25 * HOUR, disposition: 'failed' });
    expect(of('failed_interaction', scanThresholds(deps, NOW)).map((a) => a.subject)).toEqual(['C-bad']);
  });

  it('member_failed_repeat fires at 5 failed interactions within 24 h, not at 4 or with one outside the window', () => {
    const deps = makeDeps({ now: NOW });
    const fail = (member: string, hoursAgo: number) => insertCall(deps.store, { member, start: NOW - hoursAgo * HOUR, disposition: 'failed' });
    [1, 2, 3, 4].forEach((h) => fail('M-4', h));
    [1, 2, 3, 4, 5].forEach((h) => fail('M-5', h));
    [1, 2, 3, 4, 24.5].forEach((h) => fail('M-out', h));
    [1, 2, 3, 4, 5, 6].forEach((h) => fail('M-6', h));
    const repeat = of('member_failed_repeat', scanThresholds(deps, NOW));
    expect(repeat.map((a) => [a.subject, a.value])).toEqual([['M-6', 6], ['M-5', 5]]);
    expect(repeat[1].rowRefs.total).toBe(5);
    expect(repeat[1].rowRefs.call_ids).toHaveLength(5);
    expect(repeat[1].windowEnd - repeat[1].windowStart).toBe(24 * HOUR);
    expect(repeat[1].text).toBe('Member M-5 had 5 failed interactions in 24 h (rule: 5 or more): possible fraud or a bot.');
  });

  it('agent_failed_rate fires above 25% today with at least 20 interactions', () => {
    const deps = makeDeps({ now: NOW });
    const agentDay = (agent: string, n: number, failed: number) => {
      for (let i = 0; i < n; i++) insertCall(deps.store, { agent, start: NOW - (i + 1) * 60_000, disposition: i < failed ? 'failed' : 'resolved' });
    };
    agentDay('A-at', 20, 5); // 25%: at the line, not over it
    agentDay('A-over', 20, 6); // 30%
    agentDay('A-few', 19, 10); // too few interactions to judge
    const agents = of('agent_failed_rate', scanThresholds(deps, NOW));
    expect(agents.map((a) => [a.subject, a.value, a.threshold])).toEqual([['A-over', 30, 25]]);
    expect(agents[0].dedupeKey).toBe('agent_failed_rate:A-over:2026-11-24');
    expect(agents[0].rowRefs.total).toBe(6);
    expect(agents[0].text).toBe('Agent A-over: 6 of 20 interactions failed today (30%, over 25%).');
  });

  it('a disabled rule raises nothing', () => {
    const deps = makeDeps({ now: NOW });
    insertCall(deps.store, { start: NOW - HOUR, disposition: 'failed' });
    const rules = { ...alertRules(deps.config), failed_interaction: { enabled: false, cooldownHours: 24 } };
    expect(of('failed_interaction', scanThresholds(deps, NOW, rules))).toEqual([]);
  });
});

describe('checkThresholdsAfterIngest', () => {
  it('records new threshold alerts once per condition and never throws into ingestion', () => {
    const deps = makeDeps({ now: NOW });
    insertCall(deps.store, { start: NOW - HOUR, disposition: 'failed' });
    expect(checkThresholdsAfterIngest(deps, NOW)).toBe(1);
    expect(checkThresholdsAfterIngest(deps, NOW + 5000)).toBe(0);
    const lines: string[] = [];
    deps.store.close();
    expect(checkThresholdsAfterIngest(deps, NOW + 10_000, (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual(['alerts: threshold check failed: The database connection is not open']);
  });
});
