/**
 * Delivery-log rows as administrators see them: the phone masked, the error reduced to its code.
 * @module
 */
import type { SmsOutboxEntry, SmsProvider } from '@tianfu/contracts';
import { maskPhone } from '../../http/mask.ts';
import type { SmsRow } from './sms.repository.ts';

/** One outbox entry. */
export function presentSmsMessage(row: SmsRow): SmsOutboxEntry {
  return {
    id: row.id,
    provider: row.provider as SmsProvider,
    phoneMasked: maskPhone(row.phone),
    template: row.templateCode,
    purpose: row.purpose,
    body: row.body,
    status: row.status,
    // The column holds `code (vendor detail)`; the page shows the stable code.
    errorCode: row.error ? (row.error.split(' ')[0] ?? null) : null,
    providerMessageId: row.providerMessageId,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  };
}
