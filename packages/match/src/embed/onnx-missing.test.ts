import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeTinyEmbeddingModel } from './tiny-model.ts';

// This file pretends @huggingface/transformers is not installed (module factory throws on import).
vi.mock('@huggingface/transformers', () => {
  throw new Error("Cannot find package '@huggingface/transformers'");
});

const root = mkdtempSync(join(tmpdir(), 'tianfu-onnx-missing-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('without @huggingface/transformers', () => {
  it('the package still loads, and only creating a local ONNX provider fails, with a clear code', async () => {
    const match = await import('../index.ts');
    expect(typeof match.rerankHits).toBe('function');
    const model = writeTinyEmbeddingModel(join(root, 'tiny'), ['rice']);
    const err = await match.createOnnxEmbeddingProvider({ modelDir: model.dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(match.EmbeddingError);
    expect((err as InstanceType<typeof match.EmbeddingError>).code).toBe('unavailable');
    expect((err as Error).message).toMatch(/optional package @huggingface\/transformers/);
  });
});
