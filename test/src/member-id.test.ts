import { describe, expect, it } from 'vitest';
import { normalizeMemberId } from '../../src/member-id.ts';
import { slowdown } from '../helpers/slowdown.ts';

describe('normalizeMemberId', () => {
  it('maps every source form to M-104382', () => {
    for (const form of ['M-104382', 'm104382', 'M104382', '104382', ' M-104382 ', '\tm-104382', 'M - 104382', 'm 104382']) {
      expect(normalizeMemberId(form)).toBe('M-104382');
    }
  });

  it('pads short numbers to six digits and drops extra leading zeros', () => {
    expect(normalizeMemberId('42')).toBe('M-000042');
    expect(normalizeMemberId('M-000042')).toBe('M-000042');
    expect(normalizeMemberId('0104382')).toBe('M-104382');
    expect(normalizeMemberId('1234567')).toBe('M-1234567');
  });

  it('refuses anything that is not a member id', () => {
    for (const bad of ['', ' ', 'M-', 'X-104382', 'M-10438a', 'MM104382', '104 382', 'M-1234567890', '104382-M', 'M--1', '-M1', '１２３']) expect(normalizeMemberId(bad)).toBeNull();
  });

  it('accepts exactly what the former pattern /^\\s*[Mm]?\\s*-?\\s*(\\d{1,9})\\s*$/ did (short random strings)', () => {
    const pattern = /^\s*[Mm]?\s*-?\s*(\d{1,9})\s*$/;
    const reference = (raw: string) => {
      const m = pattern.exec(raw);
      return m ? `M-${m[1].replace(/^0+(?=\d{6})/, '').padStart(6, '0')}` : null;
    };
    const alphabet = ['M', 'm', '-', ' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '0', '1', '5', '9', 'x', '１'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 30_000; n++) {
      const s = Array.from({ length: Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect([s, normalizeMemberId(s)]).toEqual([s, reference(s)]);
    }
  });
});

describe('normalizeMemberId takes time linear in the length of its input', () => {
  // A hostile id against a real form of the same length (an id padded with stray spaces). The old
  // pattern backtracked: quadratically on the first, cubically on the second.
  const N = 2_000;
  const normal = `${' '.repeat(N)}M-000001`;
  const hostile: Record<string, string> = {
    'm, spaces, x': `m${' '.repeat(N)}x`,
    'spaces, x': `${' '.repeat(N)}x`,
    'm, spaces, -, spaces, x': `m${' '.repeat(N / 2)}-${' '.repeat(N / 2)}x`,
  };
  for (const [name, text] of Object.entries(hostile)) {
    it(`${name}: under 20× the time of a normal id of the same length`, async () => {
      expect(normalizeMemberId(text)).toBeNull();
      let sink = 0;
      const read = (s: string) => () => () => void (sink += normalizeMemberId(s)?.length ?? 1);
      const ratio = await slowdown(read(normal), read(text), { reps: 1_000 });
      expect(ratio).toBeLessThan(20);
      expect(sink).toBeGreaterThan(0);
    });
  }
});
