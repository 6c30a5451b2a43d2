/**
 * The term dictionary: term ↔ dense id, with document frequencies counted per entity and per
 * unit (a unit is one facet of an entity: its own text or one of its documents).
 *
 * @module
 */

/** Grows a typed array geometrically. */
export function grow<T extends Int32Array | Float32Array | Uint8Array | Uint32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const C = a.constructor as new (n: number) => T;
  const b = new C(Math.max(need, a.length * 2, 16));
  b.set(a);
  return b;
}

/** Term dictionary with document frequencies. */
export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  /** Entities containing the term. */
  dfEntity = new Int32Array(1024);
  /** Units (facets) containing the term. */
  dfUnit = new Int32Array(1024);

  get size(): number {
    return this.terms.length;
  }

  /** Id of a known term, or -1. */
  idOf(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** Id of a term, adding it when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.dfEntity = grow(this.dfEntity, id + 1);
      this.dfUnit = grow(this.dfUnit, id + 1);
    }
    return id;
  }

  term(id: number): string {
    return this.terms[id] ?? '';
  }
}
