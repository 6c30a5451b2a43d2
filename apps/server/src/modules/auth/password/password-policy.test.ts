import { describe, expect, it } from 'vitest';
import { buildBlocklist } from './generate-blocklist.ts';
import { characterClasses, checkPassword, commonPasswords, passwordExpired } from './password-policy.ts';

describe('password policy', () => {
  it('ships a blocklist of thousands of common passwords, identical to the generator output', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThan(3000);
    expect(buildBlocklist()).toEqual([...list]);
    for (const p of [
      'password',
      'password123',
      '12345678',
      'woaini1314',
      '1qaz2wsx',
      'qwertyuiop',
      '5201314520',
    ]) {
      expect(list.has(p) || p.length < 8).toBe(true);
    }
  });

  it('asvs: length and blocklist only, no composition rules', () => {
    expect(checkPassword('asvs', 'short')).toEqual({ code: 'password.too_short', params: { min: 8 } });
    expect(checkPassword('asvs', 'Password123')).toEqual({ code: 'password.too_common' });
    expect(checkPassword('asvs', '11111111')).toEqual({ code: 'password.too_common' });
    expect(checkPassword('asvs', 'x'.repeat(129))).toMatchObject({ code: 'password.too_long' });
    // All lower-case, long, unusual: fine under asvs.
    expect(checkPassword('asvs', 'purple elephants dance')).toBeNull();
    // Eight Chinese characters count as eight.
    expect(checkPassword('asvs', '天府科技云平台好')).toBeNull();
    expect(checkPassword('asvs', 'my13800000001x', '13800000001')).toEqual({
      code: 'password.contains_phone',
    });
  });

  it('mlps: needs 3 of 4 character classes', () => {
    expect(characterClasses('abcD12!')).toBe(4);
    expect(checkPassword('mlps', 'purple elephants dance')).toEqual({ code: 'password.too_simple' });
    expect(checkPassword('mlps', 'Purple elephants')).toBeNull();
    expect(checkPassword('mlps', 'purple7elephants')).toEqual({ code: 'password.too_simple' });
    expect(checkPassword('mlps', 'Purple7Elephants')).toBeNull();
  });

  it('mlps: passwords expire after the maximum age; asvs never', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const old = new Date('2026-02-01T00:00:00Z');
    const recent = new Date('2026-05-01T00:00:00Z');
    expect(passwordExpired('mlps', old, 90, now)).toBe(true);
    expect(passwordExpired('mlps', recent, 90, now)).toBe(false);
    expect(passwordExpired('mlps', null, 90, now)).toBe(true);
    expect(passwordExpired('asvs', old, 90, now)).toBe(false);
  });
});
