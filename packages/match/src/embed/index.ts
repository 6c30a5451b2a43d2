/**
 * Pluggable embedding providers (off by default) and their fusion into the match score.
 *
 * @module
 */
export {
  EmbeddingError,
  MAX_EMBED_CHARS,
  cleanEmbeddingText,
  normalizeVector,
  type EmbeddingErrorCode,
  type EmbeddingProvider,
} from './provider.ts';
export {
  OpenAiEmbeddingProvider,
  createOpenAiEmbeddingProvider,
  type OpenAiEmbeddingOptions,
} from './openai.ts';
export { createOnnxEmbeddingProvider, type OnnxEmbeddingOptions } from './onnx.ts';
export { EmbeddingIndex, VectorStore, embeddingPart, entityText } from './fusion.ts';
export {
  createEmbeddingFusion,
  NEIGHBOUR_SCAN_LIMIT,
  type EmbeddingFusion,
  type EmbeddingFusionOptions,
  type EmbeddingFusionStats,
  type FusionLogger,
} from './fused-engine.ts';
export { encodeEmbeddingModel, writeTinyEmbeddingModel, type TinyModel } from './tiny-model.ts';
