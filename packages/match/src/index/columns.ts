/**
 * Compact storage helpers for the index: string dictionaries (a code ↔ small int), growable
 * typed-array columns, and a byte arena that keeps entity text as UTF-8 JSON outside the V8 heap.
 *
 * @module
 */

/** A string ↔ dense id dictionary (region codes, discipline codes, kinds, org ids). */
export class Dict {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  /** Id of a string, adding it when new. */
  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(s, id);
      this.names.push(s);
    }
    return id;
  }

  get size(): number {
    return this.names.length;
  }
}

/** Grows a typed array to hold at least `need` elements (×1.5 steps: bounded peak memory). */
export function growTo<
  T extends Int32Array | Float32Array | Float64Array | Uint8Array | Int8Array | Uint16Array,
>(a: T, need: number, factor = 1.5): T {
  if (need <= a.length) return a;
  const C = a.constructor as new (n: number) => T;
  const b = new C(Math.max(need, Math.ceil(a.length * factor), 16));
  b.set(a);
  return b;
}

/** Appendable list of int32 values addressed by (offset, count) pairs (CSR rows). */
export class IntPool {
  data = new Int32Array(1024);
  n = 0;

  /** Appends values; returns their offset. */
  push(values: readonly number[]): number {
    const off = this.n;
    this.data = growTo(this.data, this.n + values.length);
    for (const v of values) this.data[this.n++] = v;
    return off;
  }
}

const CHUNK = 8 << 20;

/** UTF-8 byte arena in 8 MB chunks (no doubling copies); entries addressed by chunk/offset/length. */
export class ByteArena {
  chunks: Uint8Array[] = [];
  private used = CHUNK;

  /** Stores bytes; returns [chunk, offset]. */
  put(bytes: Uint8Array): [number, number] {
    if (this.used + bytes.length > (this.chunks.at(-1)?.length ?? 0)) {
      this.chunks.push(new Uint8Array(Math.max(CHUNK, bytes.length)));
      this.used = 0;
    }
    const c = this.chunks.length - 1;
    const off = this.used;
    (this.chunks[c] as Uint8Array).set(bytes, off);
    this.used += bytes.length;
    return [c, off];
  }

  get(chunk: number, off: number, len: number): Uint8Array {
    return (this.chunks[chunk] as Uint8Array).subarray(off, off + len);
  }

  /** Total bytes held by chunks (capacity, for memory facts). */
  get capacity(): number {
    let s = 0;
    for (const c of this.chunks) s += c.length;
    return s;
  }
}
