import { describe, expect, it } from 'vitest';
import { isValidResidentId, parseResidentId, residentIdCheckChar } from './resident-id.ts';

describe('GB 11643 resident ID', () => {
  it('computes the ISO 7064 MOD 11-2 check character, including X', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('51010519900307123')).toBe('3');
  });

  it('accepts a valid number and extracts region, birth date and sex', () => {
    const r = parseResidentId('11010519491231002x');
    expect(r).toEqual({
      ok: true,
      value: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(parseResidentId('510105199003071233')).toMatchObject({ ok: true, sex: 'male' });
  });

  it.each([
    ['51010519900307123', 'format'],
    ['5101051990030712334', 'format'],
    ['51010519900307123Y', 'format'],
    ['99010519900307123X', 'region'],
    ['510105199002301234', 'birth_date'],
    ['510105189001011234', 'birth_date'],
    ['510105199003071234', 'check_digit'],
  ])('rejects %s (%s)', (id, problem) => {
    expect(parseResidentId(id)).toEqual({ ok: false, problem });
  });

  it('rejects a birth date after today', () => {
    const first17 = '51010520990101123';
    const id = first17 + residentIdCheckChar(first17);
    expect(parseResidentId(id, new Date('2026-01-01T00:00:00Z'))).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    expect(isValidResidentId('51010519900307123 3')).toBe(true);
  });
});
