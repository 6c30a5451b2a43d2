import { describe, expect, it } from 'vitest';
import { excerptAround, splitByTerms } from './highlight';

describe('splitByTerms', () => {
  it('marks every occurrence, case-insensitively', () => {
    expect(splitByTerms('AI and ai', ['ai'])).toEqual([
      { text: 'AI', hit: true },
      { text: ' and ', hit: false },
      { text: 'ai', hit: true },
    ]);
  });

  it('prefers the longer term where terms overlap', () => {
    const parts = splitByTerms('基于机器学习的检测', ['机器', '机器学习']);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['机器学习']);
    expect(parts.map((p) => p.text).join('')).toBe('基于机器学习的检测');
  });

  it('treats regex characters literally and ignores blank terms', () => {
    expect(splitByTerms('C++ (plus)', ['c++', ' '])).toEqual([
      { text: 'C++', hit: true },
      { text: ' (plus)', hit: false },
    ]);
    expect(splitByTerms('text', [])).toEqual([{ text: 'text', hit: false }]);
    expect(splitByTerms('', ['a'])).toEqual([]);
  });
});

describe('excerptAround', () => {
  it('keeps short text whole and centres long text on the first hit', () => {
    expect(excerptAround('short', ['x'])).toBe('short');
    const long = `${'甲'.repeat(200)}病害${'乙'.repeat(200)}`;
    const ex = excerptAround(long, ['病害'], 60);
    expect(ex).toContain('病害');
    expect(ex.startsWith('…') && ex.endsWith('…')).toBe(true);
    expect(ex.length).toBe(62);
  });
});
