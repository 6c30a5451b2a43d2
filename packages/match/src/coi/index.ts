/**
 * Conflict-of-interest exclusion with recorded reasons.
 *
 * @module
 */
export {
  excludeConflicts,
  findConflicts,
  type CoiCandidate,
  type CoiOptions,
  type CoiReason,
  type CoiReasonCode,
  type CoiRequester,
  type CoiResult,
  type ExcludedHit,
} from './coi.ts';
export { CollaborationGraph } from './graph.ts';
