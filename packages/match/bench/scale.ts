/**
 * `npm run bench:scale -- --profiles N [--queries Q] [--seed S] [--systems a,b] [--time-cap-min M]
 *   [--mem-cap-gb G] [--query-budget-s B] [--results-dir DIR [--reuse]] [--json FILE]`
 *
 * Generates N synthetic Sichuan scientist profiles and Q needs (deterministic per seed), then for
 * each system — the exact BM25 reference, this engine, MiniSearch, FlexSearch, PostgreSQL FTS —
 * spawns a child process that regenerates the same data, builds its index, and answers the needs
 * (top 20 with a city or discipline filter). One system runs at a time. A system that passes the
 * time or memory cap is killed and reported as capped. See bench/README.md for definitions.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { ChildResult } from './scale/child.ts';
import { generateNeeds } from './scale/generate.ts';
import { fmt, renderTable } from './lib/table.ts';
import { meanRecall, percentile } from './scale/stats.ts';
import { DEFAULT_PG_URL } from './scale/systems/postgres.ts';

const ALL = ['exact', 'tianfu', 'minisearch', 'flexsearch', 'postgres'] as const;
/** Systems that score every matching profile (no pruning): their own exact scan is themselves. */
const EXHAUSTIVE_BY_CONSTRUCTION = new Set(['exact', 'minisearch', 'postgres']);
const here = dirname(fileURLToPath(import.meta.url));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

/** Outcome of one child. */
type Outcome =
  | { kind: 'ok'; result: ChildResult }
  | { kind: 'capped'; reason: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string };

function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function dropScratch(pid: number): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TIANFU_SCALE_PG_URL ?? DEFAULT_PG_URL });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS tianfu_scale_${pid} CASCADE`);
  } catch {
    // unreachable server: nothing was created
  } finally {
    await client.end().catch(() => undefined);
  }
}

function runChild(
  system: string,
  common: string[],
  out: string,
  timeCapMs: number,
  memCapMb: number,
): Promise<Outcome> {
  return new Promise((resolvePromise) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${memCapMb}`,
        '--import',
        'tsx',
        join(here, 'scale', 'child.ts'),
        '--system',
        system,
        ...common,
        '--out',
        out,
      ],
      { stdio: ['ignore', 'inherit', 'pipe'] },
    );
    let stderr = '';
    let capped: string | undefined;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const kill = (why: string): void => {
      if (capped) return;
      capped = why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill(`time cap ${Math.round(timeCapMs / 60000)} min reached`), timeCapMs);
    let peak = 0;
    const poll = setInterval(() => {
      const rss = child.pid === undefined ? undefined : rssMb(child.pid);
      if (rss !== undefined) peak = Math.max(peak, rss);
      if (rss !== undefined && rss > memCapMb) kill(`memory cap ${memCapMb} MB reached`);
    }, 200);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      const done = async (): Promise<void> => {
        if (system === 'postgres' && code !== 0 && child.pid !== undefined) await dropScratch(child.pid);
        if (capped)
          return resolvePromise({ kind: 'capped', reason: `${capped} (RSS seen ${Math.round(peak)} MB)` });
        if (code === 3)
          return resolvePromise({ kind: 'skipped', reason: stderr.trim().split('\n').at(-1) ?? '' });
        if (code !== 0 || !existsSync(out)) {
          const msg = /out of memory|heap limit/i.test(stderr)
            ? `JavaScript heap limit (${memCapMb} MB) reached`
            : stderr.trim().split('\n').slice(-3).join(' | ') || `exit ${code ?? signal}`;
          return resolvePromise({ kind: 'failed', reason: msg });
        }
        resolvePromise({ kind: 'ok', result: JSON.parse(readFileSync(out, 'utf8')) as ChildResult });
      };
      void done();
    });
  });
}

async function main(): Promise<void> {
  const profiles = Number(arg('profiles', '10000'));
  const queries = Number(arg('queries', '500'));
  const seed = Number(arg('seed', '42'));
  const batch = arg('batch', '10000');
  const systems = arg('systems', ALL.join(',')).split(',');
  const timeCapMs = Number(arg('time-cap-min', '20')) * 60_000;
  const memCapMb = Number(arg('mem-cap-gb', '8')) * 1024;
  const queryBudgetS = arg('query-budget-s', '300');
  if (!Number.isInteger(profiles) || profiles < 1) throw new Error('--profiles must be a positive integer');
  const needs = generateNeeds(queries, seed);
  const byRegion = needs.filter((n) => n.filter.kind === 'region').length;
  console.log(
    `Scale benchmark: ${profiles.toLocaleString('en')} profiles, ${queries} needs (${byRegion} with a city filter, ` +
      `${queries - byRegion} with a discipline filter), top 20, seed ${seed}; one system at a time, ` +
      `caps ${timeCapMs / 60000} min / ${memCapMb} MB per system, query budget ${queryBudgetS} s`,
  );
  const load = (): string =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  console.log(
    `machine: ${cpus().length} CPUs, load average at start ${load()} (shared machine: timings are noisy when it is high)`,
  );
  // --results-dir keeps each system's raw result; with --reuse, a system whose result for the same
  // N / seed / needs already exists there is loaded instead of re-run (the data is deterministic),
  // so a long 1M comparison can be assembled from one-system-at-a-time runs.
  const keep = arg('results-dir', '');
  const reuse = process.argv.includes('--reuse');
  if (keep) mkdirSync(keep, { recursive: true });
  const dir = keep || mkdtempSync(join(tmpdir(), 'tianfu-scale-'));
  const common = [
    '--profiles',
    String(profiles),
    '--seed',
    String(seed),
    '--queries',
    String(queries),
    '--batch',
    batch,
    '--query-budget-s',
    queryBudgetS,
    '--own-exact-needs',
    arg('own-exact-needs', '100'),
  ];
  const outcomes = new Map<string, Outcome>();
  try {
    for (const s of systems) {
      const started = Date.now();
      console.log(`- ${s} …`);
      const file = join(dir, `${s}-n${profiles}-s${seed}-q${queries}.json`);
      const capFile = `${file}.outcome`;
      let o: Outcome;
      if (reuse && existsSync(file)) {
        o = { kind: 'ok', result: JSON.parse(readFileSync(file, 'utf8')) as ChildResult };
        console.log(`  ${s}: reused ${file}`);
      } else if (reuse && existsSync(capFile)) {
        o = JSON.parse(readFileSync(capFile, 'utf8')) as Outcome;
        console.log(`  ${s}: reused ${capFile}`);
      } else {
        o = await runChild(s, common, file, timeCapMs, memCapMb);
        if (keep && o.kind !== 'ok') writeFileSync(capFile, JSON.stringify(o));
      }
      outcomes.set(s, o);
      console.log(
        `  ${s}: ${o.kind}${o.kind === 'ok' ? '' : `: ${o.reason}`} (${((Date.now() - started) / 1000).toFixed(0)} s wall)`,
      );
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }

  const exact = outcomes.get('exact');
  const exactResults = exact?.kind === 'ok' ? exact.result.results : undefined;
  const rows: string[][] = [];
  const summary: Record<string, unknown> = {};
  for (const [s, o] of outcomes) {
    if (o.kind !== 'ok') {
      rows.push([s, o.kind, '', '', '', '', '', '', '', '', o.reason]);
      summary[s] = o;
      continue;
    }
    const r = o.result;
    const p50 = percentile(r.latenciesMs, 50);
    const p99 = percentile(r.latenciesMs, 99);
    const recall = exactResults ? meanRecall(r.results, exactResults) : Number.NaN;
    // Recall against an exhaustive scan of the system's own scoring: measured where the system
    // prunes (it provides its exhaustive mode), 1 by construction where it scores every match.
    const own = r.ownExact
      ? meanRecall(r.results, r.ownExact)
      : EXHAUSTIVE_BY_CONSTRUCTION.has(s)
        ? 1
        : Number.NaN;
    const ownNote = r.ownExact
      ? ` (${Object.keys(r.ownExact).length} needs)`
      : EXHAUSTIVE_BY_CONSTRUCTION.has(s)
        ? ' (by construction)'
        : '';
    const answered = r.latenciesMs.length;
    const facts = (
      answered < queries
        ? [
            `answered ${answered}/${queries} needs within the ${r.queryBudgetS ?? queryBudgetS} s query budget`,
          ]
        : []
    )
      .concat(
        Object.entries(r.facts).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en') : v}`),
      )
      .join(', ');
    const client = s === 'postgres' ? ' (client)' : '';
    rows.push([
      r.system,
      fmt(r.buildMs / 1000, 1),
      fmt(r.buildCpuMs / 1000, 1) + client,
      fmt(r.peakRssMb, 0) + client,
      fmt(p50, 2),
      fmt(p99, 2),
      fmt(percentile(r.cpuMs, 50), 2) + client,
      fmt(own, 3) + ownNote,
      fmt(recall, 3),
      fmt(r.generateMs / 1000, 1),
      facts,
    ]);
    summary[s] = {
      system: r.system,
      buildS: r.buildMs / 1000,
      peakRssMb: r.peakRssMb,
      p50Ms: p50,
      p99Ms: p99,
      p50CpuMs: percentile(r.cpuMs, 50),
      buildCpuS: r.buildCpuMs / 1000,
      answered,
      recallAt20: recall,
      recallOwnExact: own,
      facts: r.facts,
    };
  }
  console.log(
    `\nN = ${profiles.toLocaleString('en')} profiles, ${queries} needs, top 20 with filter; load average at end ${load()}\n`,
  );
  console.log(
    renderTable(
      [
        'system',
        'build s',
        'build CPU s',
        'peak RSS MB',
        'p50 ms',
        'p99 ms',
        'p50 CPU ms',
        'recall@20 own exact',
        'recall@20 vs BM25',
        'gen s (excl.)',
        'notes',
      ],
      rows,
    ),
  );
  console.log(
    "\nrecall@20 own exact: share of the top 20 of an exhaustive scan of the system's own scoring (same filter) that its\n" +
      'normal path returns (MiniSearch, PostgreSQL and the BM25 scan score every match: 1 by construction).\n' +
      "recall@20 vs BM25: share of the exact BM25 scan's top 20 that it returns (agreement with one common\n" +
      'reference scoring, which differs from the fused scoring of tianfu by design). See bench/README.md.',
  );

  const t = summary.tianfu as
    | {
        buildS: number;
        peakRssMb: number;
        p50Ms: number;
        p99Ms: number;
        recallAt20: number;
        recallOwnExact: number;
      }
    | undefined;
  if (t && typeof t.buildS === 'number') {
    type Peer = { system: string; p50Ms: number; recallAt20: number; recallOwnExact: number };
    const peers = ['minisearch', 'flexsearch', 'postgres']
      .map((s) => summary[s] as Partial<Peer> | undefined)
      .filter((p): p is Peer => typeof p?.p50Ms === 'number');
    const beats = peers
      .filter((p) => !(t.p50Ms < p.p50Ms && !(t.recallOwnExact < p.recallOwnExact - 0.005)))
      .map((p) => p.system);
    const beatsBm25 = peers
      .filter((p) => !(t.p50Ms < p.p50Ms && t.recallAt20 >= p.recallAt20 - 1e-9))
      .map((p) => p.system);
    const line = (ok: boolean, what: string): string => `  ${ok ? '✓' : '✗'} ${what}`;
    console.log('\nTargets (issue 3, stated for N = 1,000,000):');
    console.log(line(t.buildS <= 300, `build ≤ 5 min: ${fmt(t.buildS, 1)} s`));
    console.log(line(t.peakRssMb <= 2048, `peak RSS ≤ 2 GB: ${fmt(t.peakRssMb, 0)} MB`));
    console.log(line(t.p50Ms <= 20, `p50 ≤ 20 ms: ${fmt(t.p50Ms, 2)} ms`));
    console.log(line(t.p99Ms <= 100, `p99 ≤ 100 ms: ${fmt(t.p99Ms, 2)} ms`));
    console.log(
      line(
        beats.length === 0,
        `faster (p50) than every peer at equal or better recall vs own exact (within 0.005)${beats.length ? `; not vs ${beats.join(', ')}` : ''}`,
      ),
    );
    console.log(
      line(
        beatsBm25.length === 0,
        `faster (p50) than every peer at equal or better recall vs the BM25 scan${beatsBm25.length ? `; not vs ${beatsBm25.join(', ')}` : ''}`,
      ),
    );
  }
  const json = arg('json', '');
  if (json) writeFileSync(json, JSON.stringify({ profiles, queries, seed, systems: summary }, null, 2));
}

main().catch((e: unknown) => {
  console.error(`bench:scale: ${(e as Error).message}`);
  process.exitCode = 1;
});
