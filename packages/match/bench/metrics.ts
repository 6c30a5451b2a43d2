/**
 * Ranking metrics for the quality benchmark, defined once and unit-tested (metrics.test.ts).
 *
 * A run is, per query, the returned docs in rank order with their scores. Conventions:
 * - a query that is judged but missing from the run scores 0 on ranked metrics;
 * - `judged_only` tasks look only at the order of judged docs: the list is filtered to them;
 * - `exclude_self` drops the query's own id from the list before scoring;
 * - nDCG uses exponential gains (2^grade − 1) with a log2(rank + 1) discount, the ideal list built
 *   from every judged grade (the trec_eval / Järvelin–Kekäläinen form; it is the one that reproduces
 *   the bench README's reference numbers — linear gains give 0.419 / 0.443 instead of 0.365 / 0.393);
 * - the pairwise loss follows Stelmakh et al. 2023 (the gold-standard reviewer dataset):
 *   over every query and every pair of judged docs with different grades, a wrongly ordered pair
 *   costs |grade difference|, a tie in score costs half of it, normalised by the sum of all
 *   |grade differences|. A constant scorer therefore gets exactly 0.5. Judged docs absent from
 *   the run count as scored below everything returned (and tied among themselves).
 * - easy_acc / hard_acc follow the same paper: pairs with different grades where one grade is
 *   ≥ 4 and the other ≤ 2 (easy), or both ≥ 4 (hard); a pair counts as correct only when strictly
 *   ordered the right way.
 */
import type { Qrels } from './lib/data.ts';

/** One returned doc. */
export interface RankedDoc {
  docId: string;
  score: number;
}

/** query id → docs in rank order. */
export type Run = Map<string, RankedDoc[]>;

/** How a task's list must be prepared before scoring. */
export interface EvalOptions {
  judgedOnly: boolean;
  excludeSelf: boolean;
}

/** Reciprocal rank of the first relevant doc within the first k (0 if none). */
export function mrrAt(list: readonly RankedDoc[], rel: ReadonlyMap<string, number>, k: number): number {
  const n = Math.min(k, list.length);
  for (let i = 0; i < n; i++) if ((rel.get(list[i]!.docId) ?? 0) > 0) return 1 / (i + 1);
  return 0;
}

/** Share of the relevant docs found within the first k (0 when there are none). */
export function recallAt(list: readonly RankedDoc[], rel: ReadonlyMap<string, number>, k: number): number {
  let total = 0;
  for (const g of rel.values()) if (g > 0) total++;
  if (total === 0) return 0;
  let hit = 0;
  const n = Math.min(k, list.length);
  for (let i = 0; i < n; i++) if ((rel.get(list[i]!.docId) ?? 0) > 0) hit++;
  return hit / total;
}

/** 1 when any of the first k docs is relevant (acc@1 is hitAt(…, 1)). */
export function hitAt(list: readonly RankedDoc[], rel: ReadonlyMap<string, number>, k: number): number {
  return mrrAt(list, rel, k) > 0 ? 1 : 0;
}

/** Gain of a grade in nDCG: 2^grade − 1 (0 for unjudged or non-relevant). */
export function gain(grade: number): number {
  return grade > 0 ? 2 ** grade - 1 : 0;
}

/** nDCG@k with exponential gains and log2(rank+1) discounts; the ideal uses every judged grade. */
export function ndcgAt(list: readonly RankedDoc[], rel: ReadonlyMap<string, number>, k: number): number {
  let dcg = 0;
  const n = Math.min(k, list.length);
  for (let i = 0; i < n; i++) {
    const g = rel.get(list[i]!.docId) ?? 0;
    if (g > 0) dcg += gain(g) / Math.log2(i + 2);
  }
  const ideal = [...rel.values()].filter((g) => g > 0).sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, ideal.length); i++) idcg += gain(ideal[i]!) / Math.log2(i + 2);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** Scores of the judged docs of one query, with absent docs at -Infinity. */
function judgedScores(list: readonly RankedDoc[], rel: ReadonlyMap<string, number>): Map<string, number> {
  const s = new Map<string, number>();
  for (const d of list) if (rel.has(d.docId) && !s.has(d.docId)) s.set(d.docId, d.score);
  for (const id of rel.keys()) if (!s.has(id)) s.set(id, Number.NEGATIVE_INFINITY);
  return s;
}

/** Weighted pairwise loss (see the module comment); returns loss and its normaliser. */
export function pairwiseLossParts(
  list: readonly RankedDoc[],
  rel: ReadonlyMap<string, number>,
): { loss: number; max: number } {
  const scores = judgedScores(list, rel);
  const ids = [...rel.keys()];
  let loss = 0;
  let max = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const gi = rel.get(ids[i]!)!;
      const gj = rel.get(ids[j]!)!;
      const trueDiff = gi - gj;
      if (trueDiff === 0) continue;
      const si = scores.get(ids[i]!)!;
      const sj = scores.get(ids[j]!)!;
      const w = Math.abs(trueDiff);
      max += w;
      if (si === sj) loss += w / 2;
      else if (si - sj > 0 !== trueDiff > 0) loss += w;
    }
  }
  return { loss, max };
}

/** Correct / total pairs in the easy or hard regime (see the module comment). */
export function resolutionParts(
  list: readonly RankedDoc[],
  rel: ReadonlyMap<string, number>,
  regime: 'easy' | 'hard',
): { correct: number; total: number } {
  const scores = judgedScores(list, rel);
  const ids = [...rel.keys()];
  let correct = 0;
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const gi = rel.get(ids[i]!)!;
      const gj = rel.get(ids[j]!)!;
      if (gi === gj) continue;
      const lo = Math.min(gi, gj);
      const hi = Math.max(gi, gj);
      if (regime === 'hard' && lo < 4) continue;
      if (regime === 'easy' && (hi < 4 || lo > 2)) continue;
      total++;
      const si = scores.get(ids[i]!)!;
      const sj = scores.get(ids[j]!)!;
      if (si !== sj && si - sj > 0 === gi - gj > 0) correct++;
    }
  }
  return { correct, total };
}

/** Applies `exclude_self` and `judged_only` to one query's list. */
export function prepareList(
  qid: string,
  list: readonly RankedDoc[],
  rel: ReadonlyMap<string, number>,
  opts: EvalOptions,
): RankedDoc[] {
  return list.filter((d) => (!opts.excludeSelf || d.docId !== qid) && (!opts.judgedOnly || rel.has(d.docId)));
}

type RankedMetric = (list: readonly RankedDoc[], rel: ReadonlyMap<string, number>, k: number) => number;

/** Ranked metrics by name; `acc@1` is the hit rate at 1. */
const RANKED_METRICS: Record<string, RankedMetric | undefined> = {
  acc: hitAt,
  hit: hitAt,
  success: hitAt,
  mrr: mrrAt,
  recall: recallAt,
  ndcg: ndcgAt,
};

/** Splits `name@k` (`ndcg@10`) into its name and cut-off. */
export function parseMetric(metric: string): { name: string; k: number } {
  const [name, k] = metric.toLowerCase().split('@');
  return { name: name ?? '', k: k === undefined ? Number.POSITIVE_INFINITY : Number(k) };
}

/**
 * Computes each named metric over the queries that have at least one judgment.
 * Ranked metrics are means over those queries; pairwise metrics are pooled over all pairs.
 */
export function evaluate(
  run: Run,
  qrels: Qrels,
  metrics: readonly string[],
  opts: EvalOptions,
): Record<string, number> {
  const out: Record<string, number> = {};
  const qids = [...qrels.keys()].filter((q) => qrels.get(q)!.size > 0).sort();
  const lists = new Map(qids.map((q) => [q, prepareList(q, run.get(q) ?? [], qrels.get(q)!, opts)]));
  for (const metric of metrics) {
    const { name, k } = parseMetric(metric);
    if (name === 'pairwise_loss') {
      let loss = 0;
      let max = 0;
      for (const q of qids) {
        const p = pairwiseLossParts(lists.get(q)!, qrels.get(q)!);
        loss += p.loss;
        max += p.max;
      }
      out[metric] = max === 0 ? Number.NaN : loss / max;
      continue;
    }
    if (name === 'easy_acc' || name === 'hard_acc') {
      let correct = 0;
      let total = 0;
      for (const q of qids) {
        const p = resolutionParts(lists.get(q)!, qrels.get(q)!, name === 'easy_acc' ? 'easy' : 'hard');
        correct += p.correct;
        total += p.total;
      }
      out[metric] = total === 0 ? Number.NaN : correct / total;
      continue;
    }
    const fn = RANKED_METRICS[name];
    if (!fn) throw new Error(`unknown metric "${metric}"`);
    let sum = 0;
    for (const q of qids) sum += fn(lists.get(q)!, qrels.get(q)!, k);
    out[metric] = qids.length === 0 ? Number.NaN : sum / qids.length;
  }
  return out;
}
