/**
 * FlexSearch 0.8 Document index with the shared jieba analysis (pre-segmented text, split on
 * spaces, `strict` tokenizer), the filter as FlexSearch tags (city code and discipline code), and
 * `suggest: true` so a multi-term need matches documents sharing any of its terms (without it
 * FlexSearch requires every term, which returns almost nothing for a sentence-long need).
 * Its ranking is FlexSearch's own (term position resolution), not BM25.
 */
import { Document } from 'flexsearch';
import { profileText, type ScaleNeed, type ScaleProfile } from '../generate.ts';
import { distinct, peerTokens } from '../analyzer.ts';
import { profileId, type ScaleSystem } from '../system.ts';

interface Doc {
  [key: string]: string | number;
  id: number;
  text: string;
  city: string;
  disc: string;
}

interface FieldResult {
  field?: string;
  result: number[];
}

/** Creates the FlexSearch peer. */
export function createFlexSearch(): ScaleSystem {
  const index = new Document<Doc>({
    document: {
      id: 'id',
      index: [{ field: 'text', tokenize: 'strict', encode: (s: string) => (s === '' ? [] : s.split(' ')) }],
      tag: ['city', 'disc'],
    },
  });
  return {
    name: 'FlexSearch',
    add(batch: readonly ScaleProfile[]): void {
      for (const p of batch) {
        index.add({
          id: p.seq,
          text: peerTokens(profileText(p)).join(' '),
          city: p.cityCode,
          disc: p.disciplineCode,
        });
      }
    },
    searchExhaustive(need: ScaleNeed, k: number): string[] {
      // FlexSearch's own ranking without its result limit, cut to k afterwards.
      return run(need, 1_000_000).slice(0, k);
    },
    search: (need: ScaleNeed, k: number): string[] => run(need, k),
  };
  function run(need: ScaleNeed, k: number): string[] {
    const query = distinct(peerTokens(`${need.title} ${need.text}`)).join(' ');
    const tag = need.filter.kind === 'region' ? { city: need.filter.prefix } : { disc: need.filter.code };
    // The typings' overloads do not cover tag + suggest together; the runtime does.
    const res = (index.search as (o: object) => unknown)({
      query,
      tag,
      limit: k,
      suggest: true,
    }) as FieldResult[];
    const ids = res[0]?.result ?? [];
    return ids.slice(0, k).map(profileId);
  }
}
