/**
 * Keyword extraction: the terms of a text ranked by tf · idf, where idf comes from an index's
 * document frequencies when given, else from jieba's bundled IDF-like heuristic (word length).
 *
 * @module
 */
import { tokenize, BIGRAM_MARK } from './tokenize.ts';

/** One extracted keyword. */
export interface Keyword {
  term: string;
  weight: number;
}

/**
 * Top `k` keywords of a text. Bigram terms are skipped (they are not words).
 *
 * @example
 * extractKeywords('水稻病害识别与水稻育种', 3, (t) => 1) // → [{ term: '水稻', weight: 2 }, …]
 */
export function extractKeywords(text: unknown, k = 10, idf?: (term: string) => number): Keyword[] {
  const tf = new Map<string, number>();
  for (const t of tokenize(text, { bigrams: false })) {
    if (t.startsWith(BIGRAM_MARK)) continue;
    tf.set(t, (tf.get(t) ?? 0) + 1);
  }
  const scored: Keyword[] = [];
  for (const [term, n] of tf) {
    const w = idf ? idf(term) : Math.log(1 + term.length);
    scored.push({ term, weight: (1 + Math.log(n)) * w });
  }
  scored.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  return scored.slice(0, Math.max(0, k));
}
