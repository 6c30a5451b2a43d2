/**
 * Outcome logging and learning the fusion weights from outcomes.
 *
 * @module
 */
export {
  OUTCOME_TYPES,
  OutcomeFormatError,
  parseOutcomeEvent,
  type AcceptedEvent,
  type DealClosedEvent,
  type DismissedEvent,
  type InvitedEvent,
  type OutcomeEvent,
  type OutcomeType,
  type ShownEvent,
} from './events.ts';
export {
  JsonlOutcomeLog,
  MemoryOutcomeLog,
  OutcomeLogLineError,
  logShown,
  readJsonlEvents,
  type OutcomeLog,
} from './log.ts';
export {
  DEFAULT_GRADES,
  NEUTRAL_DISMISS_REASONS,
  buildTrainingSet,
  type DatasetOptions,
  type OutcomeGrades,
  type TrainingItem,
  type TrainingQuery,
} from './dataset.ts';
export {
  TrainingDataError,
  evaluateWeights,
  splitQueries,
  trainFusionWeights,
  type EvalFigures,
  type TrainOptions,
  type TrainReport,
} from './trainer.ts';
export { generateSyntheticOutcomes, type SyntheticOutcomeOptions } from './synthetic.ts';
export { runTrainCli, type CliIo, type TrainCliDefaults } from './train-cli.ts';
