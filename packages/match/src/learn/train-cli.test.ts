import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSyntheticOutcomes } from './synthetic.ts';
import { runTrainCli, type CliIo } from './train-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tianfu-train-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s) };
}

const trueWeights = { lexical: 0.1, semantic: 0.6, discipline: 0.3 };
const currentWeights = { lexical: 1, semantic: 0.2, discipline: 0.2 };
const logPath = join(dir, 'outcomes.jsonl');
writeFileSync(
  logPath,
  generateSyntheticOutcomes({ trueWeights, currentWeights, queries: 400, seed: 5 })
    .map((e) => JSON.stringify(e))
    .join('\n') + '\n',
);
const weightsPath = join(dir, 'current.json');
writeFileSync(weightsPath, JSON.stringify({ ...currentWeights, embedding: 0 }));

describe('runTrainCli', () => {
  it('trains from a JSONL log, prints the held-back gain and writes the weights', async () => {
    const io = capture();
    const out = join(dir, 'weights.json');
    const code = await runTrainCli(
      ['match-train', '--log', logPath, '--weights', weightsPath, '--out', out, '--lang', 'en'],
      {},
      io,
    );
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/held-back slice \(\d+ queries/);
    expect(text).toMatch(/nDCG@10 +0\.\d{4} → 0\.\d{4} +\(gain \+0\.\d{4}\)/);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    // Parts never logged keep their current weight; learned ones favour the true leader.
    expect(written.weights.embedding).toBe(0);
    expect(written.weights.semantic).toBeGreaterThan(written.weights.discipline);
    expect(written.weights.discipline).toBeGreaterThan(written.weights.lexical);
    expect(written.gain.ndcg10).toBeGreaterThan(0);
  });

  it('starts from the host defaults or from equal weights', async () => {
    const io = capture();
    expect(await runTrainCli(['--log', logPath], { currentWeights }, io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/留出集/);
    const io2 = capture();
    expect(await runTrainCli(['--log', logPath, '--lang', 'en'], {}, io2)).toBe(0);
    expect(io2.stdout.join('\n')).toMatch(/semantic +1\.0000/);
  });

  it('names the file and line of a malformed log line and exits 1', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      readFileSync(logPath, 'utf8').split('\n').slice(0, 3).join('\n') + '\n<html>oops</html>\n',
    );
    const io = capture();
    expect(await runTrainCli(['--log', bad, '--lang', 'en'], {}, io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(`${bad}:4:`);
  });

  it('reports usage errors and missing files in the chosen language', async () => {
    const io = capture();
    expect(await runTrainCli([], {}, io)).toBe(2);
    expect(io.stderr[0]).toContain('缺少 --log');
    const io2 = capture();
    expect(await runTrainCli(['--log', join(dir, 'nope.jsonl'), '--lang', 'en'], {}, io2)).toBe(1);
    expect(io2.stderr[0]).toContain('cannot read file');
    const io3 = capture();
    expect(await runTrainCli(['--log', logPath, '--holdout', '2', '--lang', 'en'], {}, io3)).toBe(2);
    const io4 = capture();
    writeFileSync(join(dir, 'w.json'), '["x"]');
    expect(
      await runTrainCli(['--log', logPath, '--weights', join(dir, 'w.json'), '--lang', 'en'], {}, io4),
    ).toBe(2);
    expect(io4.stderr[0]).toContain('JSON object of numbers');
  });

  it('exits 1 when the log has nothing to learn from', async () => {
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const io = capture();
    expect(await runTrainCli(['--log', empty, '--lang', 'en'], {}, io)).toBe(1);
    expect(io.stderr[0]).toContain('cannot support training');
  });
});
