/**
 * SMS delivery log / outbox (`GET /api/admin/sms-outbox`, administrators only).
 *
 * Every SMS the platform sends — through the development `outbox` adapter or a real provider
 * (Aliyun, Tencent Cloud) — is one row of the delivery log. With the outbox adapter the row is
 * the message itself: administrators (and the e2e tests) read one-time codes from here.
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from './common.ts';
import { Mobile } from './auth.ts';

/** Which adapter handled a message. */
export const SmsProvider = z.enum(['outbox', 'aliyun', 'tencent']);
export type SmsProvider = z.infer<typeof SmsProvider>;

/** `queued` = claimed, send in progress (or interrupted); `sent` = accepted by the provider; `failed` = refused. */
export const SmsStatus = z.enum(['queued', 'sent', 'failed']);
export type SmsStatus = z.infer<typeof SmsStatus>;

/** Filters for the outbox list; all optional, combined with AND. Newest first. */
export const SmsOutboxQuery = PaginationQuery.extend({
  /** Full mobile number (any accepted spelling, e.g. `+86 138 0000 0001`). */
  phone: Mobile.optional(),
  /** What the message was for: `register`, `login`, `verify_phone`, … */
  purpose: z.string().trim().min(1).max(64).optional(),
  status: SmsStatus.optional(),
  provider: SmsProvider.optional(),
});
export type SmsOutboxQuery = z.infer<typeof SmsOutboxQuery>;

/** One delivery-log row as administrators see it. The phone is masked; the text is shown in full. */
export const SmsOutboxEntry = z.object({
  id: z.string(),
  provider: SmsProvider,
  phoneMasked: z.string(),
  /** Logical template (`otp`, …). */
  template: z.string(),
  purpose: z.string(),
  /** The rendered text (zh-CN or en), e.g. `【天府科技云】您的验证码是 123456，10 分钟内有效。` */
  body: z.string(),
  status: SmsStatus,
  /** Stable error code when `failed` (e.g. `sms.rate_limited`, `sms.invalid_number`). */
  errorCode: z.string().nullable(),
  /** Provider's message id (Aliyun BizId, Tencent SerialNo). */
  providerMessageId: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type SmsOutboxEntry = z.infer<typeof SmsOutboxEntry>;

export const SmsOutboxPage = paginated(SmsOutboxEntry);
export type SmsOutboxPage = z.infer<typeof SmsOutboxPage>;
