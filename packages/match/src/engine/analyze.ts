/**
 * Turns an entity or a query into analysed units: its own text (title, text, keywords, named
 * fields) is one unit and every document is another. Each unit maps term → weighted frequency,
 * where a field's weight multiplies the count (the BM25F idea), and remembers the field in which
 * each term weighed most (for explanations).
 *
 * @module
 */
import { tokenize, type TokenizeOptions } from '../analysis/tokenize.ts';
import type { MatchDoc } from '../types.ts';

/** Default field weights (BM25F): a title or keyword says more about a topic than body text. */
export const DEFAULT_FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  title: 2,
  keywords: 2,
  text: 1,
  docTitle: 2,
  docText: 1,
};

/** Most documents analysed per entity (documented limit). */
export const MAX_DOCS = 200;

/** One analysed unit. */
export interface TextUnit {
  tf: Map<string, number>;
  field: Map<string, string>;
  /** Weighted length (sum of weighted frequencies). */
  length: number;
}

/** Anything with entity-like text. */
export interface TextBearer {
  title?: unknown;
  text?: unknown;
  keywords?: unknown;
  fields?: unknown;
  docs?: unknown;
}

function add(unit: TextUnit, text: unknown, field: string, weight: number, tok: TokenizeOptions): void {
  if (weight <= 0) return;
  const terms = tokenize(text, tok);
  for (const t of terms) {
    const before = unit.tf.get(t) ?? 0;
    unit.tf.set(t, before + weight);
    const f = unit.field.get(t);
    if (f === undefined || weight > 1) unit.field.set(t, f === undefined || weight > 1 ? field : f);
  }
  unit.length += terms.length * weight;
}

function newUnit(): TextUnit {
  return { tf: new Map(), field: new Map(), length: 0 };
}

function asStrings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/**
 * Analyses an entity or query into units (own text first when non-empty, then each document).
 * Malformed parts (wrong types) are ignored, never thrown on.
 */
export function analyzeUnits(
  e: TextBearer,
  fieldWeights: Readonly<Record<string, number>>,
  tok: TokenizeOptions = {},
): TextUnit[] {
  const units: TextUnit[] = [];
  const own = newUnit();
  add(own, e.title, 'title', fieldWeights.title ?? 1, tok);
  add(own, e.text, 'text', fieldWeights.text ?? 1, tok);
  add(own, asStrings(e.keywords).join(' ; '), 'keywords', fieldWeights.keywords ?? 1, tok);
  if (e.fields && typeof e.fields === 'object') {
    for (const [name, value] of Object.entries(e.fields as Record<string, unknown>)) {
      add(own, asStrings(value).join(' ; '), name, fieldWeights[name] ?? 1, tok);
    }
  }
  if (own.tf.size > 0) units.push(own);
  if (Array.isArray(e.docs)) {
    for (const d of (e.docs as unknown[]).slice(0, MAX_DOCS)) {
      if (!d || typeof d !== 'object') continue;
      const doc = d as Partial<MatchDoc>;
      const u = newUnit();
      add(u, doc.title, 'docs', fieldWeights.docTitle ?? 1, tok);
      add(u, doc.text, 'docs', fieldWeights.docText ?? 1, tok);
      if (u.tf.size > 0) units.push(u);
    }
  }
  return units;
}
