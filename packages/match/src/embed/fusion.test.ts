import { describe, expect, it } from 'vitest';
import { EmbeddingIndex, VectorStore, embeddingPart, entityText } from './fusion.ts';
import type { EmbeddingProvider } from './provider.ts';

describe('VectorStore', () => {
  it('normalises, scores cosine and finds the nearest', () => {
    const s = new VectorStore(2);
    s.set('east', [2, 0]);
    s.set('north', [0, 3]);
    s.set('ne', [1, 1]);
    expect(s.cosine(Float32Array.from([1, 0]), 'east')).toBeCloseTo(1);
    expect(s.cosine(Float32Array.from([1, 0]), 'missing')).toBeUndefined();
    expect(s.nearest(Float32Array.from([1, 0.2]), 2).map((h) => h.id)).toEqual(['east', 'ne']);
    expect(s.nearest(Float32Array.from([1, 0.2]), 5, (id) => id !== 'east').map((h) => h.id)).toEqual([
      'ne',
      'north',
    ]);
    expect(() => s.set('bad', [1, 2, 3])).toThrow(/3 dimensions/);
    expect(s.delete('ne')).toBe(true);
    expect(s.size).toBe(2);
    expect(() => new VectorStore(0)).toThrow();
  });

  it('turns cosine into the embedding score part', () => {
    const s = new VectorStore(2);
    s.set('a', [1, 0]);
    const q = Float32Array.from([-1, 0]);
    expect(embeddingPart(s, q, 'a')).toBe(0);
    expect(embeddingPart(s, Float32Array.from([1, 0]), 'a')).toBeCloseTo(1);
    expect(embeddingPart(undefined, q, 'a')).toBe(0);
    expect(embeddingPart(s, undefined, 'a')).toBe(0);
  });
});

describe('EmbeddingIndex', () => {
  it('embeds entity text through a provider and keeps the store in step', async () => {
    const seen: string[] = [];
    // A real (if trivial) provider: counts of two characters.
    const provider: EmbeddingProvider = {
      id: 'count',
      dimensions: 2,
      async embed(texts) {
        seen.push(...texts);
        return texts.map((t) =>
          Float32Array.from([
            [...t].filter((c) => c === '稻').length,
            [...t].filter((c) => c === '茶').length,
          ]),
        );
      },
    };
    const index = new EmbeddingIndex(provider);
    await index.upsert([
      { id: 'rice', title: '水稻专家', keywords: ['杂交稻'], docs: [{ title: '论文', text: '稻瘟病' }] },
      { id: 'tea', title: '茶叶专家', fields: { skills: ['茶树栽培', '制茶'] } },
    ]);
    expect(seen[0]).toBe('水稻专家\n杂交稻\n论文。稻瘟病');
    const q = await index.embedQuery('稻田');
    expect(embeddingPart(index.store, q, 'rice')).toBeCloseTo(1);
    expect(embeddingPart(index.store, q, 'tea')).toBe(0);
    expect(index.remove('rice')).toBe(true);
    expect(embeddingPart(index.store, q, 'rice')).toBe(0);
    expect(entityText({ text: 'x'.repeat(9000) })).toHaveLength(8000);
  });
});
