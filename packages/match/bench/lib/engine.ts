/**
 * Runs this project's engine on a part. Preferred: through its public CLI, exactly as an outside
 * evaluator would (`npx tianfu match-run --corpus C --queries Q --top N --out RUN`). While the CLI
 * does not exist yet, the same thing through the public API (`createMatchEngine`), in process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MatchEngine, MatchEngineOptions } from '../../src/types.ts';
import type { RankedDoc, Run } from '../metrics.ts';
import { readJsonl, type BenchEntity, type BenchPart } from './data.ts';
import { readTrecRun } from './trec.ts';

/** How the engine will be run. */
export type EngineMode = 'cli' | 'api';

type Factory = (o?: MatchEngineOptions) => MatchEngine;

let factory: Factory | undefined;

/** Picks the CLI when installed, else the API; returns a reason when neither exists. */
export async function engineMode(): Promise<{ mode: EngineMode } | { reason: string }> {
  if (existsSync(resolve('node_modules', '.bin', 'tianfu'))) return { mode: 'cli' };
  try {
    const mod = (await import('../../src/index.ts')) as { createMatchEngine?: Factory };
    if (typeof mod.createMatchEngine === 'function') {
      factory = mod.createMatchEngine;
      return { mode: 'api' };
    }
  } catch (e) {
    return { reason: `packages/match failed to load: ${(e as Error).message}` };
  }
  return { reason: 'neither the `tianfu` CLI (node_modules/.bin/tianfu) nor createMatchEngine exists yet' };
}

/** Result of one engine run on one part. */
export interface EngineRun {
  run: Run;
  seconds: number;
}

function runCli(part: BenchPart): Run {
  const dir = mkdtempSync(join(tmpdir(), 'tianfu-quality-'));
  try {
    const out = join(dir, 'run.tsv');
    // `--no` makes npx refuse to fetch anything from the registry: only the local bin may run.
    const res = spawnSync(
      'npx',
      [
        '--no',
        'tianfu',
        'match-run',
        '--corpus',
        part.corpusPath,
        '--queries',
        part.queriesPath,
        '--top',
        String(part.task.top),
        '--out',
        out,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
    );
    if (res.status !== 0) {
      throw new Error(
        `tianfu match-run exited ${res.status ?? res.signal}: ${(res.stderr || res.stdout).trim().slice(-2000)}`,
      );
    }
    return readTrecRun(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The API path: the same inputs the CLI gets (corpus, queries with ids, top), nothing else. */
function runApi(part: BenchPart): Run {
  const engine = factory!();
  const corpus = readJsonl<BenchEntity>(part.corpusPath);
  engine.upsertMany(
    corpus.map((e) => ({
      id: e.id,
      title: e.title,
      text: e.text,
      keywords: e.keywords,
      docs: e.docs?.map((d) => ({ title: d.title, text: d.text ?? '' })),
    })),
  );
  const run: Run = new Map();
  for (const q of readJsonl<BenchEntity>(part.queriesPath)) {
    const hits = engine.search({
      id: q.id,
      title: q.title,
      text: q.text,
      keywords: q.keywords,
      docs: q.docs?.map((d) => ({ title: d.title, text: d.text ?? '' })),
      top: part.task.top,
      noExplain: true,
    });
    run.set(
      q.id,
      hits.map((h): RankedDoc => ({ docId: h.id, score: h.score })),
    );
  }
  return run;
}

/** Runs the engine on a part in the given mode. */
export function runEngine(part: BenchPart, mode: EngineMode): EngineRun {
  const started = performance.now();
  const run = mode === 'cli' ? runCli(part) : runApi(part);
  return { run, seconds: (performance.now() - started) / 1000 };
}
