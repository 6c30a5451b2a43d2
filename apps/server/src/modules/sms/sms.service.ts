/**
 * The delivering sender: every message becomes a row of the delivery log before the provider is
 * called, keyed by its idempotency key, so a retried job or a double click never sends twice.
 *
 * States: a new key inserts a `queued` row and calls the provider → `sent` or `failed`.
 * The same key again: `sent` → returned as a duplicate (no call); `queued` → another attempt is in
 * flight or was interrupted mid-call, so it is NOT sent again (at most once beats a doubled
 * verification code); `failed` → taken back atomically and tried once more.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { normalizeMobile } from '@tianfu/contracts';
import type { Db } from '@tianfu/db';
import { maskPhone } from '../../http/mask.ts';
import { SmsDeliveryError } from './sms.errors.ts';
import { smsRepository, type SmsRow } from './sms.repository.ts';
import { getSmsTemplate, orderedParams, redactParams, renderSms } from './sms.templates.ts';
import type { SmsMessage, SmsSendResult, SmsSender, SmsTransport } from './sms.types.ts';

/** Inputs of {@link createDeliveringSender}. */
export interface DeliveringSenderOptions {
  db: Db;
  transport: SmsTransport;
  logger: Logger;
  /** Signature shown in the recorded text. */
  signName?: string;
  now?: () => Date;
}

/**
 * Wraps a provider transport with validation, rendering and the delivery log.
 * @example
 * const sms = createDeliveringSender({ db, transport: outboxTransport(logger), logger });
 * await sms.send({ to: '13800000001', template: 'otp', params: { code: '123456', minutes: '10' }, purpose: 'login' });
 */
export function createDeliveringSender(opts: DeliveringSenderOptions): SmsSender {
  const repo = smsRepository(opts.db);
  const now = opts.now ?? (() => new Date());
  const { transport, logger } = opts;
  // Only the outbox keeps one-time codes in the database: it is the delivery channel there.
  const keepSecrets = transport.provider === 'outbox';

  async function attempt(
    row: SmsRow,
    body: string,
    redactedBody: string,
    params: Record<string, string>,
  ): Promise<SmsSendResult> {
    try {
      const { providerMessageId } = await transport.deliver({
        id: row.id,
        phone: row.phone,
        template: row.templateCode,
        params,
        purpose: row.purpose,
        body,
        redactedBody,
      });
      await repo.markSent(row.id, providerMessageId, now());
      return { id: row.id, status: 'sent', duplicate: false };
    } catch (err) {
      const failure =
        err instanceof SmsDeliveryError
          ? err
          : new SmsDeliveryError('sms.unreachable', {
              providerMessage: (err as Error)?.message ?? null,
              cause: err,
            });
      await repo.markFailed(row.id, failure.describe());
      logger.warn(
        {
          sms: { id: row.id, provider: transport.provider, purpose: row.purpose, code: failure.code },
          phone: maskPhone(row.phone),
        },
        `SMS not delivered: ${failure.describe()}`,
      );
      throw failure;
    }
  }

  return {
    provider: transport.provider,
    async send(message: SmsMessage): Promise<SmsSendResult> {
      const phone = normalizeMobile(message.to);
      if (!phone) throw new SmsDeliveryError('sms.invalid_number');
      const template = getSmsTemplate(message.template);
      orderedParams(template, message.params); // all variables present, before anything is recorded
      const purpose = message.purpose ?? template.name;
      const idempotencyKey = message.idempotencyKey ?? `${purpose}:${randomUUID()}`;
      const body = renderSms(template, message.params, { locale: message.locale, signName: opts.signName });
      const redacted = redactParams(template, message.params);
      const redactedBody = renderSms(template, redacted, { locale: message.locale, signName: opts.signName });

      const created = await repo.claim({
        provider: transport.provider,
        phone,
        templateCode: template.name,
        params: keepSecrets ? message.params : redacted,
        body: keepSecrets ? body : redactedBody,
        purpose,
        idempotencyKey,
        createdAt: now(),
      });
      if (created) return attempt(created, body, redactedBody, message.params);

      const existing = await repo.findByKey(idempotencyKey);
      if (!existing)
        throw new SmsDeliveryError('sms.provider_error', { providerMessage: 'delivery-log row vanished' });
      if (existing.status === 'sent') return { id: existing.id, status: 'sent', duplicate: true };
      if (existing.status === 'queued') return { id: existing.id, status: 'queued', duplicate: true };
      const retried = await repo.reclaimFailed(existing.id);
      if (!retried) return { id: existing.id, status: 'queued', duplicate: true };
      return attempt(retried, body, redactedBody, message.params);
    },
  };
}
