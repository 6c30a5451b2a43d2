/**
 * `MATCH_EMBEDDINGS`: the embedding provider the catalog index fuses into search and
 * recommendations (`@tianfu/match` `createEmbeddingFusion`). Off by default. A provider that
 * cannot be set up (model folder unreadable, optional package missing) is logged and the index
 * runs without it; one that fails later degrades each search to the plain engine result.
 * @module
 */
import {
  createOnnxEmbeddingProvider,
  OpenAiEmbeddingProvider,
  type EmbeddingFusionOptions,
  type EmbeddingProvider,
  type FusionLogger,
} from '@tianfu/match';
import type { AppConfig } from '../../config/index.ts';

/** A configured provider and the fusion options from configuration. */
export interface EmbeddingSetup {
  provider: EmbeddingProvider;
  options: EmbeddingFusionOptions;
}

/**
 * The provider named by `MATCH_EMBEDDINGS`, or null when off or when it cannot be loaded.
 * @example const setup = await embeddingProviderFromConfig(app.config, app.log);
 */
export async function embeddingProviderFromConfig(
  config: AppConfig,
  logger: FusionLogger & { error(details: Record<string, unknown>, message: string): void },
): Promise<EmbeddingSetup | null> {
  if (config.MATCH_EMBEDDINGS === 'off') return null;
  const options: EmbeddingFusionOptions = {
    weight: config.MATCH_EMBEDDINGS_WEIGHT,
    minSimilarity: config.MATCH_EMBEDDINGS_MIN_SIMILARITY,
    queryTimeoutMs: config.MATCH_EMBEDDINGS_TIMEOUT_MS,
    logger,
  };
  try {
    const provider =
      config.MATCH_EMBEDDINGS === 'onnx'
        ? await createOnnxEmbeddingProvider({ modelDir: config.MATCH_EMBEDDINGS_MODEL_DIR! })
        : // No probe request at start: the dimension is learnt from the first answer, so an
          // endpoint that is down at start-up does not hold the server back.
          new OpenAiEmbeddingProvider({
            baseUrl: config.MATCH_EMBEDDINGS_URL!,
            model: config.MATCH_EMBEDDINGS_MODEL!,
            apiKey: config.MATCH_EMBEDDINGS_API_KEY,
            maxRetries: 2,
            timeoutMs: 30_000,
          });
    return { provider, options };
  } catch (err) {
    logger.error(
      { err, provider: config.MATCH_EMBEDDINGS },
      'embedding provider could not be set up; search runs without embeddings',
    );
    return null;
  }
}
