/**
 * A synthetic outcome log with known true weights, to check that training recovers them
 * (tests) and to try the CLI without real traffic.
 *
 * Each query shows `listLength` candidates ranked by the *current* weights (as production
 * would, so the log carries the usual presentation bias); a hidden utility u = w_true · parts
 * plus logistic noise decides what happens: the best few get invited, some of those accept and
 * close a deal, clearly poor ones get dismissed.
 *
 * @module
 */
import type { OutcomeEvent } from './events.ts';

/** Options of {@link generateSyntheticOutcomes}. */
export interface SyntheticOutcomeOptions {
  trueWeights: Record<string, number>;
  currentWeights: Record<string, number>;
  queries?: number;
  /** Candidates scored per query (default 30). */
  candidates?: number;
  /** Shown per query (default 10). */
  listLength?: number;
  /** Scale of the logistic noise on utility (default 0.05). */
  noise?: number;
  seed?: number;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates events for `queries` lists.
 *
 * @example
 * const events = generateSyntheticOutcomes({
 *   trueWeights: { lexical: 0.2, semantic: 0.6, region: 0.2 },
 *   currentWeights: { lexical: 1, semantic: 1, region: 1 },
 * });
 */
export function generateSyntheticOutcomes(options: SyntheticOutcomeOptions): OutcomeEvent[] {
  const rand = rng(options.seed ?? 1);
  const features = Object.keys(options.trueWeights).sort();
  const queries = options.queries ?? 600;
  const candidates = options.candidates ?? 30;
  const listLength = options.listLength ?? 10;
  const noise = options.noise ?? 0.05;
  const at = new Date(Date.UTC(2026, 0, 1)).getTime();
  const events: OutcomeEvent[] = [];
  const score = (w: Record<string, number>, parts: Record<string, number>) =>
    features.reduce((s, f) => s + (w[f] ?? 0) * parts[f]!, 0);

  for (let q = 0; q < queries; q++) {
    const queryId = `q${q}`;
    const time = new Date(at + q * 60_000).toISOString();
    const pool = Array.from({ length: candidates }, (_, c) => {
      const parts: Record<string, number> = {};
      for (const f of features) parts[f] = Math.round(rand() ** 1.5 * 1e4) / 1e4;
      const u = rand();
      const logistic = Math.log(u / (1 - u));
      return { entityId: `e${q}-${c}`, parts, utility: score(options.trueWeights, parts) + noise * logistic };
    });
    const shown = pool
      .sort((a, b) => score(options.currentWeights, b.parts) - score(options.currentWeights, a.parts))
      .slice(0, listLength);
    shown.forEach((c, i) =>
      events.push({ type: 'shown', queryId, entityId: c.entityId, at: time, rank: i + 1, parts: c.parts }),
    );
    const byUtility = [...shown].sort((a, b) => b.utility - a.utility);
    byUtility.forEach((c, i) => {
      const base = { queryId, entityId: c.entityId, at: time };
      if (i < 3) {
        events.push({ type: 'invited', ...base });
        if (i < 2) events.push({ type: 'accepted', ...base });
        if (i === 0) events.push({ type: 'deal_closed', ...base });
      } else if (i >= listLength - 3) {
        events.push({ type: 'dismissed', ...base, reason: 'not_relevant' });
      }
    });
  }
  return events;
}
