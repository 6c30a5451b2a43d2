/**
 * MiniSearch 7 with the shared jieba analysis (text pre-segmented, split on spaces), OR semantics,
 * BM25 parameters set to the reference's (k 0.9, b 0.4, d 0) so only MiniSearch's own scoring
 * choices (its coordination factor: score × number of matched query terms) differ. The filter is
 * MiniSearch's `filter` option, checked against typed-array attributes by numeric id.
 */
import MiniSearch from 'minisearch';
import { profileText, type ScaleNeed, type ScaleProfile } from '../generate.ts';
import { distinct, peerTokens } from '../analyzer.ts';
import { Attributes } from '../filter.ts';
import { profileId, type ScaleSystem } from '../system.ts';

interface Doc {
  id: number;
  text: string;
}

/** Creates the MiniSearch peer. */
export function createMiniSearch(): ScaleSystem {
  const attrs = new Attributes();
  const split = (s: string): string[] => (s === '' ? [] : s.split(' '));
  const index = new MiniSearch<Doc>({
    fields: ['text'],
    storeFields: [],
    tokenize: split,
    processTerm: (t) => t,
    searchOptions: {
      combineWith: 'OR',
      bm25: { k: 0.9, b: 0.4, d: 0 },
      tokenize: split,
      processTerm: (t) => t,
    },
  });
  return {
    name: 'MiniSearch',
    add(batch: readonly ScaleProfile[]): void {
      for (const p of batch) {
        attrs.set(p.seq, p.regionCode, p.disciplineCode);
        index.add({ id: p.seq, text: peerTokens(profileText(p)).join(' ') });
      }
    },
    search(need: ScaleNeed, k: number): string[] {
      const ok = attrs.predicate(need.filter);
      const q = distinct(peerTokens(`${need.title} ${need.text}`)).join(' ');
      const hits = index.search(q, { filter: (r) => ok(r.id as number) });
      return hits.slice(0, k).map((h) => profileId(h.id as number));
    },
    facts: () => ({ terms: index.termCount }),
  };
}
