/**
 * Who has worked with whom: co-authorship of papers, co-applicants on projects, past deals.
 * Undirected; kept as adjacency sets so that a check is O(1).
 *
 * @module
 */

/**
 * An undirected graph of past collaborations between entity ids (people or organisations).
 *
 * @example
 * const graph = new CollaborationGraph([['sci-1', 'sci-2']]);
 * graph.has('sci-2', 'sci-1'); // true
 */
export class CollaborationGraph {
  private readonly adjacency = new Map<string, Set<string>>();
  private edges = 0;

  constructor(pairs: Iterable<readonly [string, string]> = []) {
    for (const [a, b] of pairs) this.add(a, b);
  }

  /** Number of distinct collaborating pairs. */
  get size(): number {
    return this.edges;
  }

  /** Records a collaboration; self-pairs and empty ids are ignored. Returns true when new. */
  add(a: string, b: string): boolean {
    if (!a || !b || a === b) return false;
    const set = this.adjacency.get(a) ?? new Set<string>();
    if (set.has(b)) return false;
    set.add(b);
    this.adjacency.set(a, set);
    const other = this.adjacency.get(b) ?? new Set<string>();
    other.add(a);
    this.adjacency.set(b, other);
    this.edges++;
    return true;
  }

  /** Forgets a collaboration (e.g. a retracted paper). Returns true when it existed. */
  remove(a: string, b: string): boolean {
    const set = this.adjacency.get(a);
    if (!set?.delete(b)) return false;
    this.adjacency.get(b)?.delete(a);
    this.edges--;
    return true;
  }

  /** True when the two ids have collaborated. */
  has(a: string, b: string): boolean {
    return this.adjacency.get(a)?.has(b) ?? false;
  }

  /** Ids that `a` has collaborated with. */
  neighbours(a: string): ReadonlySet<string> {
    return this.adjacency.get(a) ?? EMPTY;
  }

  /** All pairs, each once, for persistence. */
  *pairs(): IterableIterator<[string, string]> {
    for (const [a, set] of this.adjacency) for (const b of set) if (a < b) yield [a, b];
  }
}

const EMPTY: ReadonlySet<string> = new Set();
