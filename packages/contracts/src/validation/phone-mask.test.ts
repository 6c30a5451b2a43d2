import { describe, expect, it } from 'vitest';
import { isValidMobile, normalizeMobile } from './phone.ts';
import { maskName, maskPhone, maskResidentId } from './mask.ts';

describe('mainland mobile numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086-199-0000-0001', '19900000001'],
    ['8615912345678', '15912345678'],
  ])('normalizes %s', (input, out) => {
    expect(normalizeMobile(input)).toBe(out);
  });

  it.each(['12800138000', '1380013800', '138001380001', '+1 415 555 0100', 'abc', ''])(
    'rejects %s',
    (input) => {
      expect(isValidMobile(input)).toBe(false);
    },
  );
});

describe('masking', () => {
  it('masks resident IDs, phones and names', () => {
    expect(maskResidentId('51010519900307123X')).toBe('5101**********123X');
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskPhone('123')).toBe('***');
  });
});
