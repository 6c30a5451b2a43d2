/**
 * Authentication state: sessions, one-time codes, sign-in throttling and password history.
 * Owned by the accounts/identity module (F3) after the foundation step.
 */
import { boolean, index, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { oneOf, tstz } from './_helpers.ts';
import { users } from './accounts.ts';

/** What a one-time SMS code is for; a code for one purpose never works for another. */
export const OTP_PURPOSES = ['register', 'verify_phone', 'login', 'reset_password', 'change_phone'] as const;
/** Sign-in failures are counted per account and per client IP. */
export const THROTTLE_SCOPES = ['account', 'ip'] as const;
export type OtpPurpose = (typeof OTP_PURPOSES)[number];
export type ThrottleScope = (typeof THROTTLE_SCOPES)[number];

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // SHA-256 of the cookie token: a leaked table does not yield usable cookies.
    tokenHash: text('token_hash').notNull().unique(),
    // Double-submit CSRF token bound to this session (rotated at sign-in, so a token planted before
    // sign-in is useless afterwards).
    csrfSecret: text('csrf_secret').notNull(),
    // Password (or SMS code) accepted but the TOTP step is still missing: the session grants nothing.
    totpPending: boolean('totp_pending').notNull().default(false),
    ip: varchar('ip', { length: 64 }),
    userAgent: text('user_agent'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const otpCodes = pgTable(
  'otp_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phone: varchar('phone', { length: 20 }).notNull(),
    purpose: text('purpose', { enum: OTP_PURPOSES }).notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: tstz('consumed_at'),
    ip: varchar('ip', { length: 64 }),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    oneOf('otp_codes_purpose_check', t.purpose, OTP_PURPOSES),
    // Rate limits (1/min, 5/h, 10/day per number) count recent rows by phone.
    index('otp_codes_phone_created_idx').on(t.phone, t.createdAt),
  ],
);

/** Sliding-window failure counters and lockouts, one row per (scope, key). */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    scope: text('scope', { enum: THROTTLE_SCOPES }).notNull(),
    // user id for scope 'account', client IP for scope 'ip'.
    key: varchar('key', { length: 128 }).notNull(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: tstz('window_started_at').notNull().defaultNow(),
    lockedUntil: tstz('locked_until'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    oneOf('sign_in_failures_scope_check', t.scope, THROTTLE_SCOPES),
  ],
);

/** Previous password hashes, so the `mlps` policy can refuse reuse. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('password_history_user_created_idx').on(t.userId, t.createdAt)],
);
