/**
 * Capacity- and exposure-aware re-ranking.
 *
 * Pure relevance ranking shows the same prominent scientists to almost every need, while the
 * many ordinary scientists who are nearly as relevant are never seen. This re-ranker trades a
 * bounded amount of relevance for exposure equality:
 *
 *   adjusted = relevance × capacityFactor − strength × exposurePercentile
 *
 * - `relevance` is the hit's score relative to the list's top (see `relevanceScale`), so a
 *   difference of 0.1 costs about the same share of nDCG in every list;
 * - `exposurePercentile` is the share of the population less exposed than the entity in the
 *   running {@link ExposureLedger} (position-discounted). The Gini coefficient is rank-based:
 *   its gradient with respect to one entity's exposure is linear in that entity's rank, so
 *   penalising the percentile (not the raw count) spends the relevance budget where it buys
 *   the most equality; sorting by the adjusted score then maximises
 *   Σ position weight × adjusted score for the list (rearrangement inequality);
 * - `capacityFactor` demotes nearly-full entities; entities with no open capacity go after
 *   every open one (or are dropped) and are flagged as not recommended.
 *
 * `strength` = 0 is pure relevance. The default is tuned on the simulated stream
 * (`npm run bench:exposure`) to cut the exposure Gini by ≥ 30 % at ≤ 3 % nDCG@10.
 *
 * @module
 */
import { capacityFactor, type Capacity, type CapacityPolicy, type CapacityVerdict } from './capacity.ts';
import { positionWeight, type ExposureLedger } from './exposure.ts';

/** Default exposure strength, tuned by `npm run bench:exposure` (Gini −30.5 %, nDCG@10 −2.9 % there). */
export const DEFAULT_EXPOSURE_STRENGTH = 0.51;

/** Options of {@link rerankHits}. */
export interface RerankOptions<H> {
  /** Exposure tally; without it only capacity is applied. */
  ledger?: ExposureLedger;
  /**
   * Exposure strength: the relevance (in units of the list's top, see `relevance`) that the
   * most exposed entity gives up against one never shown (0 = pure relevance; default
   * {@link DEFAULT_EXPOSURE_STRENGTH}).
   */
  strength?: number;
  /** Capacity of the entity behind a hit (e.g. `(h) => engine.get(h.id)?.capacity`). */
  capacityOf?: (hit: H) => Capacity | undefined;
  capacityPolicy?: CapacityPolicy;
  /** Drop entities with no open capacity instead of moving them to the end (default false). */
  dropFull?: boolean;
  /** Positions that make up the visible list, for relevance scaling (default the ledger's depth, 10). */
  depth?: number;
  /** Id of the entity behind a hit (default `hit.id`). */
  idOf?: (hit: H) => string;
  /** Score of a hit (default `hit.score`). */
  scoreOf?: (hit: H) => number;
}

/** One re-ranked hit with the factors that moved it (for explanations and audit). */
export interface RerankedHit<H> {
  hit: H;
  /** Adjusted score used for the new order. */
  score: number;
  /** Relevance relative to the list's top (1 ≈ the position-weighted mean of the top `depth`). */
  relevance: number;
  capacity: CapacityVerdict;
  /** Share of the population less exposed than this entity before this list, in [0, 1). */
  exposurePercentile: number;
  /** Exposure the entity had before this list. */
  exposure: number;
  /** False for entities with no open capacity (kept only at the end of the list). */
  recommended: boolean;
  /** 1-based rank before re-ranking. */
  originalRank: number;
}

interface Scored {
  id: string;
  raw: number;
}

/**
 * Re-orders hits by capacity and exposure. Does not record exposure: call
 * `ledger.record(ids)` with what was actually shown, so that lists built but never
 * displayed do not count.
 *
 * @example
 * const ledger = new ExposureLedger();
 * const reranked = rerankHits(hits, { ledger, capacityOf: (h) => engine.get(h.id)?.capacity });
 * ledger.record(reranked.slice(0, 10).map((r) => r.hit.id));
 */
export function rerankHits<H extends { id: string; score: number }>(
  hits: readonly H[],
  options: RerankOptions<H> = {},
): RerankedHit<H>[] {
  const strength = Math.max(0, options.strength ?? DEFAULT_EXPOSURE_STRENGTH);
  const idOf = options.idOf ?? ((h: H) => h.id);
  const scoreOf = options.scoreOf ?? ((h: H) => h.score);
  const ledger = options.ledger;

  const base: Scored[] = hits.map((h) => {
    const raw = scoreOf(h);
    return { id: idOf(h), raw: Number.isFinite(raw) ? raw : 0 };
  });
  const { normalise } = relevanceScale(base, options.depth ?? ledger?.depth ?? 10);

  const open: RerankedHit<H>[] = [];
  const full: RerankedHit<H>[] = [];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    const b = base[i]!;
    const capacity = capacityFactor(options.capacityOf?.(hit), options.capacityPolicy);
    if (capacity.status === 'full' && options.dropFull) continue;
    const relevance = normalise(b.raw);
    const exposure = ledger ? ledger.exposureOf(b.id) : 0;
    const exposurePercentile = ledger ? ledger.percentile(b.id) : 0;
    const recommended = capacity.status !== 'full';
    const item = {
      hit,
      score: relevance * capacity.factor,
      relevance,
      capacity,
      exposurePercentile,
      exposure,
      recommended,
      originalRank: i + 1,
    };
    (recommended ? open : full).push(item);
  }
  const byScore = (a: RerankedHit<H>, b: RerankedHit<H>) =>
    b.score - a.score || a.originalRank - b.originalRank;
  open.sort(byScore);
  full.sort(byScore);
  if (strength > 0 && ledger) {
    // Score minus a penalty on the entity's exposure percentile. Moving attention from an
    // entity at percentile p to one at q lowers the Gini coefficient in proportion to p − q
    // (Gini is rank-based), so trading relevance against percentile — not raw exposure —
    // spends the relevance budget where it buys the most equality. Sorting by this adjusted
    // score maximises Σ position-weight × adjusted score over the list.
    for (const item of open) item.score -= strength * item.exposurePercentile;
    open.sort(byScore);
  }
  // Full entities stay in the list (the caller may want to show them greyed out) but after
  // everyone who can take the work, scored below every open one.
  const floor = open.length > 0 ? Math.min(0, open[open.length - 1]!.score) : 0;
  full.forEach((f, i) => (f.score = floor - 1 - i * 1e-6));
  return [...open, ...full];
}

/**
 * Maps raw scores to relevance in the units of the list's DCG: divided by the position-weighted
 * mean of the best `depth` scores (min–max first when any score is negative). A relevance
 * difference then costs the same share of nDCG in every list, whether its top is flat or steep,
 * so one strength means the same trade-off for every query.
 */
function relevanceScale(items: readonly Scored[], depth: number): { normalise: (raw: number) => number } {
  let max = -Infinity;
  let min = Infinity;
  for (const s of items) {
    if (s.raw > max) max = s.raw;
    if (s.raw < min) min = s.raw;
  }
  if (items.length === 0 || max === min) return { normalise: () => 1 };
  const shift = min < 0 ? -min : 0;
  const top = items
    .map((s) => s.raw + shift)
    .sort((a, b) => b - a)
    .slice(0, depth);
  let weighted = 0;
  let weights = 0;
  top.forEach((v, i) => {
    weighted += v * positionWeight(i + 1);
    weights += positionWeight(i + 1);
  });
  const reference = weighted / weights;
  return { normalise: (raw) => (reference > 0 ? (raw + shift) / reference : 1) };
}
