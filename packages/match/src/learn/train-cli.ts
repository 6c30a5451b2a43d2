/**
 * `npx tianfu match-train --log FILE [--out weights.json]`: fits the fusion weights from an
 * outcome log (JSONL, one event per line) and reports the gain on a held-back slice.
 *
 * Options:
 *   --log FILE        outcome log (required)
 *   --out FILE        write `{ "weights": {...}, "heldOut": ..., "gain": ... }` here
 *   --weights FILE    current weights (a JSON object of numbers, or `{ "weights": {...} }`)
 *   --holdout SHARE   share of queries held back (default 0.2)
 *   --seed N          salt of the split (default 0)
 *   --epochs N        optimisation steps (default 400)
 *   --lang zh|en      message language (default zh, or TIANFU_LANG)
 *
 * Exit codes: 0 done, 1 bad data (malformed line — reported with file and line — or nothing
 * to learn from), 2 bad usage.
 *
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { buildTrainingSet } from './dataset.ts';
import type { OutcomeEvent } from './events.ts';
import { OutcomeLogLineError, readJsonlEvents } from './log.ts';
import { trainFusionWeights, TrainingDataError, type TrainReport } from './trainer.ts';

type Lang = 'zh' | 'en';

const MESSAGES = {
  usage: {
    zh: '用法: tianfu match-train --log 文件 [--out weights.json] [--weights 当前权重.json] [--holdout 0.2] [--seed N] [--epochs N] [--lang zh|en]',
    en: 'usage: tianfu match-train --log FILE [--out weights.json] [--weights current.json] [--holdout 0.2] [--seed N] [--epochs N] [--lang zh|en]',
  },
  missingLog: { zh: '缺少 --log 参数', en: 'missing --log' },
  unknownOption: { zh: '未知参数', en: 'unknown option' },
  needsValue: { zh: '需要一个值', en: 'needs a value' },
  badNumber: { zh: '必须是数字', en: 'must be a number' },
  badHoldout: { zh: '--holdout 必须在 0 与 1 之间', en: '--holdout must be between 0 and 1' },
  cannotRead: { zh: '无法读取文件', en: 'cannot read file' },
  badWeights: {
    zh: '权重文件必须是数字组成的 JSON 对象',
    en: 'the weights file must be a JSON object of numbers',
  },
  badLine: { zh: '日志格式错误', en: 'malformed log line' },
  noData: { zh: '日志不足以训练', en: 'the log cannot support training' },
  read: { zh: '读取事件', en: 'events read' },
  lists: { zh: '结果列表', en: 'result lists' },
  feature: { zh: '评分部分', en: 'part' },
  current: { zh: '当前', en: 'current' },
  learned: { zh: '学习后', en: 'learned' },
  heldOut: { zh: '留出集', en: 'held-back slice' },
  queries: { zh: '查询', en: 'queries' },
  pairs: { zh: '样本对', en: 'pairs' },
  gain: { zh: '提升', en: 'gain' },
  pairwise: { zh: '成对准确率', en: 'pairwise accuracy' },
  wrote: { zh: '已写入', en: 'wrote' },
} satisfies Record<string, Record<Lang, string>>;

/** Where the CLI writes (replaceable in tests). */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Extra inputs from the host CLI. */
export interface TrainCliDefaults {
  /** The engine's default fusion weights, used when `--weights` is not given. */
  currentWeights?: Record<string, number>;
}

class UsageError extends Error {}

interface Args {
  log?: string;
  out?: string;
  weights?: string;
  holdout: number;
  seed: number;
  epochs: number;
  lang: Lang;
}

function parseArgs(argv: readonly string[], lang: Lang): Args {
  const args: Args = { holdout: 0.2, seed: 0, epochs: 400, lang };
  const list = argv[0] === 'match-train' ? argv.slice(1) : argv;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const value = (): string => {
      const v = list[++i];
      if (v === undefined || v.startsWith('--'))
        throw new UsageError(`${a} ${MESSAGES.needsValue[args.lang]}`);
      return v;
    };
    const num = (): number => {
      const v = Number(value());
      if (!Number.isFinite(v)) throw new UsageError(`${a} ${MESSAGES.badNumber[args.lang]}`);
      return v;
    };
    if (a === '--log') args.log = value();
    else if (a === '--out') args.out = value();
    else if (a === '--weights') args.weights = value();
    else if (a === '--holdout') args.holdout = num();
    else if (a === '--seed') args.seed = num();
    else if (a === '--epochs') args.epochs = Math.max(1, Math.floor(num()));
    else if (a === '--lang') {
      const v = value();
      if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang: zh | en`);
      args.lang = v;
    } else if (a === '--help' || a === '-h') throw new UsageError('');
    else throw new UsageError(`${MESSAGES.unknownOption[args.lang]}: ${a}`);
  }
  if (!args.log) throw new UsageError(MESSAGES.missingLog[args.lang]);
  if (!(args.holdout > 0 && args.holdout < 1)) throw new UsageError(MESSAGES.badHoldout[args.lang]);
  return args;
}

async function readWeights(path: string, lang: Lang): Promise<Record<string, number>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`${MESSAGES.cannotRead[lang]} ${path}: ${(err as Error).message}`);
  }
  const obj =
    typeof parsed === 'object' && parsed !== null && 'weights' in parsed
      ? (parsed as { weights: unknown }).weights
      : parsed;
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
    throw new UsageError(MESSAGES.badWeights[lang]);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new UsageError(`${MESSAGES.badWeights[lang]} (${k})`);
    out[k] = v;
  }
  return out;
}

function printReport(report: TrainReport, events: number, io: CliIo, lang: Lang): void {
  const m = (k: keyof typeof MESSAGES) => MESSAGES[k][lang];
  io.out(`${m('read')}: ${events}, ${m('lists')}: ${report.train.queries + report.heldOut.current.queries}`);
  io.out('');
  const width = Math.max(12, ...report.features.map((f) => f.length));
  io.out(`${m('feature').padEnd(width)}  ${m('current').padStart(9)}  ${m('learned').padStart(9)}`);
  for (const f of report.features)
    io.out(
      `${f.padEnd(width)}  ${report.current[f]!.toFixed(4).padStart(9)}  ${report.learned[f]!.toFixed(4).padStart(9)}`,
    );
  const c = report.heldOut.current;
  const l = report.heldOut.learned;
  io.out('');
  io.out(`${m('heldOut')} (${c.queries} ${m('queries')}, ${c.pairs} ${m('pairs')}):`);
  io.out(
    `  nDCG@10            ${c.ndcg10.toFixed(4)} → ${l.ndcg10.toFixed(4)}  (${m('gain')} ${signed(report.gain.ndcg10)})`,
  );
  io.out(
    `  ${m('pairwise').padEnd(17)}  ${c.pairwiseAccuracy.toFixed(4)} → ${l.pairwiseAccuracy.toFixed(4)}  (${m('gain')} ${signed(report.gain.pairwiseAccuracy)})`,
  );
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
}

/**
 * Runs `match-train`; returns the exit code instead of exiting so the host CLI decides.
 *
 * @example
 * process.exitCode = await runTrainCli(['--log', 'outcomes.jsonl', '--out', 'weights.json']);
 */
export async function runTrainCli(
  argv: readonly string[],
  defaults: TrainCliDefaults = {},
  io: CliIo = { out: (s) => console.log(s), err: (s) => console.error(s) },
): Promise<number> {
  const envLang: Lang = (process.env.TIANFU_LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
  let args: Args;
  try {
    args = parseArgs(argv, envLang);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) io.err(`match-train: ${err.message}`);
    io.err(MESSAGES.usage[envLang]);
    return 2;
  }
  const { lang } = args;
  try {
    const currentWeights = args.weights
      ? await readWeights(args.weights, lang)
      : (defaults.currentWeights ?? {});
    const events: OutcomeEvent[] = [];
    for await (const ev of readJsonlEvents(args.log!)) events.push(ev);
    const queries = buildTrainingSet(events);
    // Without known weights every part starts equal.
    const start = Object.keys(currentWeights).length > 0 ? currentWeights : uniformWeights(queries);
    const report = trainFusionWeights(queries, {
      currentWeights: start,
      holdout: args.holdout,
      seed: args.seed,
      epochs: args.epochs,
    });
    printReport(report, events.length, io, lang);
    if (args.out) {
      const weights = { ...start, ...report.learned };
      const body = {
        weights,
        features: report.features,
        heldOut: report.heldOut,
        gain: report.gain,
        train: report.train,
      };
      await writeFile(args.out, JSON.stringify(body, null, 2) + '\n', 'utf8');
      io.out(`${MESSAGES.wrote[lang]} ${args.out}`);
    }
    return 0;
  } catch (err) {
    if (err instanceof OutcomeLogLineError) {
      io.err(`match-train: ${MESSAGES.badLine[lang]}: ${err.file}:${err.line}: ${err.reason}`);
      return 1;
    }
    if (err instanceof TrainingDataError) {
      io.err(`match-train: ${MESSAGES.noData[lang]}: ${err.message}`);
      return 1;
    }
    if (err instanceof UsageError) {
      io.err(`match-train: ${err.message}`);
      return 2;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.err(`match-train: ${MESSAGES.cannotRead[lang]}: ${(err as NodeJS.ErrnoException).path ?? args.log}`);
      return 1;
    }
    throw err;
  }
}

function uniformWeights(queries: ReturnType<typeof buildTrainingSet>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of queries) for (const it of q.items) for (const k of Object.keys(it.parts)) out[k] = 1;
  return out;
}
