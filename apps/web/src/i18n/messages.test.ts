import { describe, expect, it } from 'vitest';
import { interpolate } from './define';
import { featureDictionaries, messages } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI dictionary', () => {
  const zh = messages['zh-CN'];
  const en = messages.en;

  it('has the same keys in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('defines every key in one feature dictionary only', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [feature, dict] of Object.entries(featureDictionaries)) {
      for (const key of Object.keys(dict['zh-CN'])) {
        const first = owner.get(key);
        if (first) clashes.push(`${key} (${first}, ${feature})`);
        else owner.set(key, feature);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('writes Chinese text in Chinese (no untranslated English left in zh-CN)', () => {
    const latinOnly = Object.entries(zh).filter(([, text]) => !/[\u4e00-\u9fff]/.test(text));
    // Language names and technical abbreviations (IP) may legitimately be Latin.
    expect(latinOnly.map(([key]) => key)).toEqual(['lang.en', 'sessions.ip', 'audit.ip']);
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('共 {n} 条，{x}', { n: 3 })).toBe('共 3 条，{x}');
    expect(interpolate('no vars')).toBe('no vars');
  });
});
