import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';

let dir: string;
let stderr: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tianfu-cli-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('tianfu match-run', () => {
  it('writes a TREC run, never returning the query itself', async () => {
    const corpus = join(dir, 'c.jsonl');
    const queries = join(dir, 'q.jsonl');
    const out = join(dir, 'run.tsv');
    writeFileSync(
      corpus,
      jsonl([
        { id: 'a', title: '水稻育种', text: '杂交水稻高产' },
        { id: 'b', title: '猕猴桃', text: '猕猴桃溃疡病防治' },
        {
          id: 'c',
          title: 'Deep learning',
          docs: [{ title: 'Neural networks', text: 'convolutional networks for images' }],
        },
      ]),
    );
    writeFileSync(
      queries,
      jsonl([
        { id: 'a', text: '水稻 高产 育种' },
        { id: 'q2', docs: [{ text: 'image networks' }] },
      ]),
    );
    const code = await main([
      'match-run',
      '--corpus',
      corpus,
      '--queries',
      queries,
      '--top',
      '2',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    for (const l of lines) expect(l).toMatch(/^\S+ Q0 \S+ [12] -?\d+\.\d+ tianfu$/);
    expect(lines.some((l) => l.startsWith('a Q0 a '))).toBe(false);
    expect(lines.find((l) => l.startsWith('q2 '))).toMatch(/^q2 Q0 c 1 /);
  });

  it('reports a malformed line with file and line number and exits non-zero', async () => {
    const corpus = join(dir, 'c.jsonl');
    writeFileSync(corpus, '{"id":"a","text":"x"}\n\n{"id": oops}\n');
    const code = await main([
      'match-run',
      '--corpus',
      corpus,
      '--queries',
      corpus,
      '--top',
      '5',
      '--out',
      join(dir, 'r'),
    ]);
    expect(code).not.toBe(0);
    expect(stderr).toContain(`${corpus}:3`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects missing options and unknown commands', async () => {
    expect(await main(['match-run', '--corpus', 'x'])).toBe(2);
    expect(stderr).toContain('--queries');
    expect(await main(['nope'])).toBe(2);
  });
});
