/**
 * Entities by metadata code, for selective hard filters on large corpora.
 *
 * For every region, discipline code and industry code an ascending list of the entity slots that
 * carry it (tombstoned slots included: the filter's `live` test drops them). A query whose hard
 * filter names a few regions or codes gets its admissible entities as one ascending list
 * (`admissibleList`: the lists of the matching codes, merged, then the compiled filter), so the
 * candidate step need not test the filter on every entity a common term's postings visit, and
 * can look the admissible entities up in a long posting list instead of walking all of it.
 *
 * The lists follow the index without hooks in `upsert`: a new entity always takes the next slot,
 * so the lists are extended with the slots added since the last query; a compaction (which
 * renumbers slots, `IndexCore.layoutVersion`) makes them be rebuilt at the next query.
 *
 * @module
 */
import type { IndexCore } from '../engine/core.ts';
import { regionPrefix } from '../engine/structured.ts';
import type { MatchFilter } from '../types.ts';

/**
 * A filter is "selective" when its matching codes list at most this share of the corpus; a
 * wider filter (a whole large city) keeps the plain postings walk, where the filter is tested
 * once per visited entity and common terms are skipped early anyway.
 */
export const SELECTIVE_SHARE = 0.1;

/** Growable ascending slot lists, one per dictionary id. */
class SlotLists {
  arr: Int32Array[] = [];
  len: number[] = [];

  add(key: number, idx: number): void {
    let a = this.arr[key];
    const n = this.len[key] ?? 0;
    if (!a || n === a.length) {
      const b = new Int32Array(Math.max(16, n * 2));
      if (a) b.set(a);
      a = b;
      this.arr[key] = b;
    }
    a[n] = idx;
    this.len[key] = n + 1;
  }

  count(key: number): number {
    return this.len[key] ?? 0;
  }

  view(key: number): Int32Array {
    const a = this.arr[key];
    return a ? a.subarray(0, this.len[key] ?? 0) : new Int32Array(0);
  }
}

/** The lists of one core (built lazily, extended as the core grows). */
class FilterLists {
  layout = -1;
  upTo = 0;
  region = new SlotLists();
  disc = new SlotLists();
  ind = new SlotLists();

  sync(core: IndexCore): void {
    if (core.layoutVersion !== this.layout || core.size < this.upTo) {
      this.layout = core.layoutVersion;
      this.upTo = 0;
      this.region = new SlotLists();
      this.disc = new SlotLists();
      this.ind = new SlotLists();
    }
    const pool = core.codePool.data;
    for (let idx = this.upTo; idx < core.size; idx++) {
      const r = core.regionId[idx] as number;
      if (r >= 0) this.region.add(r, idx);
      const d0 = core.discOff[idx] as number;
      for (let k = d0, e = d0 + (core.discCnt[idx] as number); k < e; k++)
        this.disc.add(pool[k] as number, idx);
      const i0 = core.indOff[idx] as number;
      for (let k = i0, e = i0 + (core.indCnt[idx] as number); k < e; k++)
        this.ind.add(pool[k] as number, idx);
    }
    this.upTo = core.size;
  }
}

const listsOf = new WeakMap<IndexCore, FilterLists>();

/** Dictionary ids whose name starts with one of the prefixes. */
function matching(names: readonly string[], prefixes: readonly string[]): number[] {
  const out: number[] = [];
  names.forEach((c, i) => {
    if (prefixes.some((p) => c.startsWith(p))) out.push(i);
  });
  return out;
}

/**
 * The admissible entities of a selective filter as an ascending slot list (exactly the slots
 * `ok` accepts), or undefined when the filter names no region or code, or matches too much of
 * the corpus to be worth listing (`SELECTIVE_SHARE`).
 */
export function admissibleList(
  core: IndexCore,
  f: MatchFilter | undefined,
  ok: (idx: number) => boolean,
): Int32Array | undefined {
  if (!f) return undefined;
  const groups: { lists: SlotLists; keys: number[] }[] = [];
  let fl: FilterLists | undefined;
  const lists = (): FilterLists => {
    if (!fl) {
      fl = listsOf.get(core);
      if (!fl) listsOf.set(core, (fl = new FilterLists()));
      fl.sync(core);
    }
    return fl;
  };
  if (f.regionPrefix)
    groups.push({
      lists: lists().region,
      keys: matching(core.regions.names, [regionPrefix(f.regionPrefix)]),
    });
  if (f.disciplines?.length)
    groups.push({ lists: lists().disc, keys: matching(core.codes.names, f.disciplines) });
  if (f.industries?.length)
    groups.push({ lists: lists().ind, keys: matching(core.codes.names, f.industries) });
  // The group listing the fewest slots is a superset of the admissible entities.
  let best: { lists: SlotLists; keys: number[] } | undefined;
  let bestN = Infinity;
  for (const g of groups) {
    let n = 0;
    for (const k of g.keys) n += g.lists.count(k);
    if (n < bestN) {
      bestN = n;
      best = g;
    }
  }
  if (!best || bestN > core.alive * SELECTIVE_SHARE) return undefined;
  let all: Int32Array;
  if (best.keys.length === 1) all = best.lists.view(best.keys[0] as number);
  else {
    all = new Int32Array(bestN);
    let o = 0;
    for (const k of best.keys) {
      const v = best.lists.view(k);
      all.set(v, o);
      o += v.length;
    }
    all.sort();
  }
  const out = new Int32Array(all.length);
  let n = 0;
  let last = -1;
  for (let j = 0; j < all.length; j++) {
    const idx = all[j] as number;
    if (idx === last) continue; // an entity listed under two matching codes
    last = idx;
    if (ok(idx)) out[n++] = idx;
  }
  return out.subarray(0, n);
}
