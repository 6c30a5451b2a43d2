import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors/app-error.ts';
import {
  assertNoSensitiveWords,
  createMatcher,
  loadSensitiveWords,
  normalizeForMatch,
  parseWordList,
} from './sensitive-words.ts';

describe('sensitive-word matcher', () => {
  const m = createMatcher(['赌博', '代开发票', '发票', 'money laundering', 'he', 'she', 'hers']);

  it('finds every word once, in list order', () => {
    expect(m.find('本公司代开发票，也可赌博；赌博')).toEqual(['赌博', '代开发票', '发票']);
  });

  it('finds overlapping words (the classic he/she/hers case)', () => {
    expect(m.find('ushers')).toEqual(['he', 'she', 'hers']);
  });

  it('sees through case, full width and separators inside a word', () => {
    expect(m.find('赌 博')).toEqual(['赌博']);
    expect(m.find('赌*博')).toEqual(['赌博']);
    expect(m.find('ＭＯＮＥＹ-Laundering')).toEqual(['money laundering']);
    expect(normalizeForMatch('Ａ b\u200bC')).toBe('abc');
  });

  it('sees through invisible characters, emoji and symbols put inside a word', () => {
    for (const evasion of [
      '赌\u00ad博', // soft hyphen
      '赌\u2063博', // invisible separator
      '赌\u202e博', // bidi override
      '赌\u034f博', // combining grapheme joiner
      '赌\ufe0f博', // variation selector
      '赌🎲博',
      '赌★博',
      '代开👉发票',
    ])
      expect(m.find(evasion), JSON.stringify(evasion)).not.toEqual([]);
  });

  it('finds nothing in clean text', () => {
    expect(createMatcher(['赌博']).find('猕猴桃溃疡病绿色防控')).toEqual([]);
  });

  it('parses word lists with comments and blanks, ignoring duplicates', () => {
    expect(parseWordList('# c\n赌博\n\n  洗钱 \r\n')).toEqual(['赌博', '洗钱']);
    expect(createMatcher(['赌博', '赌 博', '']).size).toBe(1);
  });

  it('loads the project list plus a deployment file', () => {
    const base = loadSensitiveWords();
    expect(base.size).toBeGreaterThan(30);
    expect(base.find('提供论文代写服务')).toEqual(['论文代写']);
    const dir = mkdtempSync(path.join(tmpdir(), 'words-'));
    const file = path.join(dir, 'extra.txt');
    writeFileSync(file, '# local\n土豆炸弹\n');
    const extended = loadSensitiveWords(file);
    expect(extended.find('土豆炸弹和赌博')).toEqual(['赌博', '土豆炸弹']);
    expect(base.find('土豆炸弹')).toEqual([]);
    expect(() => loadSensitiveWords(path.join(dir, 'missing.txt'))).toThrow();
  });
});

describe('assertNoSensitiveWords', () => {
  const m = createMatcher(['赌博', '洗钱']);
  it('passes clean fields', () => {
    expect(() =>
      assertNoSensitiveWords(m, { title: '水稻育种', keywords: ['育种'], summary: null }),
    ).not.toThrow();
  });
  it('lists all words and the words per field', () => {
    let err: unknown;
    try {
      assertNoSensitiveWords(m, { title: '赌博平台', description: '洗钱与赌博', keywords: ['育种'] });
    } catch (e) {
      err = e;
    }
    expect(isAppError(err)).toBe(true);
    if (!isAppError(err)) return;
    expect(err.status).toBe(400);
    expect(err.code).toBe('listing.sensitive_words');
    expect(err.params).toEqual({ words: '赌博、洗钱', titleWords: '赌博', descriptionWords: '赌博、洗钱' });
    expect(err.fields).toEqual({
      title: 'listing.sensitive_field.title',
      description: 'listing.sensitive_field.description',
    });
  });
});

describe('the project list', () => {
  it('does not flag ordinary technical text', () => {
    const base = loadSensitiveWords();
    const text =
      '印刷单位需要替代考虑环保油墨；医院消毒品供应链优化；宣传销售渠道数字化；信用卡风控模型；' +
      '弹性材料检测；水稻赌注式种植风险评估；Customer laundering machines energy saving.';
    expect(base.find(text)).toEqual([]);
  });
});
