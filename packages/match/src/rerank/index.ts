/**
 * Capacity- and exposure-aware re-ranking, with the simulation that tunes it.
 *
 * @module
 */
export { capacityFactor, type Capacity, type CapacityPolicy, type CapacityVerdict } from './capacity.ts';
export {
  ExposureLedger,
  positionWeight,
  type ExposureLedgerOptions,
  type ExposureLedgerState,
} from './exposure.ts';
export { gini } from './metrics.ts';
export { DEFAULT_EXPOSURE_STRENGTH, rerankHits, type RerankOptions, type RerankedHit } from './rerank.ts';
export {
  simulateExposure,
  type ArmResult,
  type SimulationOptions,
  type SimulationResult,
} from './simulate.ts';
