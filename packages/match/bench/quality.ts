/**
 * `npm run bench:quality [-- --bench DIR] [--only TEXT] [--no-engine]`
 *
 * Runs every part under the bench folder (default `../shared/bench`, or `TIANFU_BENCH_DIR`) with
 * this engine (through the real `tianfu match-run` CLI) and the project's own BM25 and TF-IDF
 * baselines, computes every metric each task.json names, and prints per-part and per-task tables,
 * the reference numbers with ✓/✗ (±0.01), and the targets. Exits 1 when a baseline does not
 * reproduce its reference or the engine fails, so a harness regression cannot pass unnoticed.
 */
import { runBaseline } from './baselines/baselines.ts';
import {
  discoverParts,
  readJsonl,
  readQrels,
  resolveBenchDir,
  type BenchEntity,
  type BenchPart,
} from './lib/data.ts';
import { engineMode, runEngine, type EngineMode } from './lib/engine.ts';
import { fmt, renderTable } from './lib/table.ts';
import { evaluate, type Run } from './metrics.ts';

/** Reference numbers of the primary metric, from the bench README's table ("development parts"). */
const REFERENCE: Record<string, { bm25: number; tfidf: number }> = {
  'expert-match-en': { bm25: 0.359, tfidf: 0.273 },
  'discipline-route-zh': { bm25: 0.358, tfidf: 0.422 },
  'related-work-zh': { bm25: 0.365, tfidf: 0.393 },
};

/** Targets of the primary metric (issue 3). */
const TARGET: Record<string, number> = {
  'expert-match-en': 0.2,
  'discipline-route-zh': 0.52,
  'related-work-zh': 0.5,
};

const TOLERANCE = 0.01;
const SYSTEMS = ['tianfu', 'bm25', 'tfidf'] as const;
type System = (typeof SYSTEMS)[number];
const LABEL: Record<System, string> = { tianfu: 'tianfu', bm25: 'BM25', tfidf: 'TF-IDF' };

interface PartResult {
  part: BenchPart;
  scores: Partial<Record<System, Record<string, number>>>;
  engineSeconds?: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function runPart(part: BenchPart, mode: EngineMode | undefined): PartResult {
  const corpus = readJsonl<BenchEntity>(part.corpusPath);
  const queries = readJsonl<BenchEntity>(part.queriesPath);
  const qrels = readQrels(part.qrelsPath);
  const opts = { judgedOnly: part.task.judged_only, excludeSelf: part.task.exclude_self === true };
  const candidates = opts.judgedOnly
    ? new Map([...qrels].map(([q, m]) => [q, new Set(m.keys())] as const))
    : undefined;
  const result: PartResult = { part, scores: {} };
  for (const name of ['bm25', 'tfidf'] as const) {
    const run: Run = runBaseline(name, corpus, queries, {
      top: part.task.top,
      excludeSelf: opts.excludeSelf,
      candidates,
    });
    result.scores[name] = evaluate(run, qrels, part.task.metrics, opts);
  }
  if (mode) {
    const { run, seconds } = runEngine(part, mode);
    result.scores.tianfu = evaluate(run, qrels, part.task.metrics, opts);
    result.engineSeconds = seconds;
  }
  return result;
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

async function main(): Promise<void> {
  const benchDir = resolveBenchDir(process.argv);
  const only = arg('--only');
  const parts = discoverParts(benchDir).filter(
    (p) => !only || `${p.task.task}/${p.task.part}`.includes(only),
  );
  if (parts.length === 0) throw new Error(`no parts (task.json) found under ${benchDir}`);
  const picked = process.argv.includes('--no-engine')
    ? { reason: 'skipped (--no-engine)' }
    : await engineMode();
  const mode = 'mode' in picked ? picked.mode : undefined;
  console.log(`Quality benchmark: ${parts.length} parts under ${benchDir}`);
  console.log(
    'mode' in picked
      ? `engine: through its ${picked.mode === 'cli' ? 'CLI (npx tianfu match-run)' : 'API (createMatchEngine; the CLI is not installed yet)'}`
      : `engine: ${picked.reason}; baselines only`,
  );

  const results: PartResult[] = [];
  let failed = false;
  for (const part of parts) {
    try {
      results.push(runPart(part, mode));
    } catch (e) {
      failed = true;
      console.error(`${part.task.task}/${part.task.part}: ${(e as Error).message}`);
    }
  }

  const shown = SYSTEMS.filter((s) => results.some((r) => r.scores[s]));
  // Per part, every metric the task names.
  const partRows: string[][] = [];
  for (const r of results) {
    for (const m of r.part.task.metrics) {
      partRows.push([
        `${r.part.task.task}/${r.part.task.part}`,
        m + (m === r.part.task.primary ? ' *' : ''),
        ...shown.map((s) => fmt(r.scores[s]?.[m])),
      ]);
    }
    if (r.engineSeconds !== undefined) partRows.push(['', 'tianfu run time (s)', fmt(r.engineSeconds, 1)]);
  }
  console.log('\nPer part (* = primary metric)\n');
  console.log(renderTable(['part', 'metric', ...shown.map((s) => LABEL[s])], partRows));

  // Per task: mean over its parts of every metric; primary metric against references and targets.
  const tasks = [...new Set(results.map((r) => r.part.task.task))];
  const taskRows: string[][] = [];
  const summaryRows: string[][] = [];
  for (const task of tasks) {
    const rs = results.filter((r) => r.part.task.task === task);
    const spec = rs[0]!.part.task;
    const label = rs.length > 1 ? `${task} (mean of ${rs.length})` : task;
    const avg = (s: System, m: string): number | undefined =>
      rs.every((r) => r.scores[s]) ? mean(rs.map((r) => r.scores[s]![m]!)) : undefined;
    for (const m of spec.metrics) taskRows.push([label, m, ...shown.map((s) => fmt(avg(s, m)))]);
    const p = spec.primary;
    const check = (s: 'bm25' | 'tfidf'): string => {
      const ref = REFERENCE[task]?.[s];
      const got = avg(s, p);
      if (ref === undefined || got === undefined) return `${fmt(got)} (no ref)`;
      const ok = Math.abs(got - ref) <= TOLERANCE;
      if (!ok) failed = true;
      return `${fmt(got)} (ref ${fmt(ref)} ${ok ? '✓' : '✗'})`;
    };
    const target = TARGET[task];
    const engine = avg('tianfu', p);
    const meets =
      target === undefined || engine === undefined
        ? ''
        : (spec.lower_is_better ? engine <= target : engine >= target)
          ? ' ✓'
          : ' ✗';
    summaryRows.push([
      label,
      `${p} ${spec.lower_is_better ? '↓' : '↑'}`,
      fmt(engine) + meets,
      target === undefined ? '–' : `${spec.lower_is_better ? '≤' : '≥'} ${target.toFixed(2)}`,
      check('bm25'),
      check('tfidf'),
    ]);
  }
  console.log('\nPer task (mean over parts)\n');
  console.log(renderTable(['task', 'metric', ...shown.map((s) => LABEL[s])], taskRows));
  console.log(
    `\nPrimary metrics: engine vs target; baselines vs the bench README's reference (±${TOLERANCE})\n`,
  );
  console.log(renderTable(['task', 'primary', 'tianfu', 'target', 'BM25', 'TF-IDF'], summaryRows));
  if (failed) {
    console.error('\nFAILED: a baseline missed its reference or a run failed (see above).');
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(`bench:quality: ${(e as Error).message}`);
  process.exitCode = 1;
});
