/**
 * SMS outbox and delivery log. Every send is a row keyed by `idempotency_key`, so a retried job
 * finds the earlier row instead of sending twice. Owned by the SMS module (F4).
 */
import { index, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { oneOf, tstz } from './_helpers.ts';

export const SMS_STATUSES = ['queued', 'sent', 'failed'] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

export const smsMessages = pgTable(
  'sms_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // 'outbox' | 'aliyun' | 'tencent'
    provider: varchar('provider', { length: 32 }).notNull(),
    phone: varchar('phone', { length: 20 }).notNull(),
    templateCode: varchar('template_code', { length: 64 }).notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    body: text('body').notNull().default(''),
    purpose: varchar('purpose', { length: 64 }).notNull(),
    status: text('status', { enum: SMS_STATUSES }).notNull().default('queued'),
    providerMessageId: varchar('provider_message_id', { length: 128 }),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    idempotencyKey: varchar('idempotency_key', { length: 200 }).notNull().unique(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    sentAt: tstz('sent_at'),
  },
  (t) => [
    oneOf('sms_messages_status_check', t.status, SMS_STATUSES),
    index('sms_messages_created_idx').on(t.createdAt),
    index('sms_messages_phone_created_idx').on(t.phone, t.createdAt),
  ],
);
