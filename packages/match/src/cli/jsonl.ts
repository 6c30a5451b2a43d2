/**
 * Reading JSON-lines input for the CLI. A malformed line is reported with its file and line
 * number (1-based) as a `CliError`, never a stack trace.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

/** An error meant for the user: printed as is, exit code non-zero. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Parses a JSONL file of objects that have a string or number `id`. Blank lines are skipped. */
export function readEntities(path: string, what: string): Array<Record<string, unknown> & { id: string }> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(
      `无法读取${what}文件 / cannot read ${what} file: ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const out: Array<Record<string, unknown> & { id: string }> = [];
  const seen = new Set<string>();
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/^\uFEFF/, '').trim();
    if (line === '') continue;
    const where = `${path}:${i + 1}`;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      throw new CliError(`${where}: 不是有效的 JSON / not valid JSON (${(e as Error).message})`);
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj))
      throw new CliError(`${where}: 应为 JSON 对象 / expected a JSON object`);
    const rec = obj as Record<string, unknown>;
    const id = rec.id;
    if ((typeof id !== 'string' && typeof id !== 'number') || String(id).length === 0)
      throw new CliError(`${where}: 缺少 "id" 字段 / missing "id" (string or number)`);
    const sid = String(id);
    if (/\s/.test(sid)) throw new CliError(`${where}: "id" 不能包含空白 / "id" must not contain whitespace`);
    if (seen.has(sid)) throw new CliError(`${where}: 重复的 id / duplicate id "${sid}"`);
    seen.add(sid);
    for (const key of ['title', 'text'] as const)
      if (rec[key] !== undefined && rec[key] !== null && typeof rec[key] !== 'string')
        throw new CliError(`${where}: "${key}" 应为字符串 / "${key}" must be a string`);
    if (rec.docs !== undefined && !Array.isArray(rec.docs))
      throw new CliError(`${where}: "docs" 应为数组 / "docs" must be an array`);
    if (rec.keywords !== undefined && !Array.isArray(rec.keywords))
      throw new CliError(`${where}: "keywords" 应为数组 / "keywords" must be an array`);
    out.push({ ...rec, id: sid });
  }
  return out;
}
