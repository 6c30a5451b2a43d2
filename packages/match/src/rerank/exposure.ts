/**
 * A running tally of how much attention each entity has received, so that re-ranking can
 * spread exposure instead of showing the same few scientists to every need.
 *
 * Exposure is position-discounted: rank r (1-based) is worth 1 / log2(r + 1), the same
 * browsing model as nDCG, so being listed 10th counts for less than being listed 1st.
 *
 * @module
 */

/** Attention a list position receives: 1 / log2(rank + 1) for a 1-based rank. */
export function positionWeight(rank: number): number {
  return rank >= 1 ? 1 / Math.log2(rank + 1) : 0;
}

/** Options of {@link ExposureLedger}. */
export interface ExposureLedgerOptions {
  /**
   * Number of recorded lists after which old exposure counts half as much. `Infinity` (the
   * default) never forgets. A finite half-life lets a scientist who was shown a lot last month
   * come back once the others have caught up.
   */
  halfLifeLists?: number;
  /** Only the first `depth` positions of a list count as exposure (default 10). */
  depth?: number;
  /**
   * Number of entities that could be shown (e.g. the index size). Those never shown count as
   * zero exposure in {@link ExposureLedger.percentile}; defaults to the entities seen so far.
   */
  population?: number;
}

/** Serializable state of a ledger (see {@link ExposureLedger.toJSON}). */
export interface ExposureLedgerState {
  halfLifeLists: number | null;
  depth: number;
  population: number | null;
  lists: number;
  exposure: Record<string, number>;
}

/**
 * Per-entity exposure with optional exponential forgetting.
 *
 * Decay is implemented with a growing unit instead of touching every entry: a value recorded
 * at time t is stored multiplied by 2^(t / halfLife), and read back divided by the current
 * unit. Entries are rescaled only when the unit grows large, so `record` stays O(list length).
 *
 * @example
 * const ledger = new ExposureLedger();
 * ledger.record(['a', 'b', 'c']);
 * ledger.exposureOf('a'); // 1
 * ledger.exposureOf('b'); // 1 / log2(3)
 */
export class ExposureLedger {
  readonly halfLifeLists: number;
  readonly depth: number;
  private readonly stored = new Map<string, number>();
  private storedTotal = 0;
  private unit = 1;
  private listsRecorded = 0;
  /** Histogram of stored values on a log scale, for exposure percentiles without sorting. */
  private readonly histogram = new Fenwick(HISTOGRAM_BINS);
  /** Entities (whether exposed or not) the tally is about; see {@link ExposureLedgerOptions.population}. */
  population: number | undefined;

  constructor(options: ExposureLedgerOptions = {}) {
    const half = options.halfLifeLists ?? Infinity;
    if (!(half > 0)) throw new RangeError('halfLifeLists must be > 0');
    this.halfLifeLists = half;
    this.depth = Math.max(1, Math.floor(options.depth ?? 10));
    this.population = options.population;
  }

  /**
   * Share of the population with less exposure than `id` (ties count half), in [0, 1).
   * Entities never shown sit at the bottom. This is what the Gini coefficient responds to:
   * moving attention from a high-percentile entity to a low one lowers it most.
   */
  percentile(id: string): number {
    const n = Math.max(this.population ?? 0, this.stored.size);
    if (n === 0) return 0;
    const zeros = n - this.stored.size;
    const v = this.stored.get(id);
    if (v === undefined) return zeros / 2 / n;
    const bin = binOf(v);
    const below = bin > 0 ? this.histogram.prefix(bin - 1) : 0;
    const same = this.histogram.prefix(bin) - below;
    return (zeros + below + (same - 1) / 2) / n;
  }

  /** Number of lists recorded so far. */
  get lists(): number {
    return this.listsRecorded;
  }

  /** Number of distinct entities that have ever been exposed. */
  get size(): number {
    return this.stored.size;
  }

  /** Current (decayed) exposure of an entity; 0 when never shown. */
  exposureOf(id: string): number {
    return (this.stored.get(id) ?? 0) / this.unit;
  }

  /** Total (decayed) exposure handed out. */
  total(): number {
    return this.storedTotal / this.unit;
  }

  /** Mean exposure over the entities that have been exposed at least once (0 when none). */
  mean(): number {
    return this.stored.size === 0 ? 0 : this.total() / this.stored.size;
  }

  /**
   * Records that `ids` were shown in this order (index 0 = rank 1). Positions past `depth`
   * are ignored. `weight` scales the list (e.g. 0.5 for a list shown in a side panel).
   */
  record(ids: readonly string[], weight = 1): void {
    const n = Math.min(ids.length, this.depth);
    for (let i = 0; i < n; i++) this.add(ids[i]!, positionWeight(i + 1) * weight);
    this.listsRecorded++;
    if (Number.isFinite(this.halfLifeLists)) {
      this.unit *= 2 ** (1 / this.halfLifeLists);
      // Keep stored numbers in a safe range: fold the unit back into the entries now and then.
      if (this.unit > 1e100) this.rescale();
    }
  }

  /** Adds raw exposure to one entity (already position-weighted). */
  add(id: string, amount: number): void {
    if (!(amount > 0)) return;
    const v = amount * this.unit;
    const old = this.stored.get(id);
    if (old !== undefined) this.histogram.add(binOf(old), -1);
    const next = (old ?? 0) + v;
    this.stored.set(id, next);
    this.histogram.add(binOf(next), 1);
    this.storedTotal += v;
  }

  /** Forgets one entity (e.g. when it is removed from the index). */
  delete(id: string): void {
    const v = this.stored.get(id);
    if (v === undefined) return;
    this.stored.delete(id);
    this.histogram.add(binOf(v), -1);
    this.storedTotal = Math.max(0, this.storedTotal - v);
  }

  /** Plain-object state, for persisting the tally across restarts. */
  toJSON(): ExposureLedgerState {
    const exposure: Record<string, number> = {};
    for (const [id, v] of this.stored) exposure[id] = v / this.unit;
    return {
      halfLifeLists: Number.isFinite(this.halfLifeLists) ? this.halfLifeLists : null,
      depth: this.depth,
      population: this.population ?? null,
      lists: this.listsRecorded,
      exposure,
    };
  }

  /** Rebuilds a ledger from {@link ExposureLedger.toJSON} output. */
  static fromJSON(state: ExposureLedgerState): ExposureLedger {
    const ledger = new ExposureLedger({
      halfLifeLists: state.halfLifeLists ?? Infinity,
      depth: state.depth,
      population: state.population ?? undefined,
    });
    for (const [id, v] of Object.entries(state.exposure)) ledger.add(id, v);
    ledger.listsRecorded = state.lists;
    return ledger;
  }

  private rescale(): void {
    this.histogram.clear();
    for (const [id, v] of this.stored) {
      this.stored.set(id, v / this.unit);
      this.histogram.add(binOf(v / this.unit), 1);
    }
    this.storedTotal /= this.unit;
    this.unit = 1;
  }
}

/** Quarter-octave bins of log2(stored value) from 2^-64 up to 2^400 (the unit is rescaled at 1e100). */
const BINS_PER_OCTAVE = 4;
const MIN_OCTAVE = -64;
const HISTOGRAM_BINS = (400 - MIN_OCTAVE) * BINS_PER_OCTAVE;

function binOf(stored: number): number {
  const b = Math.floor((Math.log2(stored) - MIN_OCTAVE) * BINS_PER_OCTAVE);
  return Math.min(HISTOGRAM_BINS - 1, Math.max(0, b));
}

/** Fenwick (binary indexed) tree of counts: O(log n) add and prefix sum. */
class Fenwick {
  private tree: Float64Array;
  constructor(private readonly n: number) {
    this.tree = new Float64Array(n + 1);
  }
  add(i: number, delta: number): void {
    for (let x = i + 1; x <= this.n; x += x & -x) this.tree[x]! += delta;
  }
  /** Sum of counts in bins 0..i. */
  prefix(i: number): number {
    let s = 0;
    for (let x = Math.min(i, this.n - 1) + 1; x > 0; x -= x & -x) s += this.tree[x]!;
    return s;
  }
  clear(): void {
    this.tree.fill(0);
  }
}
