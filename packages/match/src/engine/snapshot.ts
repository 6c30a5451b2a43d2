/**
 * Binary snapshots: the analysed index (vocabulary, document frequencies, each entity's unit
 * vectors, the semantic model and vectors) plus the entities as JSON, so that loading needs no
 * re-tokenisation and no re-training. Layout: magic `TFM1`, a u32 length and a JSON header, then
 * length-prefixed typed-array sections aligned to 4 bytes (little-endian, the platform order).
 *
 * @module
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { fromMap, type SparseVec } from '../index/sparse.ts';
import type { MatchEngine, MatchEngineOptions, MatchEntity } from '../types.ts';
import { IndexCore, type EntityRecord } from './core.ts';

const MAGIC = 0x314d4654; // 'TFM1'

interface Header {
  version: 1;
  options: MatchEngineOptions;
  terms: string[];
  fieldNames: string[];
  lengths: number[];
  dim: number;
  trainedOn: number;
  trainedSize: number;
}

type Section = Int32Array | Float32Array | Uint8Array;

/** Writes a snapshot of the (trained) core to `path` atomically (temp file + rename). */
export function saveSnapshotFile(core: IndexCore, options: MatchEngineOptions, path: string): void {
  const live = core.records.filter((r): r is EntityRecord => r !== undefined);
  let nUnits = 0;
  let nnz = 0;
  let aggNnz = 0;
  for (const r of live) {
    nUnits += r.units.length;
    for (const u of r.units) nnz += u.t.length;
    aggNnz += r.agg.t.length;
  }
  const unitCounts = new Int32Array(live.length);
  const unitNnz = new Int32Array(nUnits);
  const ut = new Int32Array(nnz);
  const uw = new Float32Array(nnz);
  const aggField = new Uint8Array(aggNnz);
  let ui = 0;
  let p = 0;
  let a = 0;
  live.forEach((r, i) => {
    unitCounts[i] = r.units.length;
    for (const u of r.units) {
      unitNnz[ui++] = u.t.length;
      ut.set(u.t, p);
      uw.set(u.w, p);
      p += u.t.length;
    }
    aggField.set(r.aggField, a);
    a += r.aggField.length;
  });
  const model = core.model;
  const dim = model?.dim ?? 0;
  const sem = new Float32Array(live.length * dim);
  if (dim) live.forEach((r, i) => sem.set(core.sem.subarray(r.idx * dim, (r.idx + 1) * dim), i * dim));
  const header: Header = {
    version: 1,
    options,
    terms: core.vocab.terms,
    fieldNames: core.fieldNames,
    lengths: live.map((r) => r.length),
    dim,
    trainedOn: model?.trainedOn ?? 0,
    trainedSize: core.trainedSize,
  };
  const v = core.vocab.size;
  const sections: Section[] = [
    core.vocab.dfEntity.subarray(0, v),
    core.vocab.dfUnit.subarray(0, v),
    unitCounts,
    unitNnz,
    ut,
    uw,
    aggField,
    model ? model.termRow.subarray(0, Math.min(v, model.termRow.length)) : new Int32Array(0),
    model ? model.termVectors : new Float32Array(0),
    sem,
    // Entities one JSON per line, built piecewise: a million profiles exceed V8's string limit.
    new Uint8Array(Buffer.concat(live.map((r) => Buffer.from(JSON.stringify(r.entity) + '\n', 'utf8')))),
  ];
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const chunks: Buffer[] = [];
  const pre = Buffer.alloc(8);
  pre.writeUInt32LE(MAGIC, 0);
  pre.writeUInt32LE(head.length, 4);
  chunks.push(pre, head, Buffer.alloc((4 - (head.length % 4)) % 4));
  for (const s of sections) {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(s.byteLength, 0);
    chunks.push(
      len,
      Buffer.from(s.buffer, s.byteOffset, s.byteLength),
      Buffer.alloc((4 - (s.byteLength % 4)) % 4),
    );
  }
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, Buffer.concat(chunks));
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
  let off = 8 + headLen + ((4 - (headLen % 4)) % 4);
  const next = <T extends Section>(C: {
    new (b: ArrayBuffer, o: number, n: number): T;
    BYTES_PER_ELEMENT: number;
  }): T => {
    const len = buf.readUInt32LE(off);
    off += 4;
    // Copy into a fresh aligned buffer (the file buffer's offset may not be aligned for the type).
    const bytes = new Uint8Array(len);
    bytes.set(buf.subarray(off, off + len));
    off += len + ((4 - (len % 4)) % 4);
    return new C(bytes.buffer, 0, len / C.BYTES_PER_ELEMENT);
  };
  const dfEntity = next(Int32Array);
  const dfUnit = next(Int32Array);
  const unitCounts = next(Int32Array);
  const unitNnz = next(Int32Array);
  const ut = next(Int32Array);
  const uw = next(Float32Array);
  const aggField = next(Uint8Array);
  const termRow = next(Int32Array);
  const termVectors = next(Float32Array);
  const sem = next(Float32Array);
  const entityBytes = Buffer.from(next(Uint8Array).buffer);
  const entities: MatchEntity[] = [];
  for (let start = 0; start < entityBytes.length;) {
    let end = entityBytes.indexOf(10, start);
    if (end < 0) end = entityBytes.length;
    if (end > start) entities.push(JSON.parse(entityBytes.toString('utf8', start, end)) as MatchEntity);
    start = end + 1;
  }

  const core = makeCore(header.options);
  for (const t of header.terms) core.vocab.intern(t);
  core.vocab.dfEntity.set(dfEntity);
  core.vocab.dfUnit.set(dfUnit);
  for (const f of header.fieldNames) core.fieldId(f);
  let ui = 0;
  let p = 0;
  let a = 0;
  entities.forEach((entity, idx) => {
    const units: SparseVec[] = [];
    for (let k = 0; k < (unitCounts[idx] as number); k++) {
      const n = unitNnz[ui++] as number;
      units.push({ t: ut.subarray(p, p + n), w: uw.subarray(p, p + n) });
      p += n;
    }
    let agg: SparseVec;
    if (units.length === 1) agg = units[0] as SparseVec;
    else {
      const m = new Map<number, number>();
      for (const u of units)
        for (let i = 0; i < u.t.length; i++)
          m.set(u.t[i] as number, (m.get(u.t[i] as number) ?? 0) + (u.w[i] as number));
      agg = fromMap(m);
    }
    const rec: EntityRecord = {
      idx,
      entity,
      units,
      agg,
      aggField: aggField.subarray(a, a + agg.t.length),
      length: header.lengths[idx] ?? 0,
    };
    a += agg.t.length;
    core.records.push(rec);
    core.byId.set(entity.id, idx);
    core.unitCount += units.length;
  });
  core.alive = core.records.length;
  core.refreshIdf();
  core.buildPostings();
  for (const rec of core.records) if (rec) core.computeNorm(rec);
  if (header.dim > 0) {
    core.model = { dim: header.dim, termRow, termVectors, trainedOn: header.trainedOn };
    core.sem = sem;
    for (const rec of core.records) if (rec && rec.units.length > 1) core.embedUnits(rec);
  }
  core.trainedSize = header.trainedSize;
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
