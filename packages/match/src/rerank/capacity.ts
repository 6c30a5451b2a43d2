/**
 * How a scientist's open capacity changes their place in a list: someone who cannot take on
 * more work should not be recommended, and someone nearly full should yield to equals who can.
 *
 * @module
 */

/** Open and total capacity, as on `MatchEntity.capacity`. */
export interface Capacity {
  open: number;
  total: number;
}

/** Options of {@link capacityFactor}. */
export interface CapacityPolicy {
  /** Share of total capacity at or below which an entity counts as nearly full (default 0.25). */
  nearFullShare?: number;
  /** Multiplier applied to a nearly-full entity's relevance when it has a single slot left or at the threshold (default 0.8). */
  nearFullFactor?: number;
}

/** Outcome of the capacity check for one entity. */
export interface CapacityVerdict {
  /** Multiplier on relevance: 1 = untouched, 0 = no capacity. */
  factor: number;
  status: 'unknown' | 'open' | 'near_full' | 'full';
}

/**
 * Capacity multiplier: 0 when nothing is open, a linear ramp from `nearFullFactor` (one slot
 * left, or at the threshold share) up to 1 at the threshold, and 1 otherwise or when unknown.
 *
 * @example
 * capacityFactor({ open: 0, total: 5 }).status; // 'full'
 * capacityFactor({ open: 1, total: 10 }).factor; // 0.8
 */
export function capacityFactor(capacity: Capacity | undefined, policy: CapacityPolicy = {}): CapacityVerdict {
  if (!capacity || !Number.isFinite(capacity.open)) return { factor: 1, status: 'unknown' };
  if (capacity.open <= 0) return { factor: 0, status: 'full' };
  const share = policy.nearFullShare ?? 0.25;
  const low = policy.nearFullFactor ?? 0.8;
  const total = Number.isFinite(capacity.total) && capacity.total > 0 ? capacity.total : capacity.open;
  const openShare = Math.min(1, capacity.open / total);
  // One slot left out of several is "nearly full" whatever the share threshold says.
  if (capacity.open <= 1 && total > 1) return { factor: low, status: 'near_full' };
  if (openShare > share) return { factor: 1, status: 'open' };
  // Ramp: at share 0 → low, at the threshold → 1 (never below `low` because open ≥ 1 here).
  const t = openShare / share;
  return { factor: low + (1 - low) * t, status: 'near_full' };
}
