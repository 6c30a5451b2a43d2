/**
 * `tianfu match-run --corpus C --queries Q --top N --out RUN`: indexes the corpus, runs every
 * query and writes a TREC run (`qid Q0 docid rank score tianfu`). A query never returns its own id.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { createMatchEngine } from '../engine/engine.ts';
import type { MatchEntity, MatchQuery } from '../types.ts';
import { CliError, readEntities } from './jsonl.ts';

/** Parsed arguments of match-run. */
export interface MatchRunArgs {
  corpus: string;
  queries: string;
  top: number;
  out: string;
}

/** Parses `--name value` pairs. */
export function parseMatchRunArgs(argv: string[]): MatchRunArgs {
  const got: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) throw new CliError(`未知参数 / unexpected argument: ${a}`);
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CliError(`--${name} 需要一个值 / --${name} needs a value`);
    got[name] = value;
  }
  for (const k of ['corpus', 'queries', 'out'])
    if (!got[k])
      throw new CliError(
        `缺少 --${k} / missing --${k}\n用法 / usage: tianfu match-run --corpus C --queries Q --top N --out RUN`,
      );
  const top = got.top === undefined ? 100 : Number(got.top);
  if (!Number.isInteger(top) || top <= 0)
    throw new CliError(`--top 应为正整数 / --top must be a positive integer`);
  for (const k of Object.keys(got))
    if (!['corpus', 'queries', 'out', 'top'].includes(k))
      throw new CliError(`未知选项 / unknown option --${k}`);
  return { corpus: got.corpus as string, queries: got.queries as string, top, out: got.out as string };
}

/** Runs the command; returns a one-line summary for stderr. */
export function matchRun(args: MatchRunArgs): string {
  const corpus = readEntities(args.corpus, '语料 corpus') as unknown as MatchEntity[];
  const queries = readEntities(args.queries, '查询 queries') as unknown as MatchQuery[];
  const started = performance.now();
  const engine = createMatchEngine({ maxTop: Math.max(args.top, 1000) });
  engine.upsertMany(corpus);
  engine.train();
  const lines: string[] = [];
  // All queries are answered as one batch (the engine may fit its semantic model to their texts).
  const results = engine.searchBatch(
    queries.map((q) => ({ ...q, id: q.id, top: args.top, noExplain: true })),
  );
  queries.forEach((q, i) => {
    for (const h of results[i] ?? []) lines.push(`${q.id} Q0 ${h.id} ${h.rank} ${h.score.toFixed(6)} tianfu`);
  });
  try {
    writeFileSync(args.out, lines.length ? lines.join('\n') + '\n' : '');
  } catch (e) {
    throw new CliError(
      `无法写入 / cannot write ${args.out} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  return `tianfu match-run: ${corpus.length} entities, ${queries.length} queries, ${lines.length} lines → ${args.out} (${secs}s)`;
}
