/**
 * The one benchmarked configuration. Every task of the quality benchmark runs with these values;
 * nothing depends on a task. Each value is explained in the package README.
 *
 * @module
 */
import type { FusionWeights } from '../types.ts';
import type { ScoringConfig } from './search.ts';
import { DEFAULT_FIELD_WEIGHTS } from './analyze.ts';

/** Fusion weights: text parts dominate; structured parts nudge (they are 0–1 features). */
export const DEFAULT_WEIGHTS: FusionWeights = {
  lexical: 0.35,
  semantic: 0.15,
  facet: 0.5,
  embedding: 0.3,
  concept: 0.2,
  discipline: 0.1,
  industry: 0.05,
  region: 0.05,
  budget: 0.05,
  capacity: 0.02,
  verified: 0.02,
  reputation: 0.03,
};

/** Scoring defaults. */
export const DEFAULT_SCORING: Omit<ScoringConfig, 'weights'> = {
  lexicalShare: 0.7,
  entityTopK: 3,
  queryTopK: 5,
  candidates: 200,
  exhaustiveBelow: 5000,
  prfDocs: 5,
  prfWeight: 0.5,
  neighbourK: 10,
  neighbourWeight: 0.5,
  neighbourConcept: 0.5,
  neighbourSteps: 10,
  coverageShare: 0,
  likelihoodShare: 1,
  dirichletLengths: 5,
  bodyAggShare: 0,
};

export { DEFAULT_FIELD_WEIGHTS };

/** Semantic dimension, training sample, randomized-SVD seed. */
export const DEFAULT_SEMANTIC = { dim: 128, maxTrainUnits: 30_000, seed: 20_191, sigmaExponent: 0 };
