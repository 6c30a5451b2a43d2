/**
 * English phrase terms: every pair of adjacent content words ("graph neural", "neural network",
 * "reinforcement learning") becomes one extra term beside its two words. A phrase is evidence
 * of the same concept that the two words alone are not ("network" + "neural" in different
 * sentences); IDF weighs each pair by its own rarity, so common pairs cost nothing and pairs
 * seen once never match anything.
 *
 * Pairs are cut at punctuation, at anything that is not an ASCII word (CJK text, symbols) and at
 * stop words ("learning of representations" yields no pair), so a phrase is a run the writer
 * wrote together. Measured on expert-match-en (in-process feature test, per-paper cosine, best 5
 * of the expert's papers): pairwise loss 0.246 → 0.238 with the pairs, and hard pairs 0.649 → 0.668;
 * keeping only pairs seen in ≥ 2 corpus texts or with high PMI was no better (0.242–0.248).
 * Only text without CJK characters gets phrases (see `tokenizeNormalized`).
 *
 * @module
 */
import { canonicalTerm } from './domain.ts';
import { stemEnglish } from './stem.ts';
import { isStopWord } from './stopwords.ts';

/** Joins the two words of a phrase term (no word term contains a space). */
export const PHRASE_JOINER = ' ';

const ASCII_WORD = /[a-z0-9]+/g;
/** What may stand between the two words of a phrase: spaces and hyphens only. */
const PHRASE_GAP = /^[ \t-]*$/;

/** The word term of an ASCII word as `tokenize` makes it, or undefined for a dropped word. */
export function englishWordTerm(w: string): string | undefined {
  if (w.length < 2 || w.length > 40 || isStopWord(w)) return undefined;
  if (/^\d+$/.test(w) && w.length > 4) return undefined;
  return canonicalTerm(/^[a-z]+$/.test(w) ? stemEnglish(w) : w);
}

/**
 * Adjacent-word phrase terms of normalised (lowercase) text, appended to `out`.
 *
 * @example
 * englishPhrases('graph neural networks for the molecule', []) // → ['graph neural', 'neural network']
 */
export function englishPhrases(text: string, out: string[]): string[] {
  let prev: string | undefined;
  let prevEnd = -1;
  for (const m of text.matchAll(ASCII_WORD)) {
    const start = m.index ?? 0;
    const term = englishWordTerm(m[0]);
    // Numbers and words folded to a non-ASCII synonym (UAV → 无人机) end a phrase.
    const usable = term !== undefined && /^[a-z0-9]+$/.test(term) && /[a-z]/.test(term);
    if (usable && prev !== undefined && PHRASE_GAP.test(text.slice(prevEnd, start))) {
      out.push(prev + PHRASE_JOINER + term);
    }
    prev = usable ? term : undefined;
    prevEnd = start + m[0].length;
  }
  return out;
}
