import { beforeAll, describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../../reports/charts/render.ts';
import { buildDigest } from '../../../reports/digest/build.ts';
import { buildDigestBlocks } from '../../../reports/digest/blocks.ts';
import { addAnnotation } from '../../../src/annotations/annotations.ts';
import { explainJourney } from '../../../src/root-cause/explain-journey.ts';
import { scanSpikes } from '../../../src/alerts/spike-scan.ts';
import { recommendActions } from '../../../src/actions/recommendations.ts';
import { recommendationFromValue, RECOMMENDATION_TAKE_ACTION_ID } from '../../../src/actions/from-recommendation.ts';
import { formatMoney } from '../../../src/format.ts';
import { makeDeps } from '../../helpers/store.ts';
import { seedLeakage } from './seed-store.ts';

const DATE = '2026-11-23';
const deps = makeDeps({ now: '2026-11-24T15:00:00Z' });
const renderer = createChartRenderer();

beforeAll(async () => {
  await seedLeakage(deps, { endDate: DATE, days: 35, scale: 4, stepUpOn: '2026-11-23', stepFactor: 2, noise: 0.1 });
  addAnnotation(deps.store, { date: '2026-11-23', text: 'Billing portal release 4.2', journey: 'billing', at: 1, by: 'U1' });
  addAnnotation(deps.store, { date: '2026-10-01', text: 'Too old for the chart', at: 1, by: 'U1' });
});

describe('digest content', () => {
  it('operations view: calls, spikes and why the top one is up, open alerts, agents', async () => {
    const d = await buildDigest(deps, { date: DATE, role: 'ops', renderer });
    const spikes = scanSpikes(deps, { date: DATE });
    expect(spikes[0].journey).toBe('billing');
    expect(d.sections.map((s) => s.title)).toEqual(['Top leaks by calls', 'Spikes', 'Why billing is up', 'Open alerts', 'Agents who took the most leaked calls']);
    expect(d.sections[1].lines).toEqual(spikes.slice(0, 5).map((s) => s.text));
    expect(d.sections[2].lines).toEqual([explainJourney(deps, { date: DATE, journey: 'billing' }).headline]);
    expect(d.sections[3].lines).toEqual(['None open.']);
    const agentCalls = deps.store.sqlite
      .prepare(`SELECT count(*) FROM digital_call_leakage l JOIN call_logs_cleaned c USING (call_id) WHERE l.local_date = ? GROUP BY c.agent_id ORDER BY 1 DESC LIMIT 1`)
      .pluck()
      .get(DATE) as number;
    expect(d.data.agents[0].calls).toBe(agentCalls);
    // Change notes in the 28-day window only, named with their journey.
    expect(d.data.annotations).toEqual([{ date: '2026-11-23', text: 'billing: Billing portal release 4.2' }]);
  });

  it('executive view: cost first, yearly cost at the 7-day rate from the savings model, cost chart leads', async () => {
    const d = await buildDigest(deps, { date: DATE, role: 'exec', renderer });
    const annual = deps.store.sqlite.prepare('SELECT sum(annual_cost) FROM savings_model WHERE date = ?').pluck().get(DATE) as number;
    expect(d.facts[0]).toEqual({ label: 'Cost of leaked calls', value: expect.stringMatching(new RegExp(`^\\${formatMoney(d.data.span.total.cost)} \\(`)) });
    expect(d.facts[2].value).toBe(`${formatMoney(annual)} (the most that fixing every leak could save)`);
    expect(d.charts[0].key).toBe('cost-by-journey');
    const { blocks } = buildDigestBlocks(d);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(blocks).length).toBeLessThan(13_000);
  });

  it("offers the top three next-best actions, each with an \"I'll take it\" button the action tracker accepts", async () => {
    const d = await buildDigest(deps, { date: DATE, role: 'exec', renderer });
    const top = recommendActions(deps, { date: DATE }).slice(0, 3);
    const buttons = (buildDigestBlocks(d).blocks as { accessory?: unknown }[]).filter((b) => b.accessory) as { block_id: string; accessory: { action_id: string; value: string } }[];
    expect(buttons).toHaveLength(3);
    expect(new Set(buttons.map((b) => b.block_id)).size).toBe(3);
    expect(new Set(buttons.map((b) => b.accessory.action_id)).size).toBe(3);
    buttons.forEach((b, i) => {
      expect(b.accessory.action_id).toBe(`${RECOMMENDATION_TAKE_ACTION_ID}:${i + 1}`);
      expect(b.accessory.value.length).toBeLessThanOrEqual(2000);
      // A click on it, days later, finds the same recommendation of the digest's day.
      expect(recommendationFromValue(deps, b.accessory.value, '2026-12-31')).toMatchObject({ journey: top[i].journey, title: top[i].title, recommendationId: top[i].id, estimatedSavingsPerYear: top[i].savings_per_year });
    });
    expect(d.actions[0].line).toMatch(new RegExp(`^${top[0].title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: about \\$`));
  });
});
