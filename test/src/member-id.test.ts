import { describe, expect, it } from 'vitest';
import { normalizeMemberId } from '../../src/member-id.ts';

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
    for (const bad of ['', ' ', 'M-', 'X-104382', 'M-10438a', 'MM104382', '104 382', 'M-1234567890', '104382-M']) expect(normalizeMemberId(bad)).toBeNull();
  });
});
