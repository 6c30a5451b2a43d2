/**
 * Embedding provider for a local ONNX model directory, run by `@huggingface/transformers`
 * (onnxruntime-node on the CPU). Nothing is ever downloaded: remote models are switched off
 * and the model is read from disk.
 *
 * The directory is laid out as on the Hugging Face hub:
 *
 *   my-model/config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx
 *
 * The model must output `last_hidden_state` [batch, tokens, dim]; vectors are the
 * attention-masked mean over tokens, L2-normalised (the sentence-transformers recipe).
 *
 * `@huggingface/transformers` is imported lazily, only when such a provider is created, so
 * the engine runs without it installed.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { cleanEmbeddingText, EmbeddingError, type EmbeddingProvider } from './provider.ts';

/** Options of {@link createOnnxEmbeddingProvider}. */
export interface OnnxEmbeddingOptions {
  /** Folder holding config.json, tokenizer files and onnx/model.onnx. */
  modelDir: string;
  /** Pooling over tokens (default `mean`). */
  pooling?: 'mean' | 'cls';
  /** L2-normalise (default true). */
  normalize?: boolean;
  /** Texts per forward pass (default 16). */
  batchSize?: number;
  /** Weights variant: `fp32` reads onnx/model.onnx, `q8` onnx/model_quantized.onnx (default fp32). */
  dtype?: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';
}

interface TensorLike {
  dims: number[];
  data: ArrayLike<number>;
  dispose?: () => void;
}
type Extractor = ((
  texts: string[],
  options: { pooling: 'mean' | 'cls'; normalize: boolean },
) => Promise<TensorLike>) & {
  dispose?: () => Promise<void>;
};

/** Loads `@huggingface/transformers`, or explains how to get it. */
async function loadTransformers(): Promise<typeof import('@huggingface/transformers')> {
  try {
    return await import('@huggingface/transformers');
  } catch (err) {
    throw new EmbeddingError(
      'unavailable',
      'the local ONNX embedding provider needs the optional package @huggingface/transformers ' +
        '(npm install @huggingface/transformers); the engine works without it when no provider is configured',
      undefined,
      { cause: err },
    );
  }
}

// transformers.js keeps its model path in a process-wide `env`: load one model at a time.
let loading: Promise<unknown> = Promise.resolve();

/**
 * Loads a local ONNX model and returns a provider whose `dimensions` is already known.
 *
 * @example
 * const provider = await createOnnxEmbeddingProvider({ modelDir: '/srv/models/bge-small-zh' });
 * const [a, b] = await provider.embed(['水稻育种', '杂交稻']);
 */
export async function createOnnxEmbeddingProvider(options: OnnxEmbeddingOptions): Promise<EmbeddingProvider> {
  const dir = resolve(options.modelDir);
  for (const file of ['config.json', 'tokenizer.json'])
    if (!existsSync(join(dir, file)))
      throw new EmbeddingError('bad_config', `ONNX model folder ${dir} has no ${file}`);
  const dtype = options.dtype ?? 'fp32';
  const suffix = dtype === 'fp32' ? '' : dtype === 'q8' ? '_quantized' : `_${dtype}`;
  if (!existsSync(join(dir, 'onnx', `model${suffix}.onnx`)))
    throw new EmbeddingError('bad_config', `ONNX model folder ${dir} has no onnx/model${suffix}.onnx`);

  const tf = await loadTransformers();
  const load = loading.then(async () => {
    tf.env.allowRemoteModels = false;
    tf.env.allowLocalModels = true;
    tf.env.localModelPath = dirname(dir) + '/';
    try {
      return (await tf.pipeline('feature-extraction', basename(dir), {
        dtype,
        device: 'cpu',
        local_files_only: true,
      })) as unknown as Extractor;
    } catch (err) {
      throw new EmbeddingError(
        'model_error',
        `cannot load the ONNX model in ${dir}: ${(err as Error).message}`,
        undefined,
        {
          cause: err,
        },
      );
    }
  });
  loading = load.catch(() => undefined);
  const extractor = await load;

  const pooling = options.pooling ?? 'mean';
  const norm = options.normalize ?? true;
  const batch = Math.max(1, Math.floor(options.batchSize ?? 16));

  const run = async (texts: string[]): Promise<Float32Array[]> => {
    let out: TensorLike;
    try {
      out = await extractor(texts, { pooling, normalize: norm });
    } catch (err) {
      throw new EmbeddingError(
        'model_error',
        `ONNX model ${dir} failed: ${(err as Error).message}`,
        undefined,
        {
          cause: err,
        },
      );
    }
    const [rows, dim] = [out.dims[0] ?? 0, out.dims[out.dims.length - 1] ?? 0];
    const data = Float32Array.from(out.data);
    out.dispose?.();
    if (rows !== texts.length)
      throw new EmbeddingError(
        'model_error',
        `ONNX model ${dir} returned ${rows} vectors for ${texts.length} texts`,
      );
    return Array.from({ length: rows }, (_, i) => data.slice(i * dim, (i + 1) * dim));
  };

  const [probe] = await run(['dimension probe']);
  const dimensions = probe!.length;
  return {
    id: `onnx:${basename(dir)}`,
    dimensions,
    async embed(texts: readonly string[]): Promise<Float32Array[]> {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batch)
        out.push(...(await run(texts.slice(i, i + batch).map((t) => cleanEmbeddingText(t)))));
      return out;
    },
  };
}
