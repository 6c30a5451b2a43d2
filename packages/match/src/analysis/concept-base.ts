/**
 * The concept base: explicit semantic analysis (Gabrilovich & Markovitch 2007) over the project's
 * discipline lexicon (`lexicon.ts`). Each discipline is a concept; each lexicon term is an index
 * key normalised exactly as the analyser normalises text (NFKC, OpenCC, lowercase, jieba with the
 * lexicon in its dictionary, synonyms, English stemming), weighted by its rank in the list and by
 * how few concepts list it. `src/engine/concepts.ts` maps texts and entities onto it.
 *
 * @module
 */
import { normalizeText } from './normalize.ts';
import { lexiconEntries, nameKey, type LexiconEntry } from './lexicon.ts';
import { tokenizeNormalized } from './tokenize.ts';

/** A term's concepts and weights (parallel arrays). */
export interface TermConcepts {
  c: Int32Array;
  w: Float32Array;
}

/** The concept base built from lexicon entries. */
export interface ConceptBase {
  /** Canonical name of each concept (its index is the concept id). */
  names: string[];
  /** Normalised term → concepts listing it with their weights. */
  terms: Map<string, TermConcepts>;
  /** Normalised name or alias → concept ids. */
  byName: Map<string, number[]>;
  /** Lexicon terms that are more than one analysed token (phrases; not used as keys). */
  phrases: number;
}

/** How much weight the last term of a list keeps relative to the first (linear in rank). */
export const RANK_FLOOR = 0.5;

/** The one analysed token a lexicon term stands for, or undefined for a phrase / stop word. */
function termKey(term: string): string | undefined {
  const text = normalizeText(term.replace(/_/g, ' '));
  const toks = tokenizeNormalized(text, { bigrams: false, searchMode: false });
  return toks.length === 1 ? toks[0] : undefined;
}

/**
 * Builds the concept base. A term's weight in a concept is `rank weight × ln(1 + C / n)` where the
 * rank weight falls linearly from 1 (first, most characteristic) to `RANK_FLOOR` (last) and `n` is
 * the number of concepts listing the term; each concept's weights are then L2-normalised (a long
 * list does not win by length). Entries sharing a canonical name are merged.
 */
export function buildConceptBase(entries: readonly LexiconEntry[]): ConceptBase {
  const names: string[] = [];
  const idOf = new Map<string, number>();
  const lists: Map<string, number>[] = []; // per concept: key → rank weight
  const byName = new Map<string, number[]>();
  let phrases = 0;
  for (const e of entries) {
    const canon = e.names[0] as string;
    let c = idOf.get(canon);
    if (c === undefined) {
      c = names.length;
      idOf.set(canon, c);
      names.push(canon);
      lists.push(new Map());
    }
    for (const n of e.names) {
      const k = nameKey(n);
      if (!k) continue;
      const ids = byName.get(k) ?? [];
      if (!ids.includes(c)) ids.push(c);
      byName.set(k, ids);
    }
    const list = lists[c] as Map<string, number>;
    const len = e.terms.length;
    e.terms.forEach((t, r) => {
      const key = termKey(t);
      if (key === undefined) {
        phrases++;
        return;
      }
      const rw = len > 1 ? 1 - ((1 - RANK_FLOOR) * r) / (len - 1) : 1;
      if (!list.has(key) || (list.get(key) as number) < rw) list.set(key, rw);
    });
  }
  const df = new Map<string, number>();
  for (const l of lists) for (const k of l.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const C = names.length;
  const acc = new Map<string, { c: number[]; w: number[] }>();
  lists.forEach((l, c) => {
    let s = 0;
    const ws = new Map<string, number>();
    for (const [k, rw] of l) {
      const w = rw * Math.log(1 + C / (df.get(k) as number));
      ws.set(k, w);
      s += w * w;
    }
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (const [k, w] of ws) {
      let a = acc.get(k);
      if (!a) acc.set(k, (a = { c: [], w: [] }));
      a.c.push(c);
      a.w.push(w * inv);
    }
  });
  const terms = new Map<string, TermConcepts>();
  for (const [k, a] of acc) terms.set(k, { c: Int32Array.from(a.c), w: Float32Array.from(a.w) });
  return { names, terms, byName, phrases };
}

let base: ConceptBase | undefined;

/** The concept base of the shipped lexicon (built once; empty when there are no lexicon files). */
export function lexiconConceptBase(): ConceptBase {
  base ??= buildConceptBase(lexiconEntries());
  return base;
}

/** Title separators tried when a whole title is not a known name. */
const NAME_SPLIT = /[/、，,;；]+/;

/**
 * Concepts an entity's title names: the whole title as a discipline name or alias, else each
 * part of a combined title ("A/B", "A、B").
 */
export function conceptsNamed(b: ConceptBase, title: unknown): number[] {
  if (typeof title !== 'string' || b.names.length === 0) return [];
  const whole = b.byName.get(nameKey(title));
  if (whole) return whole;
  const out: number[] = [];
  const parts = normalizeText(title).split(NAME_SPLIT);
  if (parts.length < 2) return out;
  for (const p of parts) for (const c of b.byName.get(nameKey(p)) ?? []) if (!out.includes(c)) out.push(c);
  return out;
}
