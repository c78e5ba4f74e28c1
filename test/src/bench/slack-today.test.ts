import { describe, expect, it } from 'vitest';
import { benchSlackToday } from '../../../src/bench/slack-today.ts';
import { makeDeps } from '../../helpers/store.ts';
import { NOW, seedLeaks } from '../slack/seed.ts';

describe('benchSlackToday', () => {
  it('times /leak today from the signed POST to the answer at the response URL', async () => {
    const deps = makeDeps({ now: NOW });
    await seedLeaks(deps);
    const r = await benchSlackToday(deps, 3, 1);
    expect(r.ack_ms.n).toBe(3);
    expect(r.answer_ms.median).toBeGreaterThanOrEqual(r.ack_ms.min);
    expect(r.blocks).toBeGreaterThan(3);
  });
});
