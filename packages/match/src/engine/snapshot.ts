/**
 * Binary snapshots of the compact index: the typed-array columns are written as they are
 * (forward index, postings, metadata columns, norms, the semantic model and vectors), so loading
 * is reading the file and taking views on it — no tokenisation, no postings build, no SVD.
 * Layout: magic `TFM2`, a u32 length and a JSON header (options, vocabulary, dictionaries,
 * counts), then sections, each a u32 byte length and the bytes, aligned to 8 bytes (little-endian,
 * the platform order). Removed entities are compacted away and pending delta postings merged
 * before writing.
 *
 * @module
 */
import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { MatchEngine, MatchEngineOptions, MatchEntity } from '../types.ts';
import { IndexCore } from './core.ts';

const MAGIC = 0x324d4654; // 'TFM2'

interface Header {
  version: 2;
  options: MatchEngineOptions;
  terms: string[];
  fieldNames: string[];
  kinds: string[];
  regions: string[];
  codes: string[];
  size: number;
  uN: number;
  fN: number;
  unitCount: number;
  largeMode: boolean;
  dim: number;
  trainedOn: number;
  trainedSize: number;
  semQuant: boolean;
  /** Postings impacts stored as 16-bit fixed point. */
  impQuant: boolean;
  /** Concept-layer priors: entity id → the discipline names its title names (absent before). */
  conceptPriors?: [string, string[]][];
  /** Concept layer: the lexicon share of the corpus measured at training (absent before). */
  conceptShare?: number;
  /**
   * Concept column of large corpora (`COLUMN_K` slots per entity, ids into these names): two
   * sections after the text ones (absent before, then recomputed on load).
   */
  conceptColumn?: { k: number; names: string[] };
}

type Section = Int32Array | Float32Array | Float64Array | Uint8Array | Int8Array | Uint16Array;

const pad8 = (n: number): number => (8 - (n % 8)) % 8;

/** Writes a snapshot of the (trained) core to `path` atomically (temp file + rename). */
export function saveSnapshotFile(core: IndexCore, options: MatchEngineOptions, path: string): void {
  if (core.needsTrain || (core.largeMode && !core.bigramsDropped)) core.train();
  if (core.dead > 0) core.compact();
  if (core.dead > 0 || core.deltaN > 0 || !core.postingsBuilt) core.buildPostings();
  const n = core.size;
  const model = core.model;
  const dim = model?.dim ?? 0;
  const v = core.vocab.size;
  // Entity text gathered into one contiguous section.
  let textBytes = 0;
  for (let i = 0; i < n; i++) textBytes += core.tLen[i] as number;
  const text = new Uint8Array(textBytes);
  const tOff = new Int32Array(n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const len = core.tLen[i] as number;
    tOff[i] = p;
    if (len > 0) text.set(core.text.get(core.tChunk[i] as number, core.tOff[i] as number, len), p);
    p += len;
  }
  const enc = new TextEncoder();
  const slimLines: Uint8Array[] = [];
  let slimBytes = 0;
  for (let i = 0; i < n; i++) {
    const stored = core.slim[i];
    const b = enc.encode((stored ? JSON.stringify(stored) : '') + '\n');
    slimLines.push(b);
    slimBytes += b.length;
  }
  const slim = new Uint8Array(slimBytes);
  p = 0;
  for (const b of slimLines) {
    slim.set(b, p);
    p += b.length;
  }
  // A concept base passed in the options (tests) is code, not data: the loader uses the lexicon.
  const { conceptBase: _cb, ...saved } = options as MatchEngineOptions & { conceptBase?: unknown };
  const header: Header = {
    version: 2,
    options: saved,
    terms: core.vocab.terms,
    fieldNames: core.fieldNames,
    kinds: core.kinds.names,
    regions: core.regions.names,
    codes: core.codes.names,
    size: n,
    uN: core.uN,
    fN: core.fN,
    unitCount: core.unitCount,
    largeMode: core.largeMode,
    dim,
    trainedOn: model?.trainedOn ?? 0,
    trainedSize: core.trainedSize,
    semQuant: core.semQuant,
    impQuant: core.pImp instanceof Uint16Array,
    conceptPriors: core.concepts?.priorNames(),
    conceptShare: core.concepts && Number.isFinite(core.concepts.share) ? core.concepts.share : undefined,
  };
  const column = core.concepts?.columnOn ? core.concepts.columnData(n) : undefined;
  if (column && core.concepts) header.conceptColumn = { k: column.k, names: core.concepts.base.names };
  const sections: Section[] = [
    core.vocab.dfEntity.subarray(0, v),
    core.vocab.dfUnit.subarray(0, v),
    core.eU0.subarray(0, n),
    core.eUC.subarray(0, n),
    core.eAgg.subarray(0, n),
    core.eLen.subarray(0, n),
    core.uOff.subarray(0, core.uN),
    core.uLen.subarray(0, core.uN),
    core.fT.subarray(0, core.fN),
    core.fW.subarray(0, core.fN),
    core.fF.subarray(0, core.fN),
    core.kindId.subarray(0, n),
    core.regionId.subarray(0, n),
    core.discOff.subarray(0, n),
    core.discCnt.subarray(0, n),
    core.indOff.subarray(0, n),
    core.indCnt.subarray(0, n),
    core.codePool.data.subarray(0, core.codePool.n),
    core.verified.subarray(0, n),
    core.openCap.subarray(0, n),
    core.price.subarray(0, n),
    core.docNorm.subarray(0, n),
    core.pOff,
    core.pDoc,
    core.pImp,
    model ? model.termRow : new Int32Array(0),
    model ? model.termVectors : new Float32Array(0),
    dim && !core.semQuant ? core.semF.subarray(0, n * dim) : new Float32Array(0),
    dim && core.semQuant ? core.semQ.subarray(0, n * dim) : new Int8Array(0),
    dim && core.semQuant ? core.semScale.subarray(0, n) : new Float32Array(0),
    enc.encode(core.ids.slice(0, n).join('\n')),
    slim,
    text,
    tOff,
    core.tLen.subarray(0, n),
  ];
  if (column) sections.push(column.ids, column.w);
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    const head = Buffer.from(JSON.stringify(header), 'utf8');
    const pre = Buffer.alloc(8);
    pre.writeUInt32LE(MAGIC, 0);
    pre.writeUInt32LE(head.length, 4);
    writeSync(fd, pre);
    writeSync(fd, head);
    writeSync(fd, Buffer.alloc(pad8(8 + head.length)));
    for (const s of sections) {
      const len = Buffer.alloc(8);
      len.writeUInt32LE(s.byteLength, 0);
      writeSync(fd, len);
      // Large sections in 256 MB slices (a single write is capped at 2 GB).
      for (let o = 0; o < s.byteLength; o += 1 << 28)
        writeSync(fd, new Uint8Array(s.buffer, s.byteOffset + o, Math.min(1 << 28, s.byteLength - o)));
      writeSync(fd, Buffer.alloc(pad8(s.byteLength)));
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Reads a snapshot back into a core. Throws a plain Error on a file that is not a snapshot. */
export function readSnapshotFile(
  path: string,
  makeCore: (o: MatchEngineOptions) => IndexCore,
): { core: IndexCore; options: MatchEngineOptions } {
  const buf = readFileSync(path);
  if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC)
    throw new Error(`not a Tianfu match snapshot: ${path}`);
  const headLen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.subarray(8, 8 + headLen).toString('utf8')) as Header;
  let off = 8 + headLen + pad8(8 + headLen);
  const next = <T extends Section>(C: {
    new (b: ArrayBuffer, o: number, n: number): T;
    new (n: number): T;
    BYTES_PER_ELEMENT: number;
  }): T => {
    if (off + 8 > buf.length) throw new Error(`truncated Tianfu match snapshot: ${path}`);
    const len = buf.readUInt32LE(off);
    off += 8;
    if (off + len > buf.length) throw new Error(`truncated Tianfu match snapshot: ${path}`);
    const start = buf.byteOffset + off;
    off += len + pad8(len);
    const count = len / C.BYTES_PER_ELEMENT;
    // A view on the file buffer when aligned (the usual case), else a copy.
    if (start % C.BYTES_PER_ELEMENT === 0) return new C(buf.buffer as ArrayBuffer, start, count);
    const bytes = new Uint8Array(len);
    bytes.set(buf.subarray(off - len - pad8(len), off - pad8(len)));
    return new C(bytes.buffer, 0, count);
  };
  const core = makeCore(header.options);
  for (const t of header.terms) core.vocab.intern(t);
  core.vocab.dfEntity.set(next(Int32Array));
  core.vocab.dfUnit.set(next(Int32Array));
  for (const f of header.fieldNames) core.fieldId(f);
  for (const k of header.kinds) core.kinds.intern(k);
  for (const r of header.regions) core.regions.intern(r);
  for (const c of header.codes) core.codes.intern(c);
  const n = header.size;
  core.eU0 = next(Int32Array);
  core.eUC = next(Int32Array);
  core.eAgg = next(Int32Array);
  core.eLen = next(Float32Array);
  core.uOff = next(Int32Array);
  core.uLen = next(Int32Array);
  core.fT = next(Int32Array);
  core.fW = next(Float32Array);
  core.fF = next(Uint8Array);
  core.kindId = next(Uint8Array);
  core.regionId = next(Int32Array);
  core.discOff = next(Int32Array);
  core.discCnt = next(Uint8Array);
  core.indOff = next(Int32Array);
  core.indCnt = next(Uint8Array);
  const pool = next(Int32Array);
  core.codePool.data = pool;
  core.codePool.n = pool.length;
  core.verified = next(Uint8Array);
  core.openCap = next(Int32Array);
  core.price = next(Float64Array);
  core.docNorm = next(Float32Array);
  core.pOff = next(Int32Array);
  core.pDoc = next(Int32Array);
  core.pImp = header.impQuant ? next(Uint16Array) : next(Float32Array);
  const termRow = next(Int32Array);
  const termVectors = next(Float32Array);
  core.semF = next(Float32Array);
  core.semQ = next(Int8Array);
  core.semScale = next(Float32Array);
  const dec = new TextDecoder();
  const ids = dec.decode(next(Uint8Array));
  core.ids = n === 0 ? [] : ids.split('\n');
  const slimBytes = next(Uint8Array);
  const text = next(Uint8Array);
  core.tOff = next(Int32Array);
  core.tLen = next(Int32Array);
  const column = header.conceptColumn ? { ids: next(Uint16Array), w: next(Float32Array) } : undefined;
  core.text.chunks = [text];
  core.tChunk = new Int32Array(n);
  core.uN = header.uN;
  core.fN = header.fN;
  core.size = n;
  core.alive = n;
  core.dead = 0;
  core.unitCount = header.unitCount;
  core.largeMode = header.largeMode;
  if (header.largeMode) {
    core.tok = { ...core.tok, bigrams: false };
    core.bigramsDropped = true;
  }
  core.live = new Uint8Array(n).fill(1);
  core.slim = new Array<MatchEntity | undefined>(n);
  for (let i = 0, start = 0; i < n; i++) {
    const end = slimBytes.indexOf(10, start);
    if (end > start) core.slim[i] = JSON.parse(dec.decode(slimBytes.subarray(start, end))) as MatchEntity;
    start = end + 1;
  }
  core.ids.forEach((id, i) => core.byId.set(id, i));
  core.postingsBuilt = true;
  core.refreshIdf();
  if (header.dim > 0) {
    core.model = { dim: header.dim, termRow, termVectors, trainedOn: header.trainedOn };
    core.semQuant = header.semQuant;
  }
  // Per-document caches of multi-document entities (small corpora) are recomputed.
  for (let i = 0; i < n; i++)
    if ((core.eUC[i] as number) > 1) {
      core.computeNorm(i);
      core.embedRecord(i);
    }
  core.trainedSize = header.trainedSize;
  if (header.conceptPriors) core.concepts?.restorePriors(header.conceptPriors);
  else if (core.concepts && !core.largeMode)
    // Older snapshots: the priors come from the kept titles.
    for (let i = 0; i < n; i++) core.concepts.setPrior(core.ids[i] as string, core.entity(i)?.title);
  // The lexicon share as measured at training (older snapshots: measured now).
  if (core.concepts && header.conceptShare !== undefined) core.concepts.setShare(header.conceptShare);
  else core.concepts?.measure(core);
  // The concept column of large corpora as saved (recomputed when absent or the lexicon changed).
  if (
    core.largeMode &&
    core.concepts &&
    !(
      column &&
      header.conceptColumn &&
      core.concepts.restoreColumn(column.ids, column.w, header.conceptColumn)
    )
  )
    core.concepts.buildColumn(core);
  return { core, options: header.options };
}

/**
 * Loads an engine saved with `engine.saveSnapshot(path)`.
 *
 * @example
 * const engine = await loadMatchEngine('/var/lib/tianfu/match.snap');
 */
export async function loadMatchEngine(path: string): Promise<MatchEngine> {
  const { wrapCore, coreFor } = await import('./engine.ts');
  const { core, options } = readSnapshotFile(path, coreFor);
  return wrapCore(core, options);
}
