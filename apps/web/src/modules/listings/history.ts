import type { MessageKey } from '../../i18n/messages';

/** Fields whose change the history names in words (everything an editor can change). */
export const HISTORY_FIELDS = [
  'kind',
  'title',
  'summary',
  'description',
  'confidential',
  'keywords',
  'disciplines',
  'industries',
  'budgetMin',
  'budgetMax',
  'deadline',
  'regionCode',
  'deliveryMode',
  'priceType',
  'price',
  'durationDays',
  'abstract',
  'maturity',
  'ip',
  'transferModes',
  'askingPrice',
  'reservePrice',
  'externalId',
] as const;

const FIELDS = new Set<string>(HISTORY_FIELDS);

/** The label key of a changed field, or null (then the raw field name shows). */
export function historyFieldKey(field: string): MessageKey | null {
  return FIELDS.has(field) ? (`history.field.${field}` as MessageKey) : null;
}

/** Reasons the server writes as codes (everything else is text an officer or author typed). */
const REASON_CODES = new Set(['auto_publish', 'edited', 'account_deleted']);

/** The label key of a coded status-event reason, or null for free text. */
export function historyReasonKey(reason: string): MessageKey | null {
  return REASON_CODES.has(reason) ? (`history.reasonCode.${reason}` as MessageKey) : null;
}
