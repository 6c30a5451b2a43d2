/**
 * Latent semantic analysis trained on the indexed corpus itself: a randomized truncated SVD
 * (Halko, Martinsson & Tropp 2011) of the unit × term TF-IDF matrix gives each term a dense
 * vector; a text's vector is the TF-IDF-weighted sum of its terms' vectors (fold-in). Two texts
 * that share no word but whose words co-occur across the corpus end up close.
 *
 * @module
 */
import type { SparseVec } from '../index/sparse.ts';
import { symmetricEigen } from './eigen.ts';
import { gaussian, mulberry32 } from './random.ts';

/** A trained term embedding table. */
export interface LsaModel {
  dim: number;
  /** Row of each vocabulary term in `termVectors`, or -1 for terms the model does not know. */
  termRow: Int32Array;
  /** Row-major known-terms × dim term vectors. */
  termVectors: Float32Array;
  /** Units the model was trained on. */
  trainedOn: number;
}

/** Training options. */
export interface LsaOptions {
  dim: number;
  oversample?: number;
  powerIterations?: number;
  seed?: number;
  /** Scale of each singular direction in the term vectors: Σ^exponent (0 = fold-in coordinates). */
  sigmaExponent?: number;
  /** Terms must occur in at least this many training units to get a vector (default 2). */
  minDf?: number;
}

/**
 * Trains on unit vectors (already TF-IDF weighted and L2-normalised) over `vocabSize` terms.
 * Returns undefined when the corpus is too small for a meaningful model.
 */
export function trainLsa(units: SparseVec[], vocabSize: number, opts: LsaOptions): LsaModel | undefined {
  const m = units.length;
  // Only terms seen in ≥ minDf units carry co-occurrence evidence; the rest would get noise.
  const df = new Int32Array(vocabSize);
  for (const u of units)
    for (let i = 0; i < u.t.length; i++) df[u.t[i] as number] = (df[u.t[i] as number] as number) + 1;
  const termRow = new Int32Array(vocabSize).fill(-1);
  let cols = 0;
  const minDf = opts.minDf ?? 2;
  for (let t = 0; t < vocabSize; t++) if ((df[t] as number) >= minDf) termRow[t] = cols++;
  const dim = Math.min(opts.dim, Math.floor(m / 2), cols);
  if (dim < 2) return undefined;
  const rows: SparseVec[] = units.map((u) => remap(u, termRow));
  const l = Math.min(dim + (opts.oversample ?? 10), m, cols);
  const gauss = gaussian(mulberry32(opts.seed ?? 1));
  const omega = new Float32Array(cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = gauss();
  let y = multiplyA(rows, omega, l); // m × l
  orthonormalize(y, m, l);
  for (let it = 0; it < (opts.powerIterations ?? 2); it++) {
    y = multiplyA(rows, multiplyAt(rows, y, l, cols), l);
    orthonormalize(y, m, l);
  }
  // B = Qᵀ A (l × cols), stored transposed as cols × l; then B Bᵀ (l × l).
  const bt = multiplyAt(rows, y, l, cols);
  const g = new Float64Array(l * l);
  for (let r = 0; r < cols; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const x = bt[o + i] as number;
      if (x === 0) continue;
      for (let j = i; j < l; j++) g[i * l + j] = (g[i * l + j] as number) + x * (bt[o + j] as number);
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) g[i * l + j] = g[j * l + i] as number;
  const { values, vectors } = symmetricEigen(g, l);
  // V = Bᵀ Ũ Σ⁻¹; term vector = V Σ^e = Bᵀ Ũ Σ^(e-1).
  const e = opts.sigmaExponent ?? 0;
  const scale = new Float64Array(dim);
  for (let k = 0; k < dim; k++) {
    const sigma = Math.sqrt(Math.max(values[k] as number, 0));
    scale[k] = sigma > 1e-9 ? Math.pow(sigma, e - 1) : 0;
  }
  const termVectors = new Float32Array(cols * dim);
  for (let r = 0; r < cols; r++) {
    const o = r * l;
    for (let k = 0; k < dim; k++) {
      let s = 0;
      for (let i = 0; i < l; i++) s += (bt[o + i] as number) * (vectors[i * l + k] as number);
      termVectors[r * dim + k] = s * (scale[k] as number);
    }
  }
  return { dim, termRow, termVectors, trainedOn: m };
}

function remap(u: SparseVec, termRow: Int32Array): SparseVec {
  let n = 0;
  for (let i = 0; i < u.t.length; i++) if ((termRow[u.t[i] as number] as number) >= 0) n++;
  const t = new Int32Array(n);
  const w = new Float32Array(n);
  n = 0;
  for (let i = 0; i < u.t.length; i++) {
    const r = termRow[u.t[i] as number] as number;
    if (r >= 0) {
      t[n] = r;
      w[n++] = u.w[i] as number;
    }
  }
  return { t, w };
}

/** Unit-length dense vector of a weighted text (fold-in); zero when no term is known. */
export function embedSparse(model: LsaModel, v: SparseVec, out?: Float32Array): Float32Array {
  const d = model.dim;
  const res = out ?? new Float32Array(d);
  res.fill(0);
  const tv = model.termVectors;
  for (let i = 0; i < v.t.length; i++) {
    const t = v.t[i] as number;
    if (t >= model.termRow.length) continue;
    const row = model.termRow[t] as number;
    if (row < 0) continue;
    const w = v.w[i] as number;
    const o = row * d;
    for (let k = 0; k < d; k++) res[k] = (res[k] as number) + w * (tv[o + k] as number);
  }
  normalizeDense(res);
  return res;
}

/** Scales a dense vector to unit length in place. */
export function normalizeDense(v: Float32Array): void {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += (v[k] as number) ** 2;
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let k = 0; k < v.length; k++) v[k] = (v[k] as number) * inv;
  }
}

/** Dot product of two dense vectors. */
export function denseDot(a: Float32Array, b: Float32Array, bOffset = 0): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k] as number) * (b[bOffset + k] as number);
  return s;
}

// A (m × vocab, sparse rows) × X (vocab × l) → m × l (Float64).
function multiplyA(units: SparseVec[], x: Float32Array | Float64Array, l: number): Float64Array {
  const out = new Float64Array(units.length * l);
  units.forEach((u, r) => {
    const o = r * l;
    for (let i = 0; i < u.t.length; i++) {
      const w = u.w[i] as number;
      const xo = (u.t[i] as number) * l;
      for (let j = 0; j < l; j++) out[o + j] = (out[o + j] as number) + w * (x[xo + j] as number);
    }
  });
  return out;
}

// Aᵀ (vocab × m) × Y (m × l) → vocab × l (Float32 to bound memory on large vocabularies).
function multiplyAt(units: SparseVec[], y: Float64Array, l: number, vocabSize: number): Float32Array {
  const out = new Float32Array(vocabSize * l);
  units.forEach((u, r) => {
    const yo = r * l;
    for (let i = 0; i < u.t.length; i++) {
      const w = u.w[i] as number;
      const o = (u.t[i] as number) * l;
      for (let j = 0; j < l; j++) out[o + j] = (out[o + j] as number) + w * (y[yo + j] as number);
    }
  });
  return out;
}

/**
 * Orthonormalises the columns of a rows × cols row-major matrix by Cholesky QR, twice
 * (CholQR2): G = AᵀA, A ← A·R⁻¹. Row-wise passes keep memory access sequential, which matters
 * when rows is the vocabulary size.
 */
function orthonormalize(a: Float64Array | Float32Array, rows: number, cols: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const g = new Float64Array(cols * cols);
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      for (let i = 0; i < cols; i++) {
        const x = a[o + i] as number;
        if (x === 0) continue;
        for (let j = i; j < cols; j++)
          g[i * cols + j] = (g[i * cols + j] as number) + x * (a[o + j] as number);
      }
    }
    // Cholesky G = RᵀR (upper R), with a small ridge so rank-deficient inputs stay finite.
    let trace = 0;
    for (let i = 0; i < cols; i++) trace += g[i * cols + i] as number;
    const ridge = (trace / Math.max(cols, 1)) * 1e-10 + 1e-300;
    const rmat = new Float64Array(cols * cols);
    for (let i = 0; i < cols; i++) {
      for (let j = i; j < cols; j++) {
        let sum = g[i * cols + j] as number;
        for (let k = 0; k < i; k++) sum -= (rmat[k * cols + i] as number) * (rmat[k * cols + j] as number);
        if (i === j) rmat[i * cols + i] = Math.sqrt(Math.max(sum, 0) + ridge);
        else rmat[i * cols + j] = sum / (rmat[i * cols + i] as number);
      }
    }
    // Solve x·R = row for each row (forward substitution on an upper-triangular R).
    const row = new Float64Array(cols);
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      for (let j = 0; j < cols; j++) {
        let sum = a[o + j] as number;
        for (let k = 0; k < j; k++) sum -= (row[k] as number) * (rmat[k * cols + j] as number);
        row[j] = sum / (rmat[j * cols + j] as number);
      }
      for (let j = 0; j < cols; j++) a[o + j] = row[j] as number;
    }
  }
}
