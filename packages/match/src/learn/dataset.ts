/**
 * Turns an outcome log into training lists: per query, the shown entities with their score
 * parts and a graded label from the strongest outcome that followed.
 *
 * @module
 */
import type { OutcomeEvent, OutcomeType } from './events.ts';

/** Grade of each outcome (higher = better match). A shown-only item is 0. */
export type OutcomeGrades = Record<Exclude<OutcomeType, 'shown'>, number>;

/** Default grades: dismissal is an explicit negative, a closed deal the strongest positive. */
export const DEFAULT_GRADES: OutcomeGrades = { dismissed: -1, invited: 1, accepted: 2, deal_closed: 3 };

/**
 * Dismiss reasons that say nothing about match quality (the person was fine, the timing was
 * not): they leave the item at grade 0 instead of making it a negative.
 */
export const NEUTRAL_DISMISS_REASONS: readonly string[] = ['duplicate', 'already_contacted', 'later'];

/** One shown entity with its features and label. */
export interface TrainingItem {
  entityId: string;
  rank: number;
  parts: Record<string, number>;
  grade: number;
}

/** One result list. */
export interface TrainingQuery {
  queryId: string;
  items: TrainingItem[];
}

/** Options of {@link buildTrainingSet}. */
export interface DatasetOptions {
  grades?: Partial<OutcomeGrades>;
  neutralDismissReasons?: readonly string[];
}

/**
 * Groups events by query. Outcomes for an entity that was never shown in that query are
 * ignored (there are no features to learn from); the strongest positive outcome wins, and a
 * dismissal counts only when nothing positive happened.
 */
export function buildTrainingSet(
  events: Iterable<OutcomeEvent>,
  options: DatasetOptions = {},
): TrainingQuery[] {
  const grades = { ...DEFAULT_GRADES, ...options.grades };
  const neutral = new Set(options.neutralDismissReasons ?? NEUTRAL_DISMISS_REASONS);
  const shown = new Map<string, Map<string, TrainingItem>>();
  const best = new Map<string, number>();
  const negative = new Map<string, number>();
  const key = (q: string, e: string) => `${q}\u0000${e}`;

  for (const ev of events) {
    if (ev.type === 'shown') {
      const list = shown.get(ev.queryId) ?? new Map<string, TrainingItem>();
      // A re-shown item keeps its first features: that is what was judged first.
      if (!list.has(ev.entityId))
        list.set(ev.entityId, { entityId: ev.entityId, rank: ev.rank, parts: ev.parts, grade: 0 });
      shown.set(ev.queryId, list);
      continue;
    }
    const k = key(ev.queryId, ev.entityId);
    if (ev.type === 'dismissed') {
      if (!neutral.has(ev.reason)) negative.set(k, Math.min(negative.get(k) ?? 0, grades.dismissed));
      continue;
    }
    best.set(k, Math.max(best.get(k) ?? 0, grades[ev.type]));
  }

  const out: TrainingQuery[] = [];
  for (const [queryId, list] of shown) {
    const items = [...list.values()].sort((a, b) => a.rank - b.rank);
    for (const item of items) {
      const k = key(queryId, item.entityId);
      const pos = best.get(k) ?? 0;
      item.grade = pos > 0 ? pos : (negative.get(k) ?? 0);
    }
    out.push({ queryId, items });
  }
  return out;
}
