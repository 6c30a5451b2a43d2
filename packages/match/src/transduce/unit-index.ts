/**
 * A small in-memory inverted index over unit-length sparse vectors, for all-pairs cosine work on
 * corpora small enough to be scored exhaustively (the transductive steps only run there).
 *
 * @module
 */
import type { SparseVec } from '../index/sparse.ts';

/** Postings of unit-length vectors: term → (row, weight). */
export class CosineIndex {
  private readonly rows: number[][] = [];
  private readonly ws: number[][] = [];
  readonly size: number;

  constructor(vecs: readonly SparseVec[]) {
    this.size = vecs.length;
    vecs.forEach((v, r) => {
      for (let i = 0; i < v.t.length; i++) {
        const t = v.t[i] as number;
        (this.rows[t] ??= []).push(r);
        (this.ws[t] ??= []).push(v.w[i] as number);
      }
    });
  }

  /** Dot product of `v` with every row (0 where no term is shared), into `out`. */
  dots(v: SparseVec, out: Float64Array = new Float64Array(this.size)): Float64Array {
    out.fill(0);
    for (let i = 0; i < v.t.length; i++) {
      const t = v.t[i] as number;
      const rs = this.rows[t];
      if (!rs) continue;
      const ws = this.ws[t] as number[];
      const q = v.w[i] as number;
      for (let j = 0; j < rs.length; j++)
        out[rs[j] as number] = (out[rs[j] as number] as number) + q * (ws[j] as number);
    }
    return out;
  }
}
