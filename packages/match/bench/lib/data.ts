/**
 * Reading the development benchmark parts (`../shared/bench/<task>/<part>/`) exactly as the bench
 * README describes them. Nothing here is copied into the repository: the data is read in place.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One document of a multi-document entity. */
export interface BenchDoc {
  title?: string;
  text?: string;
}

/** A corpus entity or a query, as stored in `corpus.jsonl` / `queries.jsonl`. */
export interface BenchEntity {
  id: string;
  title?: string;
  text?: string;
  keywords?: string[];
  docs?: BenchDoc[];
}

/** The `task.json` of a part. */
export interface TaskSpec {
  task: string;
  part: string;
  judged_only: boolean;
  exclude_self?: boolean;
  metrics: string[];
  primary: string;
  lower_is_better: boolean;
  top: number;
}

/** query id → (doc id → grade). */
export type Qrels = Map<string, Map<string, number>>;

/** A discovered part folder. */
export interface BenchPart {
  dir: string;
  task: TaskSpec;
  corpusPath: string;
  queriesPath: string;
  qrelsPath: string;
}

/**
 * Where the bench lives: `--bench DIR`, else `TIANFU_BENCH_DIR`, else `../shared/bench` relative to
 * the repository root (the working directory `npm run` uses).
 */
export function resolveBenchDir(argv: string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf('--bench');
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1] as string);
  if (env.TIANFU_BENCH_DIR) return resolve(env.TIANFU_BENCH_DIR);
  return resolve('..', 'shared', 'bench');
}

/** Every folder under `root` (any depth ≤ 3) that holds a `task.json`, sorted by path. */
export function discoverParts(root: string): BenchPart[] {
  if (!existsSync(root))
    throw new Error(`bench folder not found: ${root} (use --bench DIR or TIANFU_BENCH_DIR)`);
  const parts: BenchPart[] = [];
  const walk = (dir: string, depth: number): void => {
    const taskFile = join(dir, 'task.json');
    if (existsSync(taskFile)) {
      const task = JSON.parse(readFileSync(taskFile, 'utf8')) as TaskSpec;
      parts.push({
        dir,
        task,
        corpusPath: join(dir, 'corpus.jsonl'),
        queriesPath: join(dir, 'queries.jsonl'),
        qrelsPath: join(dir, 'qrels.tsv'),
      });
      return;
    }
    if (depth >= 3) return;
    for (const name of readdirSync(dir).sort()) {
      const child = join(dir, name);
      if (statSync(child).isDirectory()) walk(child, depth + 1);
    }
  };
  walk(root, 0);
  return parts;
}

/** Parses a JSON-lines file, naming the file and line of a malformed line. */
export function readJsonl<T>(path: string): T[] {
  const out: T[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      throw new Error(`${path}:${i + 1}: malformed JSON line`);
    }
  });
  return out;
}

/** Parses `query_id<TAB>doc_id<TAB>grade`. */
export function readQrels(path: string): Qrels {
  const qrels: Qrels = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const [qid, docId, grade] = line.split('\t');
    if (qid === undefined || docId === undefined || grade === undefined) continue;
    let m = qrels.get(qid);
    if (!m) qrels.set(qid, (m = new Map()));
    m.set(docId, Number(grade));
  }
  return qrels;
}

/**
 * The entity's text as the README defines it for the baselines: title, text, keywords joined by
 * spaces, then each doc's title and text.
 */
export function entityText(e: BenchEntity): string {
  const parts: string[] = [e.title ?? '', e.text ?? '', ...(e.keywords ?? [])];
  for (const d of e.docs ?? []) parts.push(d.title ?? '', d.text ?? '');
  return parts.join(' ');
}
