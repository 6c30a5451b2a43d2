/**
 * The SMS channel's public types: what callers send ({@link SmsMessage}), what they get back
 * ({@link SmsSendResult}), and the provider seam ({@link SmsTransport}) the adapters implement.
 * @module
 */
import type { Locale } from '../../i18n/locale.ts';

/** Adapters the platform ships. */
export type SmsProviderName = 'outbox' | 'aliyun' | 'tencent';

/**
 * One message to send. Field names match `SmsSender` in app-deps.ts (`to`, `template`, `params`),
 * so every caller of `app.deps.sms` can pass the optional fields too.
 */
export interface SmsMessage {
  /** Mainland mobile number; any accepted spelling (`+86 138…`), stored in the 11-digit form. */
  to: string;
  /** Logical template name (see sms.templates.ts), e.g. `otp`. */
  template: string;
  /** Values for the template's variables, e.g. `{ code: '123456', minutes: '10' }`. */
  params: Record<string, string>;
  /** What the message is for (`register`, `login`, …); shown and filterable in the outbox. Default: the template name. */
  purpose?: string;
  /**
   * Delivery-log key: a second send with the same key never reaches the provider again, it returns
   * the first attempt's row. Default: a fresh random key (each call is a new message).
   */
  idempotencyKey?: string;
  /** Language of the text recorded in the outbox (providers render their own registered template). Default zh-CN. */
  locale?: Locale;
}

/** Outcome of {@link SmsSender.send}. */
export interface SmsSendResult {
  /** Delivery-log row id. */
  id: string;
  /** `sent`, or `queued` when another attempt with the same key is still in flight. */
  status: 'queued' | 'sent';
  /** True when the key had been used before and nothing new was sent. */
  duplicate: boolean;
}

/** Sends SMS through one provider, recording every attempt in `sms_messages`. */
export interface SmsSender {
  readonly provider: SmsProviderName;
  /**
   * Sends (at most once per idempotency key).
   * @throws SmsDeliveryError when the provider refuses or cannot be reached (the row is marked `failed`)
   */
  send(message: SmsMessage): Promise<SmsSendResult>;
}

/** A message ready for a provider: normalized number, resolved template, rendered text. */
export interface OutgoingSms {
  /** Delivery-log row id (providers may echo it back, e.g. Aliyun OutId / Tencent SessionContext). */
  id: string;
  /** 11-digit national number. */
  phone: string;
  template: string;
  params: Record<string, string>;
  purpose: string;
  /** The text with signature, as the recipient would read it. */
  body: string;
  /** The same text with secret variables (one-time codes) masked, for logs outside development. */
  redactedBody: string;
}

/** What a provider adapter does: one HTTP call (or, for the outbox, one log line). */
export interface SmsTransport {
  readonly provider: SmsProviderName;
  /**
   * Hands the message to the provider.
   * @returns the provider's message id (Aliyun BizId, Tencent SerialNo), when it gives one
   * @throws SmsDeliveryError with a stable code
   */
  deliver(message: OutgoingSms): Promise<{ providerMessageId: string | null }>;
}
