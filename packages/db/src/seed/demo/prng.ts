/**
 * A small seeded pseudo-random generator for the demo data: mulberry32 (32-bit state, fast, good
 * enough for picking names and numbers). Not for anything security-related. The same seed always gives
 * the same sequence on every platform because it only uses 32-bit integer arithmetic.
 * @module
 */

/** Turns any string or number seed into a 32-bit starting state (FNV-1a over the text form). */
export function seedState(seed: string | number): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Seeded random source with the helpers the generators need.
 * @example const rng = new Rng('demo'); rng.int(1, 6) // same value for the same seed, every run
 */
export class Rng {
  private state: number;

  constructor(seed: string | number) {
    this.state = seedState(seed);
  }

  /** Next float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('Rng.pick: empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** One element, chosen with the given (non-negative) weights. */
  weighted<T>(list: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < list.length; i += 1) {
      r -= weights[i] ?? 0;
      if (r < 0) return list[i]!;
    }
    return list[list.length - 1]!;
  }

  /** `count` distinct elements (fewer when the list is shorter), in random order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const copy = [...list];
    const n = Math.min(count, copy.length);
    // Partial Fisher–Yates: only the first n positions need shuffling.
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** A child generator with its own stream, so adding draws in one part does not shift another. */
  fork(label: string): Rng {
    return new Rng(`${this.state}:${label}`);
  }
}
