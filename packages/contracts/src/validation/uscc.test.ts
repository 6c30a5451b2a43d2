import { describe, expect, it } from 'vitest';
import { isValidUscc, parseUscc, usccCheckChar } from './uscc.ts';

describe('GB 32100 unified social credit code', () => {
  it('validates published codes', () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
      regionCode: '350100',
    });
    expect(isValidUscc('914403001922038216')).toBe(true);
    expect(isValidUscc(' 91350100m000100y43 ')).toBe(true);
  });

  it('maps a check value of 31 to 0 and letters to their alphabet index', () => {
    // Each candidate must round-trip through the validator with its computed check character.
    for (const first17 of ['9151010020190000A', '12510000450717000', '52510100MJ0000000']) {
      expect(isValidUscc(first17 + usccCheckChar(first17))).toBe(true);
    }
  });

  it.each([
    ['91350100M000100Y4', 'format'],
    ['91350100M000100I43', 'charset'],
    ['91350100M000100O43', 'charset'],
    ['9135Z100M000100Y43', 'charset'],
    ['91ABCDEFM000100Y43', 'region'],
    ['91350100M000100Y44', 'check_char'],
  ])('rejects %s (%s)', (code, problem) => {
    expect(parseUscc(code)).toEqual({ ok: false, problem });
  });
});
