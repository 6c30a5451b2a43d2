/**
 * Explanations: the query terms an entity shares (with the field where each weighs most and its
 * contribution to the lexical cosine), the structured reasons and the score parts.
 *
 * @module
 */
import { displayTerm } from '../analysis/tokenize.ts';
import type { SparseVec } from '../index/sparse.ts';
import type { MatchExplanation, MatchReason } from '../types.ts';
import type { EntityRecord, IndexCore } from './core.ts';

/** Most matched terms listed per hit. */
export const MAX_EXPLAIN_TERMS = 12;

/** Builds the explanation of one hit. */
export function explain(
  core: IndexCore,
  aggVec: SparseVec,
  rec: EntityRecord,
  parts: Record<string, number>,
  reasons: MatchReason[],
): MatchExplanation {
  const dv = core.tfidf(rec.agg);
  const terms: MatchExplanation['terms'] = [];
  const seen = new Set<string>();
  let i = 0;
  let j = 0;
  const found: Array<{ term: string; field: string; weight: number }> = [];
  while (i < aggVec.t.length && j < dv.t.length) {
    const a = aggVec.t[i] as number;
    const b = dv.t[j] as number;
    if (a === b) {
      found.push({
        term: displayTerm(core.vocab.term(a)),
        field: core.fieldNames[rec.aggField[j] as number] ?? 'text',
        weight: (aggVec.w[i] as number) * (dv.w[j] as number),
      });
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  found.sort((x, y) => y.weight - x.weight);
  for (const f of found) {
    // A bigram inside an already listed word adds nothing for a reader.
    if (seen.has(f.term) || [...seen].some((s) => s.length > f.term.length && s.includes(f.term))) continue;
    seen.add(f.term);
    terms.push({ term: f.term, field: f.field, weight: Math.round(f.weight * 1e4) / 1e4 });
    if (terms.length >= MAX_EXPLAIN_TERMS) break;
  }
  const rounded: Record<string, number> = {};
  for (const [k, v] of Object.entries(parts)) rounded[k] = Math.round(v * 1e4) / 1e4;
  return { terms, reasons, parts: rounded };
}
