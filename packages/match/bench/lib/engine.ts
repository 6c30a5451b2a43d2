/**
 * Runs this project's engine on a part through its public CLI, exactly as an outside evaluator
 * would: `npx tianfu match-run --corpus C --queries Q --top N --out RUN`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Run } from '../metrics.ts';
import type { BenchPart } from './data.ts';
import { readTrecRun } from './trec.ts';

/** Why the engine could not be run, or undefined when it can. */
export function engineUnavailable(): string | undefined {
  if (!existsSync(resolve('node_modules', '.bin', 'tianfu')))
    return 'the `tianfu` CLI is not installed yet (node_modules/.bin/tianfu missing)';
  return undefined;
}

/** Result of one engine run on one part. */
export interface EngineRun {
  run: Run;
  seconds: number;
}

/** Runs the CLI into a temporary folder and reads the run back; throws with the CLI's stderr. */
export function runEngine(part: BenchPart): EngineRun {
  const dir = mkdtempSync(join(tmpdir(), 'tianfu-quality-'));
  try {
    const out = join(dir, 'run.tsv');
    const started = performance.now();
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
    const seconds = (performance.now() - started) / 1000;
    if (res.status !== 0) {
      throw new Error(
        `tianfu match-run exited ${res.status ?? res.signal}: ${(res.stderr || res.stdout).trim().slice(-2000)}`,
      );
    }
    return { run: readTrecRun(out), seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
