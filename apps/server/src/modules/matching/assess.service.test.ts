import { describe, expect, it } from 'vitest';
import { draftTerms } from './assess.service.ts';

describe('draftTerms', () => {
  it('names the words the author wrote, not the fragments the segmenter also yields', () => {
    const terms = draftTerms({
      title: '茶园茶小绿叶蝉绿色防控',
      description: '需要降低虫口密度，提升感官评分，减少农药使用',
    });
    expect(terms).toEqual(expect.arrayContaining(['茶小绿叶蝉', '绿色防控', '虫口密度', '农药使用']));
    for (const fragment of ['绿叶', '叶蝉', '密度', '农药']) expect(terms).not.toContain(fragment);
  });
});
