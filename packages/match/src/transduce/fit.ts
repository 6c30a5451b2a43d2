/**
 * Transductive fitting of the semantic model to a batch of queries (`engine.searchBatch`).
 *
 * LSA learns which words go together from the texts it is trained on. When a batch of queries
 * arrives together (routing a day's needs, scoring a set of papers), the queries' own texts are
 * more evidence of how the vocabulary co-occurs — especially when the corpus is small (a
 * discipline known by eight exemplars). The model is re-trained on the corpus units plus the
 * query units that are not already in the corpus (near-duplicates, cosine ≥ `DUPLICATE_COSINE`,
 * would only count a text twice), restricted to the corpus vocabulary (a word no entity uses can
 * never match anything; in the factorisation it is noise). Nothing is learnt from labels or
 * outcomes: only co-occurrence. Entities are then re-embedded with the new model.
 *
 * Only on corpora small enough to be scored exhaustively: retraining a million-entity index for
 * a batch of needs would cost minutes for a negligible change of its statistics.
 *
 * @module
 */
import type { SparseVec } from '../index/sparse.ts';
import type { IndexCore } from '../engine/core.ts';
import { trainLsa } from '../semantic/lsa.ts';
import type { MatchQuery } from '../types.ts';
import { CosineIndex } from './unit-index.ts';

/** A query unit this close (TF-IDF cosine) to a corpus unit is the same text: not added. */
export const DUPLICATE_COSINE = 0.9;

/** What the fit did (for tests and the CLI's summary line). */
export interface TransductiveFit {
  fitted: boolean;
  corpusUnits: number;
  queryUnits: number;
  duplicates: number;
}

/**
 * Re-trains `core`'s semantic model on its units plus the batch's distinct query units.
 * Returns without change when the corpus is larger than `maxEntities`, there is no model, or
 * the batch brings no new text.
 */
export function fitToQueries(
  core: IndexCore,
  queries: readonly MatchQuery[],
  maxEntities: number,
): TransductiveFit {
  const none: TransductiveFit = { fitted: false, corpusUnits: 0, queryUnits: 0, duplicates: 0 };
  const dim = core.config.semanticDim;
  if (!core.model || dim <= 0 || core.alive === 0 || core.alive > maxEntities) return none;
  const corpus: SparseVec[] = [];
  for (let idx = 0; idx < core.size; idx++) {
    if (!core.isLive(idx)) continue;
    for (const u of core.unitsOf(idx)) corpus.push(core.tfidf(u));
  }
  const index = new CosineIndex(corpus);
  const extra: SparseVec[] = [];
  const scratch = new Float64Array(corpus.length);
  let duplicates = 0;
  for (const q of queries) {
    if (!q || typeof q !== 'object') continue;
    for (const u of core.analyze(q, false).units) {
      if (u.t.length === 0) continue;
      const v = core.tfidf(u);
      const sims = index.dots(v, scratch);
      let best = 0;
      for (let i = 0; i < sims.length; i++) if ((sims[i] as number) > best) best = sims[i] as number;
      if (best >= DUPLICATE_COSINE) duplicates++;
      else extra.push(v);
    }
  }
  if (extra.length === 0) return { fitted: false, corpusUnits: corpus.length, queryUnits: 0, duplicates };
  const prior =
    core.concepts && core.config.conceptLsa
      ? core.concepts.lsaUnits(core, core.config.conceptLsa * core.concepts.trust)
      : [];
  const model = trainLsa([...corpus, ...extra, ...prior], core.vocab.size, {
    dim,
    seed: core.config.seed,
    sigmaExponent: core.config.sigmaExponent,
  });
  if (!model) return { fitted: false, corpusUnits: corpus.length, queryUnits: 0, duplicates };
  core.model = model;
  core.semF = new Float32Array(0);
  core.semQ = new Int8Array(0);
  core.semScale = new Float32Array(0);
  for (let idx = 0; idx < core.size; idx++) if (core.isLive(idx)) core.embedRecord(idx);
  return { fitted: true, corpusUnits: corpus.length, queryUnits: extra.length, duplicates };
}
