import { describe, expect, it } from 'vitest';
import { extractKeywords } from './keywords.ts';
import * as OpenCC from 'opencc-js';
import {
  MAX_TEXT_CHARS,
  firstConvertible,
  normalizeText,
  stripHtml,
  toSimplifiedChinese,
} from './normalize.ts';
import { stemEnglish } from './stem.ts';
import { englishPhrases } from './phrases.ts';
import { BIGRAM_MARK, tokenize } from './tokenize.ts';

describe('normalizeText', () => {
  it('converts only from the first convertible character, with the same result as the whole text', () => {
    const whole = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const texts = [
      '水稻育种与栽培技术研究',
      '基于深度学习的水稻病害识别',
      '猕猴桃溃疡病防治 機器學習 集成電路設計',
      '研究方向：計算機視覺、自然語言處理',
      '一干二净 乾隆 後來 皇后 頭髮 發展',
      '字⿰氵青 ⿱艹化 説明',
      '𠮷野家 𡘙 測試',
      'GPS 導航 5G網絡',
      '',
    ];
    for (const t of texts) expect(toSimplifiedChinese(t), t).toBe(whole(t));
    expect(firstConvertible('abc 123')).toBe(-1);
    expect(firstConvertible('研究機器')).toBe(2);
    // Every character the fast path passes through is one the converter keeps.
    for (let c = 0x3400; c <= 0x9fff; c++) {
      const ch = String.fromCharCode(c);
      if (firstConvertible(ch) < 0) expect(whole(ch)).toBe(ch);
    }
  });

  it('folds full-width, traditional and case, and strips HTML', () => {
    expect(normalizeText('<b>機器學習</b> ＡＩ＆Ｂ')).toBe(' 机器学习  ai&b');
    expect(stripHtml('a&lt;b&gt; &#x4e2d;<script>x()</script>')).toBe('a<b> 中 ');
  });
  it('never throws on odd input and truncates at the limit', () => {
    expect(normalizeText(undefined)).toBe('');
    expect(normalizeText(42 as unknown as string)).toBe('');
    expect(normalizeText('水'.repeat(MAX_TEXT_CHARS * 3)).length).toBe(MAX_TEXT_CHARS);
    // Emoji carry no topic: surrogates (paired or lone) become spaces.
    expect(normalizeText('emoji 😀 \ud83d').trim()).toBe('emoji');
  });
});

describe('tokenize', () => {
  it('cuts Chinese with jieba search mode, adds bigrams, drops stop words', () => {
    const t = tokenize('基于深度学习的水稻病害识别');
    expect(t).toEqual(expect.arrayContaining(['深度学习', '水稻', '病害', `${BIGRAM_MARK}水稻`]));
    expect(t).not.toContain('的');
    expect(t).not.toContain('基于');
  });
  it('keeps domain terms whole and folds synonyms', () => {
    expect(tokenize('猕猴桃溃疡病')).toContain('猕猴桃');
    expect(tokenize('奇异果种植')).toContain('猕猴桃');
    expect(tokenize('土豆 洋芋')).toEqual(expect.arrayContaining(['马铃薯']));
    expect(tokenize('UAV spraying')).toContain('无人机');
  });
  it('handles English words with light stemming and stop words', () => {
    expect(tokenize('The Neural Networks of studies')).toEqual([
      'neural',
      'network',
      'study',
      'neural network',
    ]);
    expect(tokenize('The Neural Networks of studies', { phrases: false })).toEqual([
      'neural',
      'network',
      'study',
    ]);
    expect(stemEnglish('learning')).toBe('learn');
    expect(stemEnglish('learned')).toBe('learn');
  });
  it('handles mixed scripts, emoji and garbage without throwing', () => {
    expect(tokenize('5G网络 😀😀 AI芯片')).toEqual(
      expect.arrayContaining(['5g', '网络', '人工智能', '芯片']),
    );
    expect(tokenize('')).toEqual([]);
    expect(tokenize('x'.repeat(5000))).toEqual([]);
    expect(tokenize({} as unknown as string)).toEqual([]);
  });
});

describe('englishPhrases', () => {
  it('pairs adjacent content words, stemmed like their words', () => {
    expect(englishPhrases('graph neural networks for molecules', [])).toEqual([
      'graph neural',
      'neural network',
    ]);
    expect(englishPhrases('model-based reinforcement learning', [])).toEqual(['reinforcement learn']);
    expect(englishPhrases('semi-supervised learning', [])).toEqual(['semi supervis', 'supervis learn']);
  });
  it('never pairs across stop words, punctuation, numbers or other scripts', () => {
    expect(englishPhrases('learning of representations', [])).toEqual([]);
    expect(englishPhrases('deep. learning; graph, kernels', [])).toEqual([]);
    expect(englishPhrases('covid 19 vaccine', [])).toEqual([]);
    expect(englishPhrases('deep水稻learning', [])).toEqual([]);
    expect(tokenize('基于深度学习的水稻病害识别').some((t) => t.includes(' '))).toBe(false);
  });
});

describe('extractKeywords', () => {
  it('ranks repeated, specific words first', () => {
    const k = extractKeywords('水稻育种与水稻栽培，水稻病害防治', 2);
    expect(k[0]?.term).toBe('水稻');
    expect(k).toHaveLength(2);
  });
});
