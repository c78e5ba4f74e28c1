import { describe, expect, it } from 'vitest';
import { measureAsk } from '../../../src/bench/ask.ts';
import { makeDeps } from '../../helpers/store.ts';
import { NOW, seedLeaks } from '../slack/seed.ts';

describe('measureAsk', () => {
  it('times resolving every bench question and each asked answer beside its command', async () => {
    const deps = makeDeps({ now: NOW });
    await seedLeaks(deps);
    const rows = await measureAsk(deps, '2026-11-23', 1);
    expect(rows.map((r) => r.figure)).toEqual([
      'resolving a question p95',
      'asked "What\'s breaking right now?" p95',
      'asked "Who is billing hurting?" p95',
      'asked "Is fixing billing worth it?" p95',
      'asked "Why is billing leaking?" p95',
    ]);
    expect(rows[0].detail).toMatch(/n=42\); 42 questions as typed \(8 follow-ups in a thread\) × 1$/);
    expect(rows[4].detail).toContain('`why billing --date 2026-11-23` alone');
    // The asked answers really ran: each was stored with the command line it was answered by.
    const asked = deps.store.sqlite.prepare("SELECT DISTINCT command FROM ask_questions WHERE workspace = 'bench' ORDER BY command").pluck().all();
    expect(asked).toEqual(['savings billing --date 2026-11-23', 'segments billing --date 2026-11-23', 'today --date 2026-11-23', 'why billing --date 2026-11-23']);
  });
});
