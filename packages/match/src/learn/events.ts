/**
 * Outcome events: what happened after a match was shown. They are the training signal for
 * the fusion weights (see trainer.ts) and the audit trail of recommendations.
 *
 * @module
 */

/** Kinds of outcome, from weakest to strongest signal (plus the explicit negative). */
export type OutcomeType = 'shown' | 'invited' | 'accepted' | 'deal_closed' | 'dismissed';

export const OUTCOME_TYPES: readonly OutcomeType[] = [
  'shown',
  'invited',
  'accepted',
  'deal_closed',
  'dismissed',
];

interface OutcomeBase {
  /** Identifies one result list (a search), shared by all its events. */
  queryId: string;
  /** The entity the event is about (the scientist, service, result… that was matched). */
  entityId: string;
  /** ISO-8601 time. */
  at: string;
}

/** A hit was displayed; carries what the trainer learns from: the score parts. */
export interface ShownEvent extends OutcomeBase {
  type: 'shown';
  /** 1-based position in the list. */
  rank: number;
  /** `explanation.parts` of the hit: score components before fusion weights. */
  parts: Record<string, number>;
  /** The fused score as shown (optional, for audit). */
  score?: number;
}

/** The requester invited the entity (to talk, to bid, to a project). */
export interface InvitedEvent extends OutcomeBase {
  type: 'invited';
}

/** The entity accepted the invitation. */
export interface AcceptedEvent extends OutcomeBase {
  type: 'accepted';
}

/** A deal (contract, order) was closed with the entity. */
export interface DealClosedEvent extends OutcomeBase {
  type: 'deal_closed';
}

/** The requester dismissed the entity; `reason` is a stable code (e.g. `not_relevant`, `too_far`). */
export interface DismissedEvent extends OutcomeBase {
  type: 'dismissed';
  reason: string;
}

/** Any outcome event. */
export type OutcomeEvent = ShownEvent | InvitedEvent | AcceptedEvent | DealClosedEvent | DismissedEvent;

/** Raised for an event that does not have the documented shape. */
export class OutcomeFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutcomeFormatError';
  }
}

const MAX_ID = 512;

function text(obj: Record<string, unknown>, key: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v.length === 0)
    throw new OutcomeFormatError(`"${key}" must be a non-empty string`);
  if (v.length > MAX_ID) throw new OutcomeFormatError(`"${key}" is longer than ${MAX_ID} characters`);
  return v;
}

/**
 * Validates an untrusted value (e.g. a parsed JSONL line) as an outcome event.
 * Unknown keys are dropped; `at` defaults to nothing but must parse as a date when given.
 *
 * @example
 * parseOutcomeEvent({ type: 'invited', queryId: 'q1', entityId: 's1', at: '2026-01-01T00:00:00Z' });
 */
export function parseOutcomeEvent(value: unknown): OutcomeEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new OutcomeFormatError('an event must be a JSON object');
  const obj = value as Record<string, unknown>;
  const type = obj.type;
  if (typeof type !== 'string' || !OUTCOME_TYPES.includes(type as OutcomeType))
    throw new OutcomeFormatError(`"type" must be one of ${OUTCOME_TYPES.join(', ')}`);
  const base = { queryId: text(obj, 'queryId'), entityId: text(obj, 'entityId'), at: text(obj, 'at') };
  if (Number.isNaN(Date.parse(base.at))) throw new OutcomeFormatError('"at" must be an ISO-8601 date');
  switch (type as OutcomeType) {
    case 'shown': {
      const rank = obj.rank;
      if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 1)
        throw new OutcomeFormatError('"rank" must be an integer ≥ 1');
      const rawParts = obj.parts;
      if (typeof rawParts !== 'object' || rawParts === null || Array.isArray(rawParts))
        throw new OutcomeFormatError('"parts" must be an object of numbers');
      const parts: Record<string, number> = {};
      for (const [k, v] of Object.entries(rawParts as Record<string, unknown>)) {
        if (typeof v !== 'number' || !Number.isFinite(v))
          throw new OutcomeFormatError(`"parts.${k}" must be a finite number`);
        parts[k] = v;
      }
      const event: ShownEvent = { type: 'shown', ...base, rank, parts };
      if (typeof obj.score === 'number' && Number.isFinite(obj.score)) event.score = obj.score;
      return event;
    }
    case 'dismissed':
      return { type: 'dismissed', ...base, reason: text(obj, 'reason') };
    case 'invited':
      return { type: 'invited', ...base };
    case 'accepted':
      return { type: 'accepted', ...base };
    case 'deal_closed':
      return { type: 'deal_closed', ...base };
  }
}
