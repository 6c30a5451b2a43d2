/**
 * One system of the scale benchmark in its own process, so its peak RSS is its own.
 * Usage (spawned by scale.ts): node --import tsx child.ts --system NAME --profiles N --seed S
 *   --queries Q --k 20 --batch B --out FILE
 * Writes a JSON result to FILE; exits 3 when the system is unavailable (e.g. no PostgreSQL).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { generateNeeds, generateProfiles, type ScaleProfile } from './generate.ts';
import type { ScaleSystem } from './system.ts';

/** What a child reports back. */
export interface ChildResult {
  system: string;
  profiles: number;
  buildMs: number;
  /** CPU time (user + system) of this process during the build: robust to a busy machine. */
  buildCpuMs: number;
  generateMs: number;
  peakRssMb: number;
  latenciesMs: number[];
  /** CPU time of this process per query (for PostgreSQL only the client's share). */
  cpuMs: number[];
  results: Record<string, string[]>;
  /** The query budget this child ran with (s). */
  queryBudgetS?: number;
  /** The system's own exhaustive top k for the first needs (systems with `searchExhaustive`). */
  ownExact?: Record<string, string[]>;
  facts: Record<string, string | number>;
}

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`missing --${name}`);
  return v;
}

/** Peak resident set size of this process in MB (VmHWM; resourceUsage as a fallback). */
export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}

async function create(name: string): Promise<ScaleSystem> {
  switch (name) {
    case 'exact':
      return (await import('./systems/exact.ts')).createExact();
    case 'tianfu':
      return (await import('./systems/tianfu.ts')).createTianfu();
    case 'minisearch':
      return (await import('./systems/minisearch.ts')).createMiniSearch();
    case 'flexsearch':
      return (await import('./systems/flexsearch.ts')).createFlexSearch();
    case 'postgres':
      return (await import('./systems/postgres.ts')).createPostgres();
    default:
      throw new Error(`unknown system ${name}`);
  }
}

async function main(): Promise<void> {
  const name = arg('system');
  const n = Number(arg('profiles'));
  const seed = Number(arg('seed', '42'));
  const q = Number(arg('queries', '500'));
  const k = Number(arg('k', '20'));
  const batchSize = Number(arg('batch', '10000'));
  const out = arg('out');
  const queryBudgetMs = Number(arg('query-budget-s', '300')) * 1000;

  let sys: ScaleSystem;
  try {
    sys = await create(name);
  } catch (e) {
    process.stderr.write(`${name}: unavailable: ${(e as Error).message}\n`);
    process.exit(3);
  }
  try {
    let buildMs = 0;
    let buildCpuUs = 0;
    let generateMs = 0;
    let batch: ScaleProfile[] = [];
    let t = performance.now();
    const flush = async (): Promise<void> => {
      const g = performance.now();
      generateMs += g - t;
      const c = process.cpuUsage();
      await sys.add(batch);
      const dc = process.cpuUsage(c);
      buildCpuUs += dc.user + dc.system;
      t = performance.now();
      buildMs += t - g;
      batch = [];
    };
    let done = 0;
    for (const p of generateProfiles(n, seed)) {
      batch.push(p);
      if (batch.length === batchSize) {
        await flush();
        done += batchSize;
        if (done % 100_000 === 0)
          process.stdout.write(`  ${sys.name}: ${done.toLocaleString('en')} profiles added\n`);
      }
    }
    if (batch.length > 0) await flush();
    const f = performance.now();
    const fc = process.cpuUsage();
    await sys.finish?.();
    const dfc = process.cpuUsage(fc);
    buildCpuUs += dfc.user + dfc.system;
    buildMs += performance.now() - f;

    // Warm-up needs (a different seed) so JIT and caches do not land in the measured latencies.
    for (const need of generateNeeds(20, seed + 7777)) await sys.search(need, k);
    const latenciesMs: number[] = [];
    const cpuMs: number[] = [];
    const results: Record<string, string[]> = {};
    const queryStart = performance.now();
    for (const need of generateNeeds(q, seed)) {
      // A very slow system answers only the needs that fit in the budget (reported as such).
      if (performance.now() - queryStart > queryBudgetMs) break;
      const c = process.cpuUsage();
      const s = performance.now();
      results[need.id] = await sys.search(need, k);
      latenciesMs.push(performance.now() - s);
      const dc = process.cpuUsage(c);
      cpuMs.push((dc.user + dc.system) / 1000);
    }
    // Peak RSS of build + queries, read before the (untimed) exhaustive reference scan below.
    const peak = peakRssMb();
    // The system's own exhaustive scoring for the first needs (after timing, not timed).
    let ownExact: Record<string, string[]> | undefined;
    if (sys.searchExhaustive) {
      ownExact = {};
      const limit = Number(arg('own-exact-needs', '100'));
      const started = performance.now();
      for (const need of generateNeeds(q, seed).slice(0, limit)) {
        if (!(need.id in results) || performance.now() - started > queryBudgetMs) break;
        ownExact[need.id] = await sys.searchExhaustive(need, k);
      }
    }
    const facts = (await sys.facts?.()) ?? {};
    const result: ChildResult = {
      system: sys.name,
      profiles: n,
      buildMs,
      buildCpuMs: buildCpuUs / 1000,
      generateMs,
      peakRssMb: peak,
      latenciesMs,
      cpuMs,
      results,
      queryBudgetS: queryBudgetMs / 1000,
      ...(ownExact ? { ownExact } : {}),
      facts,
    };
    writeFileSync(out, JSON.stringify(result));
  } finally {
    await sys.close?.();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
