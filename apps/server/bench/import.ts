/**
 * `npm run bench:import [-- --rows 100000 --db pglite|postgres|all]`
 *
 * Generates a deterministic scientist .xlsx (the Sichuan demo generator's term lists, seed
 * `bench-import`), then, per backend in its own child process (so peak RSS is per backend):
 * validates it and commits it through the imports service (the code behind `POST /api/imports`
 * and `/commit`), and waits until a sample row is searchable through the matching module's
 * catalog index (`CatalogIndex.refresh()`, what a commit triggers; "searchable" = a search through
 * `CatalogIndex.search`, the matching module's path, finds it), then until the index is idle (its
 * semantic model trained). Prints the time and CPU time of each phase (on PostgreSQL also the
 * server processes' CPU) and the peak RSS. PostgreSQL uses a scratch database next to `TEST_DATABASE_URL` (default
 * `postgres://postgres@127.0.0.1:5432/test`), created and dropped by the run.
 * @module
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { createDb, roleAssignments, scientistProfiles, users, type Db } from '@tianfu/db';
import { eq, sql } from 'drizzle-orm';
// The demo generator is not part of @tianfu/db's public surface; the bench reads it from source.
import { generateSichuanDemo } from '../../../packages/db/src/seed/demo/index.ts';
import { loadConfig } from '../src/config/index.ts';
import { CatalogIndex } from '../src/modules/matching/catalog-index.ts';
import { catalogIndexRepository } from '../src/modules/matching/catalog-index.repository.ts';
import { IMPORT_COLUMNS, headerOf } from '../src/modules/imports/imports.columns.ts';
import { importsService } from '../src/modules/imports/imports.service.ts';
import { XlsxStreamWriter } from '../src/modules/imports/xlsx.ts';
import type { Actor } from '../src/policy/actor.ts';

const SCRIPT = fileURLToPath(import.meta.url);
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/** Writes the benchmark file: `rows` scientists in the template's columns. */
async function generateFile(rows: number, file: string): Promise<void> {
  const demo = generateSichuanDemo({
    seed: 'bench-import',
    scientists: rows,
    teams: 0,
    enterprises: 0,
    needs: 0,
    capabilities: 0,
    results: 0,
  });
  const columns = IMPORT_COLUMNS.scientists;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const w = new XlsxStreamWriter(out);
  w.addSheet({ name: '数据', header: columns.map(headerOf) });
  const records = (list: Record<string, unknown>[], parts: string[]) =>
    list
      .map((r) => parts.map((p) => (r[p] === undefined || r[p] === null ? '' : String(r[p]))).join('|'))
      .join('\n');
  for (const sc of demo.scientists) {
    const cells: Record<string, string | number | null> = {
      external_id: sc.id,
      name: sc.name,
      gender: sc.gender === 'male' ? '男' : '女',
      birth_year: sc.birthYear,
      education: sc.education,
      title: sc.title,
      affiliation: sc.affiliation,
      disciplines: sc.disciplines.join('；'),
      skills: sc.skills.join('；'),
      bio: sc.bio,
      region_code: sc.regionCode,
      availability: sc.availability,
      capacity: sc.capacity,
      on_site_radius_km: sc.onSiteRadiusKm,
      remote: sc.remote ? '是' : '否',
      rural_expert: sc.ruralExpert ? '是' : '否',
      papers: records(sc.papers as unknown as Record<string, unknown>[], ['title', 'journal', 'year']),
      patents: records(sc.patents as unknown as Record<string, unknown>[], ['number', 'title', 'year']),
      projects: records(sc.projects as unknown as Record<string, unknown>[], [
        'title',
        'funder',
        'year',
        'role',
      ]),
      delivered_services: records(sc.deliveredServices as unknown as Record<string, unknown>[], [
        'title',
        'year',
        'regionCode',
      ]),
    };
    w.addRow(columns.map((c) => cells[c.key] ?? null));
  }
  await w.finish();
  writeFileSync(file, Buffer.concat(chunks));
  // The sample the child searches for: the middle row.
  const sample = demo.scientists[Math.floor(rows / 2)]!;
  writeFileSync(
    `${file}.sample.json`,
    JSON.stringify({ id: sample.id, name: sample.name, skills: sample.skills }),
  );
}

async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** One backend, in this (child) process. Prints one JSON line with the figures. */
async function runChild(kind: 'pglite' | 'postgres', file: string): Promise<void> {
  let peak = process.memoryUsage().rss;
  // PGlite's WebAssembly memory (it grows and never shrinks), 0 on PostgreSQL.
  let wasmOf = (): number => 0;
  const wasmAt: Record<string, number> = {};
  let peakParts = '';
  let phase = 'setup';
  // `BENCH_TRACE=<file>`: one line per second (phase, RSS and its parts), to see where memory goes.
  const trace = process.env.BENCH_TRACE ? `${process.env.BENCH_TRACE}.${kind}` : '';
  if (trace) writeFileSync(trace, '');
  let lastTrace = 0;
  // Timers do not fire while PGlite queries and indexing run back to back (PGlite answers without
  // yielding to the event loop), so the index's reads sample too.
  const sampleMemory = (where = phase) => {
    const m = process.memoryUsage();
    if (m.rss > peak) {
      peak = m.rss;
      peakParts = `${mb(m.rss)} while ${where}: JS heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, array buffers ${mb(m.arrayBuffers)}, external ${mb(m.external)}, PGlite WASM ${mb(wasmOf())}`;
    }
    if (trace && performance.now() - lastTrace >= 1000) {
      lastTrace = performance.now();
      appendFileSync(
        trace,
        `${(lastTrace / 1000).toFixed(0)}s ${where} rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} ab ${mb(m.arrayBuffers)} ext ${mb(m.external)} wasm ${mb(wasmOf())}\n`,
      );
    }
  };
  const sampler = setInterval(() => {
    sampleMemory();
    sampleServerCpu();
  }, 100);
  // CPU time: this process, and on PostgreSQL the server backends serving the scratch database
  // (their /proc counters, read while they live: the pool closes idle connections).
  const ticks = new Map<number, number>();
  let serverPids: () => Promise<number[]> = () => Promise.resolve([]);
  const sampleServerCpu = () => {
    for (const pid of ticks.keys()) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        ticks.set(pid, Math.max(ticks.get(pid) ?? 0, Number(f[11]) + Number(f[12])));
      } catch {
        // the backend ended; its last reading stays
      }
    }
  };
  const cpuNow = async (): Promise<{ self: number; server: number }> => {
    for (const pid of await serverPids()) if (!ticks.has(pid)) ticks.set(pid, 0);
    sampleServerCpu();
    const u = process.cpuUsage();
    let t = 0;
    for (const v of ticks.values()) t += v;
    return { self: (u.user + u.system) / 1000, server: t * 10 };
  };
  let db: Db;
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'tianfu-bench-import-'));
    db = await createDb({ url: '', dataDir: path.join(dir, 'pg') });
    const mod = (db.pglite as unknown as { mod?: { HEAPU8: Uint8Array } }).mod;
    wasmOf = () => mod?.HEAPU8.buffer.byteLength ?? 0;
    cleanup = async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const base = process.env.TEST_DATABASE_URL || DEFAULT_PG;
    const name = `bench_import_${randomBytes(5).toString('hex')}`;
    await adminQuery(base, `create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    db = await createDb({ url: url.toString() });
    const pids = db.orm;
    serverPids = async () => {
      const r = (await pids.execute(
        sql`select pid from pg_stat_activity where datname = current_database()`,
      )) as unknown as { rows: { pid: number }[] };
      return r.rows.map((x) => Number(x.pid));
    };
    cleanup = async () => {
      await db.close();
      await adminQuery(base, `drop database if exists ${name} with (force)`);
    };
  }
  try {
    const t0 = performance.now();
    await db.migrate();
    const [officer] = await db.orm
      .insert(users)
      .values({ phone: '13900000000', kind: 'citizen', displayName: '四川省科技厅（基准测试）' })
      .returning({ id: users.id });
    await db.orm.insert(roleAssignments).values({ userId: officer!.id, role: 'officer', regionCode: '51' });
    const actor: Actor = {
      userId: officer!.id,
      kind: 'citizen',
      roles: [{ role: 'officer', regionCode: '51' }],
    };
    const config = loadConfig({ env: {}, file: {}, overrides: { LOG_LEVEL: 'silent' } });
    const logger = pino({ level: 'warn' });
    // The index's own report of a bulk rebuild (time waiting for pages, lexical-first or not).
    let rebuilt: { readWaitMs?: number; trainMs?: number; lexicalFirst?: boolean } = {};
    const indexLogger = {
      info: (obj: unknown) => {
        const index = (obj as { index?: typeof rebuilt & { changed?: number } }).index;
        if (index && index.changed !== undefined) rebuilt = index;
      },
      warn: logger.warn.bind(logger),
      error: logger.error.bind(logger),
    } as unknown as typeof logger;
    // The index's database reads are timed so the report can split "searchable after" into reads and indexing.
    const source = catalogIndexRepository(db);
    let readMs = 0;
    const timedSource: typeof source = { ...source };
    for (const [name, value] of Object.entries(source)) {
      if (typeof value !== 'function') continue;
      const fn = value as (...a: unknown[]) => Promise<unknown>;
      (timedSource as unknown as Record<string, unknown>)[name] = async (...a: unknown[]) => {
        const started = performance.now();
        try {
          return await fn(...a);
        } finally {
          readMs += performance.now() - started;
          sampleMemory(`${phase} (${name})`);
        }
      };
    }
    // Configured as the server configures it (matching.plugin.ts): the semantic dimension from config.
    const index = new CatalogIndex({
      source: timedSource,
      logger: indexLogger,
      pollMs: 0,
      semanticDim: config.MATCH_SEMANTIC_DIM,
    });
    await index.rebuild(); // what the server does at start (empty catalog here)
    const setupMs = performance.now() - t0;

    const svc = importsService({
      db,
      config,
      now: () => new Date(),
      refreshIndex: () => index.refresh(),
      logger,
    });
    // The file's bytes are dropped after validation, as the server drops an upload once validated.
    const upload = { fileName: path.basename(file), bytes: readFileSync(file), format: 'xlsx' as const };
    const c1 = await cpuNow();
    const t1 = performance.now();
    phase = 'validate';
    const { batch, times } = await svc.validate(actor, 'scientists', upload);
    const t2 = performance.now();
    const c2 = await cpuNow();
    upload.bytes = Buffer.alloc(0);
    const rssAfterValidate = process.memoryUsage().rss;
    wasmAt.validate = wasmOf();
    if (batch.invalidRows > 0) {
      console.error(`${kind}: ${batch.invalidRows} invalid rows`, batch.report.slice(0, 5));
      const bad = new Set(batch.report.map((i) => i.row));
      const { readXlsxRows } = await import('../src/modules/imports/xlsx.ts');
      for await (const r of readXlsxRows(readFileSync(file)))
        if (bad.has(r.line)) console.error(r.line, JSON.stringify(r.fields).slice(0, 300));
    }
    phase = 'commit';
    const c2b = await cpuNow();
    const committed = await svc.commit(actor, batch, 'all_or_nothing');
    phase = 'index';
    const t3 = performance.now();
    const c3 = await cpuNow();
    const rssAfterCommit = process.memoryUsage().rss;
    wasmAt.commit = wasmOf();
    readMs = 0;

    // Searchable: the sample row is in the index and a search by its name and skills finds it.
    const sample = JSON.parse(readFileSync(`${file}.sample.json`, 'utf8')) as {
      id: string;
      name: string;
      skills: string[];
    };
    const [row] = await db.orm
      .select({ id: scientistProfiles.id })
      .from(scientistProfiles)
      .where(eq(scientistProfiles.externalId, sample.id));
    // Searched the way the search route does (CatalogIndex.search), every 200 ms from the commit
    // on, while the index catches up; not waiting for the index to be idle (a lexical-first
    // rebuild answers before its semantic training, queued after it, is done).
    const query = {
      text: `${sample.name} ${sample.skills.join(' ')}`,
      kinds: ['scientist' as const],
      top: 20,
      noExplain: true,
    };
    let rank = -1;
    for (let waited = 0; waited < 600_000; waited += 200) {
      if (index.meta(row!.id)) {
        rank = (await index.search(query)).findIndex((h) => h.id === row!.id);
        if (rank >= 0) break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const t4 = performance.now();
    const c4 = await cpuNow();
    const readMsSearchable = readMs;
    // Then until the index is idle: the semantic training of a lexical-first rebuild is finished,
    // and the sample's rank under the full ranking.
    phase = 'train';
    // The longest the event loop stalled while the index trained (a search waits that long).
    const stall = monitorEventLoopDelay({ resolution: 10 });
    stall.enable();
    await index.idle();
    stall.disable();
    const t5 = performance.now();
    const c5 = await cpuNow();
    const finalRank = (await index.search(query)).findIndex((h) => h.id === row!.id);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const maxRss = process.resourceUsage().maxRSS * 1024;
    console.log(
      JSON.stringify({
        kind,
        rows: batch.totalRows,
        valid: batch.validRows,
        inserted: committed.inserted,
        setupMs,
        parseMs: times.parseMs,
        checkMs: times.checkMs,
        storeMs: times.storeMs,
        validateMs: t2 - t1,
        commitMs: t3 - t2,
        indexMs: t4 - t3,
        indexReadMs: readMsSearchable,
        indexReadWaitMs: rebuilt.readWaitMs ?? -1,
        indexLexicalTrainMs: rebuilt.trainMs ?? -1,
        lexicalFirst: rebuilt.lexicalFirst ?? false,
        totalMs: t4 - t1,
        trainedMs: t5 - t4,
        trainStallMs: stall.max / 1e6,
        idleMs: t5 - t1,
        cpuValidateMs: c2.self - c1.self,
        cpuCommitMs: c3.self - c2b.self,
        cpuIndexMs: c4.self - c3.self,
        cpuTrainMs: c5.self - c4.self,
        serverCpuValidateMs: c2.server - c1.server,
        serverCpuCommitMs: c3.server - c2b.server,
        serverCpuIndexMs: c4.server - c3.server,
        indexed: index.size,
        rank,
        finalRank,
        peakRss: Math.max(peak, maxRss),
        rssAfterValidate,
        rssAfterCommit,
        rssEnd: process.memoryUsage().rss,
        peakParts,
        wasmAfterValidate: wasmAt.validate ?? 0,
        wasmAfterCommit: wasmAt.commit ?? 0,
        wasmEnd: wasmOf(),
      }),
    );
  } finally {
    clearInterval(sampler);
    await cleanup();
  }
}

async function pgReachable(): Promise<boolean> {
  try {
    await adminQuery(process.env.TEST_DATABASE_URL || DEFAULT_PG, 'select 1');
    return true;
  } catch {
    return false;
  }
}

function child(kind: string, file: string): Promise<Record<string, number | string> | null> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [...process.execArgv, SCRIPT, '--child', kind, '--file', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.on('close', (code) => {
      const line = out
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      if (code !== 0 || !line) {
        console.error(`${kind}: child exited with ${code}\n${out}`);
        resolve(null);
      } else resolve(JSON.parse(line) as Record<string, number | string>);
    });
  });
}

async function main(): Promise<void> {
  const childKind = arg('child', '');
  if (childKind) {
    await runChild(childKind as 'pglite' | 'postgres', arg('file', ''));
    return;
  }
  const rows = Number.parseInt(arg('rows', '100000'), 10);
  const which = arg('db', 'all');
  // `--keep-file <path>`: reuse the generated file across runs (written there on the first).
  const kept = arg('keep-file', '');
  const dir = kept ? null : mkdtempSync(path.join(tmpdir(), 'tianfu-bench-file-'));
  const file = kept ? path.resolve(kept) : path.join(dir!, `scientists-${rows}.xlsx`);
  const g0 = performance.now();
  const reuse = kept !== '' && existsSync(file) && existsSync(`${file}.sample.json`);
  if (!reuse) await generateFile(rows, file);
  const genMs = performance.now() - g0;
  console.log(
    `bench:import — ${rows.toLocaleString('en')} scientist rows, ${mb(statSync(file).size)} .xlsx (${reuse ? 'reused' : `generated in ${s(genMs)}`}, not counted)`,
  );
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at start (shared with other jobs), Node ${process.version}`,
  );
  const kinds = which === 'all' ? ['pglite', 'postgres'] : [which];
  const results = [];
  for (const kind of kinds) {
    if (kind === 'postgres' && !(await pgReachable())) {
      console.log('postgres: not reachable (set TEST_DATABASE_URL), skipped');
      continue;
    }
    const r = await child(kind, file);
    if (r) results.push(r);
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log('');
  console.log(
    '| backend | parse + row rules | database rules | store batch | validate total | commit | searchable after | import → searchable | then trained | peak RSS | target ≤ 120 s, ≤ 1.5 GB |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    const total = Number(r.totalMs);
    const rss = Number(r.peakRss);
    const ok = total <= 120_000 && rss <= 1.5 * 1024 ** 3 ? 'met' : 'missed';
    console.log(
      `| ${r.kind} | ${s(Number(r.parseMs))} | ${s(Number(r.checkMs))} | ${s(Number(r.storeMs))} | ${s(Number(r.validateMs))} | ${s(Number(r.commitMs))} | ${s(Number(r.indexMs))} | **${s(total)}** | +${s(Number(r.trainedMs))} | **${mb(rss)}** | ${ok} |`,
    );
  }
  for (const r of results) {
    console.log(
      `${r.kind}: ${r.valid}/${r.rows} rows valid, ${r.inserted} inserted, index holds ${r.indexed} (of the ${s(Number(r.indexMs))} to searchable, the rebuild waited ${s(Number(r.indexReadWaitMs))} for database pages — reads in flight ${s(Number(r.indexReadMs))}, overlapping the indexing — and trained ${r.lexicalFirst ? 'its lexical part' : 'fully'} in ${s(Number(r.indexLexicalTrainMs))}); RSS after validate ${mb(Number(r.rssAfterValidate))}, after commit ${mb(Number(r.rssAfterCommit))}, at the end ${mb(Number(r.rssEnd))}; sample row rank in its name+skills search: ${Number(r.rank) >= 0 ? Number(r.rank) + 1 : 'not in top 20'}`,
    );
    const server = (k: string) => (r.kind === 'postgres' ? ` + server ${s(Number(r[k]))}` : '');
    console.log(
      `${r.kind}: CPU time (this process${r.kind === 'postgres' ? ' + PostgreSQL backends' : ''}): validate ${s(Number(r.cpuValidateMs))}${server('serverCpuValidateMs')}, commit ${s(Number(r.cpuCommitMs))}${server('serverCpuCommitMs')}, to searchable ${s(Number(r.cpuIndexMs))}${server('serverCpuIndexMs')}, then training ${s(Number(r.cpuTrainMs))} (longest event-loop stall meanwhile ${s(Number(r.trainStallMs))}); sample rank once trained: ${Number(r.finalRank) >= 0 ? Number(r.finalRank) + 1 : 'not in top 20'}`,
    );
    const wasm =
      Number(r.wasmEnd) > 0
        ? `; PGlite WASM memory after validate ${mb(Number(r.wasmAfterValidate))}, after commit ${mb(Number(r.wasmAfterCommit))}, at the end ${mb(Number(r.wasmEnd))}`
        : '';
    console.log(`${r.kind}: highest RSS sampled (every 100 ms): ${r.peakParts || 'n/a'}${wasm}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
