import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommendActions } from '../../../src/actions/recommendations.ts';
import { DEFAULT_CATALOG, loadActionCatalog } from '../../../src/actions/catalog.ts';
import { checkFeatureFiles } from '../../../src/services/open-context.ts';
import { loadConfig } from '../../../src/config.ts';
import { describeError } from '../../../src/errors.ts';
import { FIXTURE_DATE, NOT_ELIGIBLE, loadSmallFixture } from '../../helpers/fixture-small.ts';
import { tempDir } from '../../helpers/csv.ts';
import { makeDeps } from '../../helpers/store.ts';

const deps = makeDeps();
beforeAll(() => loadSmallFixture(deps));

// billing on 11-20: baseline 4 calls/day at $8; since the spike began (28 calls) the not-eligible message
// holds 24, mobile 26, MAPD New 15, Spanish 9. Effort costs $12,000 a week in the shipped catalog.
describe('recommendActions', () => {
  it('ranks billing actions by ROI, each limited to the share of the leak it targets', () => {
    const recs = recommendActions(deps, { date: FIXTURE_DATE, journey: 'billing' });
    expect(recs.map((r) => [r.id, r.roi])).toEqual([
      [`billing:faq-article:member-not-eligible-for-autopay`, 0.17], // 4 × 24/28 × 20% = 0.686/day → $2,002.29/yr ÷ $12K
      [`billing:ux-fix-error:member-not-eligible-for-autopay`, 0.13], // × 60% → $6,006.86 ÷ $48K
      [`billing:ivr-message:member-not-eligible-for-autopay`, 0.13], // × 15% → $1,501.71 ÷ $12K (ties, less saved)
      [`billing:agent-script:member-not-eligible-for-autopay`, 0.08],
      ['billing:in-language-help:es', 0.05], // 4 × 9/28 × 30% → $1,126.29 ÷ $24K
      ['billing:ux-fix-device:mobile', 0.04], // 4 × 26/28 × 35% = 1.3/day → $3,796 ÷ $96K
      ['billing:proactive-sms:mapd-new', 0.04], // 4 × 15/28 × 25% → $1,564.29 ÷ $36K
    ]);
    expect(recs[0]).toEqual({
      id: 'billing:faq-article:member-not-eligible-for-autopay',
      journey: 'billing',
      fix_type: 'faq_article',
      title: `Help article linked from the "${NOT_ELIGIBLE}" screen in billing`,
      owner_team: 'Digital Content',
      effort: 'S',
      effort_weeks: 1,
      expected_reduction_pct: 17.1,
      calls_avoided_per_day: 0.69,
      savings_per_day: 5.49,
      savings_per_year: 2002.29,
      roi: 0.17,
      targets: { error_message: NOT_ELIGIBLE },
      target_share_pct: 85.7,
    });
    const device = recs.find((r) => r.id === 'billing:ux-fix-device:mobile')!;
    expect(device).toMatchObject({ title: 'Repair the billing flow on mobile', calls_avoided_per_day: 1.3, savings_per_year: 3796, targets: { device: 'mobile' } });
    expect(recs.find((r) => r.fix_type === 'faq_article' && r.targets.language)?.title).toBe('Spanish help text and error messages in the billing flow');
  });

  it('covers every leaking journey, skipping language help where everyone speaks English', () => {
    const recs = recommendActions(deps, { date: FIXTURE_DATE });
    expect(recs.filter((r) => r.journey === 'billing')).toHaveLength(7);
    expect(recs.filter((r) => r.journey === 'id_card')).toHaveLength(6);
    expect(recs.filter((r) => r.journey === 'pharmacy')).toHaveLength(6);
    expect(recs.map((r) => r.roi)).toEqual([...recs.map((r) => r.roi)].sort((a, b) => b - a));
  });

  it('reads a catalog named by LEAK_ACTION_CATALOG', async () => {
    const file = path.join(tempDir(), 'catalog.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        effort_week_cost: 1000,
        templates: [{ id: 'rebuild', fix_type: 'digital_ux_fix', title: 'Rebuild {journey}', owner_team: 'Web', effort: 'L', effort_weeks: 10, expected_reduction_pct: 50, targets: 'journey' }],
      }),
    );
    const custom = makeDeps({ env: { LEAK_ACTION_CATALOG: file } });
    await loadSmallFixture(custom);
    // 4/day × 100% × 50% = 2 calls/day, $16/day, $5,840/yr, ÷ (10 × $1,000).
    expect(recommendActions(custom, { date: FIXTURE_DATE, journey: 'billing' })).toEqual([
      expect.objectContaining({ id: 'billing:rebuild', title: 'Rebuild billing', calls_avoided_per_day: 2, savings_per_day: 16, savings_per_year: 5840, roi: 0.58, expected_reduction_pct: 50, targets: {} }),
    ]);
  });

  it('refuses a broken catalog with one line naming the file and the field', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.json');
    const shipped = JSON.parse(fs.readFileSync(DEFAULT_CATALOG, 'utf8'));
    shipped.templates[2].effort = 'XL';
    fs.writeFileSync(bad, JSON.stringify(shipped));
    const message = (f: string) => {
      try {
        loadActionCatalog(f);
      } catch (e) {
        return describeError(e);
      }
      return 'no error';
    };
    expect(message(bad)).toMatch(new RegExp(`^Invalid action catalog ${bad}: templates\\.2\\.effort .*"S".*\\.$`));
    expect(message(bad)).not.toContain('\n');
    fs.writeFileSync(bad, '{ not json');
    expect(message(bad)).toMatch(new RegExp(`^Cannot read the action catalog ${bad}: `));
    expect(message(path.join(dir, 'missing.json'))).toMatch(/^Cannot read the action catalog .*missing\.json: ENOENT/);
  });

  it('a broken LEAK_ACTION_CATALOG stops the start with the same one line', () => {
    const bad = path.join(tempDir(), 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ effort_week_cost: -1, templates: [] }));
    expect(() => checkFeatureFiles(loadConfig({ LEAK_ACTION_CATALOG: bad }))).toThrow(new RegExp(`^Invalid action catalog ${bad}: effort_week_cost `));
  });

  it('the shipped catalog is valid', () => {
    expect(loadActionCatalog().templates.length).toBeGreaterThanOrEqual(5);
  });
});
