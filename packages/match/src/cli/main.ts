/**
 * The `tianfu` command line. Sub-commands: `match-run` (TREC run for a corpus and queries) and
 * `match-train` (fits fusion weights from logged outcomes, see `learn/`).
 * Errors meant for the user are printed without a stack trace and exit non-zero.
 *
 * @module
 */
import { CliError } from './jsonl.ts';
import { matchRun, parseMatchRunArgs } from './match-run.ts';

const USAGE = `用法 / usage:
  tianfu match-run --corpus CORPUS.jsonl --queries QUERIES.jsonl --top N --out RUN.tsv
  tianfu match-train --log OUTCOMES.jsonl [--out weights.json]`;

/** Extra sub-commands registered by other modules (e.g. match-train). */
export const subcommands = new Map<string, (argv: string[]) => Promise<string | void> | string | void>();

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === 'match-run') {
      process.stderr.write(matchRun(parseMatchRunArgs(rest)) + '\n');
      return 0;
    }
    if (cmd === 'match-train') {
      const { runTrainCli } = await import('../learn/train-cli.ts');
      const { DEFAULT_WEIGHTS } = await import('../engine/defaults.ts');
      return await runTrainCli(rest, { currentWeights: { ...DEFAULT_WEIGHTS } });
    }
    const sub = cmd ? subcommands.get(cmd) : undefined;
    if (sub) {
      const msg = await sub(rest);
      if (msg) process.stderr.write(msg + '\n');
      return 0;
    }
    if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      process.stdout.write(USAGE + '\n');
      return cmd === undefined ? 2 : 0;
    }
    throw new CliError(`未知命令 / unknown command: ${cmd}\n${USAGE}`);
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`tianfu: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`tianfu: 内部错误 / internal error: ${(e as Error)?.message ?? String(e)}\n`);
    return 1;
  }
}
