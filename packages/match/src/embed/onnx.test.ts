import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOnnxEmbeddingProvider } from './onnx.ts';
import { EmbeddingError, type EmbeddingProvider } from './provider.ts';
import { writeTinyEmbeddingModel, type TinyModel } from './tiny-model.ts';

const root = mkdtempSync(join(tmpdir(), 'tianfu-onnx-'));
let model: TinyModel;
let provider: EmbeddingProvider;

/** What the model should produce, computed independently: masked mean of table rows, L2-normalised. */
function expected(tokens: string[]): number[] {
  const ids = ['[CLS]', ...tokens, '[SEP]'].map((t) => model.vocab.get(t) ?? model.vocab.get('[UNK]')!);
  const sum = new Array<number>(model.dim).fill(0);
  for (const id of ids) for (let d = 0; d < model.dim; d++) sum[d]! += model.table[id * model.dim + d]!;
  const mean = sum.map((x) => x / ids.length);
  const norm = Math.hypot(...mean);
  return mean.map((x) => x / norm);
}

beforeAll(async () => {
  model = writeTinyEmbeddingModel(join(root, 'tiny-bert'), [
    'rice',
    'breeding',
    'tea',
    'pest',
    'control',
    '水',
    '稻',
  ]);
  provider = await createOnnxEmbeddingProvider({ modelDir: model.dir });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('local ONNX embedding provider', () => {
  it('knows its dimensions and id after loading', () => {
    expect(provider.dimensions).toBe(4);
    expect(provider.id).toBe('onnx:tiny-bert');
  });

  it('embeds texts to the masked mean of their token vectors, normalised', async () => {
    const [a, b] = await provider.embed(['Rice breeding', 'tea pest control']);
    expect(Array.from(a!)).toEqual(expected(['rice', 'breeding']).map((x) => expect.closeTo(x, 5)));
    expect(Array.from(b!)).toEqual(expected(['tea', 'pest', 'control']).map((x) => expect.closeTo(x, 5)));
  });

  it('pads a batch of different lengths without changing each vector', async () => {
    const [alone] = await provider.embed(['rice']);
    const [inBatch] = await provider.embed(['rice', 'tea pest control rice breeding']);
    expect(Array.from(inBatch!)).toEqual(Array.from(alone!).map((x) => expect.closeTo(x, 5)));
  });

  it('splits Chinese characters, maps unknown words to [UNK] and survives odd input', async () => {
    const [zh] = await provider.embed(['水稻']);
    expect(Array.from(zh!)).toEqual(expected(['水', '稻']).map((x) => expect.closeTo(x, 5)));
    const odd = await provider.embed(['', '😀 <b>unknown</b>', 'rice '.repeat(5000)]);
    expect(odd).toHaveLength(3);
    for (const v of odd) {
      expect(v).toHaveLength(4);
      for (const x of v) expect(Number.isFinite(x)).toBe(true);
    }
  });

  it('explains a folder that is not a model', async () => {
    const broken = writeTinyEmbeddingModel(join(root, 'broken'), ['x']);
    unlinkSync(join(broken.dir, 'onnx', 'model.onnx'));
    await expect(createOnnxEmbeddingProvider({ modelDir: broken.dir })).rejects.toThrow(/onnx\/model\.onnx/);
    await expect(createOnnxEmbeddingProvider({ modelDir: join(root, 'missing') })).rejects.toBeInstanceOf(
      EmbeddingError,
    );
  });
});
