/**
 * Learns the fusion weights from logged outcomes.
 *
 * The engine's score is a weighted sum of parts (`explanation.parts`): s = Σ w_k · part_k.
 * We fit w with a pairwise logistic loss (RankNet): for two items of the same list where one
 * had a better outcome than the other, P(better ranked above) = σ(s_better − s_worse). Pairs
 * are weighted by their grade difference; an L2 pull towards the current weights keeps
 * features with little evidence where they were. Full-batch Adam, deterministic.
 *
 * Queries are split by a hash of their id into a training part and a held-back slice; the
 * report compares the current and the learned weights on the held-back slice (nDCG@10 with
 * gains 2^grade − 1, and pairwise accuracy).
 *
 * @module
 */
import type { TrainingQuery } from './dataset.ts';

/** Options of {@link trainFusionWeights}. */
export interface TrainOptions {
  /** Weights in use now, by part name; parts without a weight start at 0. */
  currentWeights: Record<string, number>;
  /** Share of queries held back for evaluation (default 0.2). */
  holdout?: number;
  /** Salt of the train/held-back split (default 0). */
  seed?: number;
  /** Optimisation steps (default 400). */
  epochs?: number;
  /** Adam step size (default 0.05). */
  learningRate?: number;
  /** Strength of the pull towards the current weights (default 1e-3). */
  l2?: number;
  /** Keep every weight ≥ 0 (default true: a part that helps should not count against). */
  nonNegative?: boolean;
  /**
   * Most training pairs used (default 200 000): a large log is subsampled evenly so a run
   * stays within seconds (each step is a pass over the pairs).
   */
  maxPairs?: number;
}

/** Quality of one set of weights on a set of queries. */
export interface EvalFigures {
  /** Mean nDCG@10 over queries with at least one positive outcome. */
  ndcg10: number;
  /** Share of correctly ordered pairs with different grades (ties count half). */
  pairwiseAccuracy: number;
  queries: number;
  pairs: number;
}

/** What {@link trainFusionWeights} found. */
export interface TrainReport {
  features: string[];
  current: Record<string, number>;
  /** Learned weights, scaled to the same total (Σ|w|) as the current ones. */
  learned: Record<string, number>;
  train: { queries: number; pairs: number };
  heldOut: { current: EvalFigures; learned: EvalFigures };
  /** learned − current on the held-back slice. */
  gain: { ndcg10: number; pairwiseAccuracy: number };
}

/** Raised when the log cannot support training (no pairs, no features). */
export class TrainingDataError extends Error {
  constructor(
    readonly code: 'no_features' | 'no_pairs',
    message: string,
  ) {
    super(message);
    this.name = 'TrainingDataError';
  }
}

interface Pair {
  diff: Float64Array;
  weight: number;
}

/** `k` items spread evenly over `list` (deterministic). */
function evenSample<T>(list: readonly T[], k: number): T[] {
  const out: T[] = [];
  const step = list.length / k;
  for (let i = 0; i < k; i++) out.push(list[Math.floor(i * step)]!);
  return out;
}

/** FNV-1a of a string, for a split that does not depend on log order. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function vectorOf(parts: Record<string, number>, features: readonly string[]): Float64Array {
  return Float64Array.from(features, (f) => parts[f] ?? 0);
}

function pairsOf(queries: readonly TrainingQuery[], features: readonly string[]): Pair[] {
  const out: Pair[] = [];
  for (const q of queries) {
    const vecs = q.items.map((it) => vectorOf(it.parts, features));
    for (let i = 0; i < q.items.length; i++)
      for (let j = 0; j < q.items.length; j++) {
        const gi = q.items[i]!.grade;
        const gj = q.items[j]!.grade;
        if (gi <= gj) continue;
        const diff = new Float64Array(features.length);
        for (let k = 0; k < features.length; k++) diff[k] = vecs[i]![k]! - vecs[j]![k]!;
        out.push({ diff, weight: gi - gj });
      }
  }
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Evaluates weights (by feature order) on queries. */
export function evaluateWeights(
  queries: readonly TrainingQuery[],
  features: readonly string[],
  weights: Float64Array,
): EvalFigures {
  let ndcgSum = 0;
  let ndcgQueries = 0;
  let correct = 0;
  let pairs = 0;
  for (const q of queries) {
    const scored = q.items.map((it) => ({ g: it.grade, s: dot(weights, vectorOf(it.parts, features)) }));
    for (let i = 0; i < scored.length; i++)
      for (let j = 0; j < scored.length; j++) {
        if (scored[i]!.g <= scored[j]!.g) continue;
        pairs++;
        const d = scored[i]!.s - scored[j]!.s;
        correct += d > 0 ? 1 : d === 0 ? 0.5 : 0;
      }
    if (!scored.some((x) => x.g > 0)) continue;
    // Ties in score are broken pessimistically (worse grade first) so a constant scorer gains nothing.
    const ranked = [...scored].sort((a, b) => b.s - a.s || a.g - b.g);
    const ideal = [...scored].sort((a, b) => b.g - a.g);
    const dcg = (list: typeof scored) =>
      list.slice(0, 10).reduce((acc, x, i) => acc + (x.g > 0 ? 2 ** x.g - 1 : 0) / Math.log2(i + 2), 0);
    ndcgSum += dcg(ranked) / dcg(ideal);
    ndcgQueries++;
  }
  return {
    ndcg10: ndcgQueries === 0 ? 0 : ndcgSum / ndcgQueries,
    pairwiseAccuracy: pairs === 0 ? 0 : correct / pairs,
    queries: ndcgQueries,
    pairs,
  };
}

/** Splits queries by a hash of their id: about `holdout` of them are held back. */
export function splitQueries(
  queries: readonly TrainingQuery[],
  holdout: number,
  seed = 0,
): { train: TrainingQuery[]; test: TrainingQuery[] } {
  const train: TrainingQuery[] = [];
  const test: TrainingQuery[] = [];
  for (const q of queries)
    ((hash(`${seed}:${q.queryId}`) % 10_000) / 10_000 < holdout ? test : train).push(q);
  return { train, test };
}

/**
 * Fits fusion weights on the training part of the queries and reports the gain on the
 * held-back slice.
 *
 * @example
 * const queries = buildTrainingSet(events);
 * const report = trainFusionWeights(queries, { currentWeights: { lexical: 1, semantic: 0.5 } });
 * console.log(report.learned, report.gain);
 */
export function trainFusionWeights(queries: readonly TrainingQuery[], options: TrainOptions): TrainReport {
  const featureSet = new Set<string>();
  for (const q of queries) for (const it of q.items) for (const k of Object.keys(it.parts)) featureSet.add(k);
  const features = [...featureSet].sort();
  if (features.length === 0)
    throw new TrainingDataError('no_features', 'the log has no shown events with score parts');

  const { train, test } = splitQueries(queries, options.holdout ?? 0.2, options.seed ?? 0);
  const allPairs = pairsOf(train, features);
  const maxPairs = Math.max(1, Math.floor(options.maxPairs ?? 200_000));
  const pairs = allPairs.length <= maxPairs ? allPairs : evenSample(allPairs, maxPairs);
  if (pairs.length === 0)
    throw new TrainingDataError(
      'no_pairs',
      'the log has no list where one shown item had a better outcome than another',
    );

  const current = Float64Array.from(features, (f) => options.currentWeights[f] ?? 0);
  const scale = features.reduce((s, _, k) => s + Math.abs(current[k]!), 0) || features.length;
  const nonNegative = options.nonNegative ?? true;
  const l2 = options.l2 ?? 1e-3;
  const lr = options.learningRate ?? 0.05;
  const epochs = options.epochs ?? 400;

  // Work on weights normalised to Σ|w| = 1 so the step size means the same for any scale.
  const anchor = current.map((w) => w / scale);
  const w = Float64Array.from(anchor);
  const m = new Float64Array(features.length);
  const v = new Float64Array(features.length);
  const grad = new Float64Array(features.length);
  let totalWeight = 0;
  for (const p of pairs) totalWeight += p.weight;
  // The sigmoid needs room: parts are ~[0, 1], so scores of normalised weights differ by
  // small amounts; sharpening lets the loss see those differences.
  const sharp = 10;

  for (let t = 1; t <= epochs; t++) {
    grad.fill(0);
    for (const p of pairs) {
      const z = sharp * dot(w, p.diff);
      // d/dz log(1 + e^(−z)) = −σ(−z)
      const g = (-p.weight * sharp) / (1 + Math.exp(z));
      for (let k = 0; k < grad.length; k++) grad[k]! += g * p.diff[k]!;
    }
    for (let k = 0; k < grad.length; k++) {
      const gk = grad[k]! / totalWeight + 2 * l2 * (w[k]! - anchor[k]!);
      m[k] = 0.9 * m[k]! + 0.1 * gk;
      v[k] = 0.999 * v[k]! + 0.001 * gk * gk;
      const mh = m[k]! / (1 - 0.9 ** t);
      const vh = v[k]! / (1 - 0.999 ** t);
      w[k]! -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
      if (nonNegative && w[k]! < 0) w[k] = 0;
    }
  }

  const norm = w.reduce((s, x) => s + Math.abs(x), 0) || 1;
  const learnedVec = w.map((x) => (x / norm) * scale);
  const currentVec = Float64Array.from(current);
  const toRecord = (vec: Float64Array) => Object.fromEntries(features.map((f, k) => [f, vec[k]!]));
  const before = evaluateWeights(test, features, currentVec);
  const after = evaluateWeights(test, features, learnedVec);
  return {
    features,
    current: toRecord(currentVec),
    learned: toRecord(learnedVec),
    train: { queries: train.length, pairs: allPairs.length },
    heldOut: { current: before, learned: after },
    gain: {
      ndcg10: after.ndcg10 - before.ndcg10,
      pairwiseAccuracy: after.pairwiseAccuracy - before.pairwiseAccuracy,
    },
  };
}
