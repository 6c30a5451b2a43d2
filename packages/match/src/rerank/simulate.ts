/**
 * A deterministic simulation of the need → scientist stream, used to measure what
 * exposure-aware re-ranking costs and buys (`npm run bench:exposure`).
 *
 * The pool: scientists live in a latent topic space (disciplines). Fields are unequal in size
 * and in demand (Zipf), each scientist has a main topic and up to two side topics, and a
 * prominence (log-normal: a few very visible scientists, many ordinary ones) that scales how
 * well their profile matches any need — the rich-get-richer effect of text matching on
 * prolific profiles. A need has one or two topics; the relevance of a scientist to a need is
 * the cosine of their topic vectors times prominence, with a small pair-specific part
 * (fit to the particular problem). Retrieval returns the best `candidates`; the list shows
 * `listLength`.
 *
 * Both arms see the same stream and the same candidates: pure relevance, and relevance
 * re-ranked by {@link rerankHits} with a running {@link ExposureLedger}. Reported: the Gini
 * coefficient of position-discounted exposure over the whole pool, and the mean nDCG@k of
 * each arm against the pure-relevance ideal (gains = true relevance), so pure relevance
 * scores 1 by construction.
 *
 * @module
 */
import { ExposureLedger, positionWeight } from './exposure.ts';
import { gini, ndcgAt } from './metrics.ts';
import { DEFAULT_EXPOSURE_STRENGTH, rerankHits } from './rerank.ts';

/** Parameters of the simulation (all have defaults). */
export interface SimulationOptions {
  experts?: number;
  topics?: number;
  needs?: number;
  /** Candidates retrieved per need before re-ranking. */
  candidates?: number;
  /** Positions shown per need (exposure and nDCG cut-off). */
  listLength?: number;
  seed?: number;
  /** Re-ranking strength (default {@link DEFAULT_EXPOSURE_STRENGTH}). */
  strength?: number;
  /** Ledger half-life in lists (default: never forget). */
  halfLifeLists?: number;
  /** σ of log prominence (default 0.35). */
  prominenceSigma?: number;
  /** Fine topics per field (default 12). */
  subtopics?: number;
  /** σ of the log weights of a profile's fine topics: larger = more specialised (default 1.5). */
  subtopicSigma?: number;
  /** Share of scientists with no open capacity (default 0: capacity plays no part). */
  fullShare?: number;
  /** Share of scientists with one slot left out of five (default 0). */
  nearFullShare?: number;
}

/** Figures of one arm of the simulation. */
export interface ArmResult {
  gini: number;
  /** Mean nDCG@listLength against the pure-relevance ideal. */
  ndcg: number;
  /** Share of the pool that was shown at least once. */
  coverage: number;
  /** Largest share of all exposure received by a single scientist. */
  maxShare: number;
  /** Share of all exposure given to scientists with no open capacity. */
  fullExposureShare: number;
  /** Share of all exposure given to nearly-full scientists. */
  nearFullExposureShare: number;
}

/** Result of {@link simulateExposure}. */
export interface SimulationResult {
  options: Required<Omit<SimulationOptions, 'halfLifeLists'>> & { halfLifeLists: number };
  pure: ArmResult;
  reranked: ArmResult;
  /** Relative change of the Gini coefficient (negative = fairer). */
  giniChange: number;
  /** Relative change of nDCG (negative = worse). */
  ndcgChange: number;
}

/** Small, fast, seedable PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Samples an index from cumulative weights. */
function sampleCdf(cdf: Float64Array, rand: () => number): number {
  const x = rand() * cdf[cdf.length - 1]!;
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function zipfCdf(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += 1 / (i + 1) ** s;
    cdf[i] = acc;
  }
  return cdf;
}

/** A sparse unit topic vector. */
interface TopicVec {
  topics: number[];
  weights: number[];
}

function unit(v: TopicVec): TopicVec {
  const norm = Math.hypot(...v.weights) || 1;
  return { topics: v.topics, weights: v.weights.map((w) => w / norm) };
}

function addTopic(v: TopicVec, t: number, w: number): void {
  const at = v.topics.indexOf(t);
  if (at >= 0) v.weights[at]! += w;
  else {
    v.topics.push(t);
    v.weights.push(w);
  }
}

function cosine(a: TopicVec, b: TopicVec): number {
  let s = 0;
  for (let i = 0; i < a.topics.length; i++) {
    const j = b.topics.indexOf(a.topics[i]!);
    if (j >= 0) s += a.weights[i]! * b.weights[j]!;
  }
  return s;
}

interface Pool {
  vectors: TopicVec[];
  prominence: Float64Array;
  capacity: ({ open: number; total: number } | undefined)[];
  byTopic: number[][];
}

/** A profile spread over the fine topics of one field: a few dominant sub-topics, log-normal weights. */
function addField(
  v: TopicVec,
  field: number,
  o: Required<SimulationOptions>,
  rand: () => number,
  scale: number,
): void {
  for (let s = 0; s < o.subtopics; s++) {
    const w = Math.exp(o.subtopicSigma * normal(rand));
    addTopic(v, field * o.subtopics + s, w * scale);
  }
}

function buildPool(o: Required<SimulationOptions>, rand: () => number): Pool {
  // Fields differ in size: more scientists work in big fields (flatter Zipf than demand).
  const supply = zipfCdf(o.topics, 0.6);
  const vectors: TopicVec[] = [];
  const prominence = new Float64Array(o.experts);
  const byTopic: number[][] = Array.from({ length: o.topics }, () => []);
  for (let e = 0; e < o.experts; e++) {
    const v: TopicVec = { topics: [], weights: [] };
    const main = sampleCdf(supply, rand);
    addField(v, main, o, rand, 1);
    byTopic[main]!.push(e);
    // Some scientists also work in a second field (interdisciplinary profiles).
    if (rand() < 0.3) {
      const side = sampleCdf(supply, rand);
      if (side !== main) {
        addField(v, side, o, rand, 0.3 + 0.4 * rand());
        byTopic[side]!.push(e);
      }
    }
    vectors.push(unit(v));
    prominence[e] = Math.exp(o.prominenceSigma * normal(rand));
  }
  // Capacity comes from its own generator so that turning it on leaves the pool unchanged.
  const capRand = mulberry32(o.seed ^ 0x5bd1e995);
  const capacity = Array.from({ length: o.experts }, () => {
    if (o.fullShare + o.nearFullShare <= 0) return undefined;
    const u = capRand();
    if (u < o.fullShare) return { open: 0, total: 5 };
    if (u < o.fullShare + o.nearFullShare) return { open: 1, total: 5 };
    return { open: 3, total: 5 };
  });
  return { vectors, prominence, byTopic, capacity };
}

/**
 * Runs the stream through both arms and returns the figures.
 *
 * @example
 * const r = simulateExposure({ needs: 2000 });
 * console.log(r.pure.gini, r.reranked.gini, r.reranked.ndcg);
 */
export function simulateExposure(options: SimulationOptions = {}): SimulationResult {
  const o: Required<SimulationOptions> = {
    experts: options.experts ?? 2000,
    topics: options.topics ?? 40,
    needs: options.needs ?? 10_000,
    candidates: options.candidates ?? 100,
    listLength: options.listLength ?? 10,
    seed: options.seed ?? 20240611,
    strength: options.strength ?? DEFAULT_EXPOSURE_STRENGTH,
    halfLifeLists: options.halfLifeLists ?? Infinity,
    prominenceSigma: options.prominenceSigma ?? 0.35,
    subtopics: options.subtopics ?? 12,
    subtopicSigma: options.subtopicSigma ?? 1.5,
    fullShare: options.fullShare ?? 0,
    nearFullShare: options.nearFullShare ?? 0,
  };
  const rand = mulberry32(o.seed);
  const pool = buildPool(o, rand);
  const demand = zipfCdf(o.topics, 1);
  const ledger = new ExposureLedger({
    halfLifeLists: o.halfLifeLists,
    depth: o.listLength,
    population: o.experts,
  });
  const pureExposure = new Float64Array(o.experts);
  const rerankedExposure = new Float64Array(o.experts);
  let pureNdcg = 0;
  let rerankedNdcg = 0;
  const seen = new Uint8Array(o.experts);

  for (let q = 0; q < o.needs; q++) {
    const need: TopicVec = { topics: [], weights: [] };
    const fields = [sampleCdf(demand, rand)];
    addField(need, fields[0]!, o, rand, 1);
    if (rand() < 0.3) {
      const second = sampleCdf(demand, rand);
      if (second !== fields[0]) {
        fields.push(second);
        addField(need, second, o, rand, 0.5);
      }
    }
    const nv = unit(need);

    // Retrieval: every scientist working in one of the need's fields, scored by true relevance.
    const hits: { id: string; score: number; e: number }[] = [];
    for (const t of fields) {
      for (const e of pool.byTopic[t]!) {
        if (seen[e] === (q % 255) + 1) continue;
        seen[e] = (q % 255) + 1;
        const fit = Math.exp(0.1 * normal(rand));
        const score = Math.max(0, cosine(nv, pool.vectors[e]!) * pool.prominence[e]! * fit);
        hits.push({ id: String(e), score, e });
      }
    }
    for (const h of hits) seen[h.e] = 0;
    hits.sort((a, b) => b.score - a.score || a.e - b.e);
    const candidates = hits.slice(0, o.candidates);
    if (candidates.length === 0) continue;

    const ideal = candidates.map((h) => h.score);
    const pure = candidates.slice(0, o.listLength);
    const reranked = rerankHits(candidates, {
      ledger,
      strength: o.strength,
      capacityOf: (h) => pool.capacity[h.e],
      // Not-recommended scientists are not shown at all in the simulated lists.
      dropFull: true,
    })
      .slice(0, o.listLength)
      .map((r) => r.hit);

    pureNdcg += ndcgAt(
      pure.map((h) => h.score),
      ideal,
      o.listLength,
    );
    rerankedNdcg += ndcgAt(
      reranked.map((h) => h.score),
      ideal,
      o.listLength,
    );
    pure.forEach((h, i) => (pureExposure[h.e]! += positionWeight(i + 1)));
    reranked.forEach((h, i) => (rerankedExposure[h.e]! += positionWeight(i + 1)));
    ledger.record(reranked.map((h) => h.id));
  }

  const arm = (exposure: Float64Array, ndcgSum: number): ArmResult => {
    let total = 0;
    let max = 0;
    let shown = 0;
    let full = 0;
    let nearFull = 0;
    exposure.forEach((v, e) => {
      total += v;
      if (v > max) max = v;
      if (v > 0) shown++;
      const c = pool.capacity[e];
      if (c?.open === 0) full += v;
      else if (c?.open === 1) nearFull += v;
    });
    return {
      gini: gini(exposure),
      ndcg: ndcgSum / o.needs,
      coverage: shown / o.experts,
      maxShare: total === 0 ? 0 : max / total,
      fullExposureShare: total === 0 ? 0 : full / total,
      nearFullExposureShare: total === 0 ? 0 : nearFull / total,
    };
  };
  const pureArm = arm(pureExposure, pureNdcg);
  const rerankedArm = arm(rerankedExposure, rerankedNdcg);
  return {
    options: o,
    pure: pureArm,
    reranked: rerankedArm,
    giniChange: pureArm.gini === 0 ? 0 : (rerankedArm.gini - pureArm.gini) / pureArm.gini,
    ndcgChange: pureArm.ndcg === 0 ? 0 : (rerankedArm.ndcg - pureArm.ndcg) / pureArm.ndcg,
  };
}
