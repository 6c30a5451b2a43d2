/**
 * PIPL consent records. A consent is never edited away: withdrawing sets `withdrawn_at`, and a new
 * grant (e.g. a new policy version) is a new row, so the history of what was agreed stays provable.
 * Owned by the accounts/identity module (F3) after the foundation step.
 */
import { index, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { tstz } from './_helpers.ts';
import { users } from './accounts.ts';

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // e.g. 'terms', 'privacy_policy', 'real_name_identity', 'sms_marketing'
    purpose: varchar('purpose', { length: 64 }).notNull(),
    version: varchar('version', { length: 32 }).notNull(),
    grantedAt: tstz('granted_at').notNull().defaultNow(),
    withdrawnAt: tstz('withdrawn_at'),
    ip: varchar('ip', { length: 64 }),
    userAgent: text('user_agent'),
  },
  (t) => [index('consents_user_purpose_idx').on(t.userId, t.purpose)],
);
