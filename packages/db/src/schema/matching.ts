/**
 * Search and matching (issue 4): saved searches with "notify me of new matches", in-app
 * notifications, and the outcome log of recommendations (shown / invited / dismissed…) that the
 * match engine learns its fusion weights from. Owned by the matching module.
 *
 * Entity ids here (`entity_id`, `subject_id`) point into the catalog tables of several kinds, so
 * they carry no foreign key: an outcome outlives the listing it was about.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { oneOf, timestamps, tstz } from './_helpers.ts';

/** Channels a saved search can notify through (push comes with the mobile apps). */
export const SAVED_SEARCH_CHANNELS = ['in_app', 'sms'] as const;
export type SavedSearchChannel = (typeof SAVED_SEARCH_CHANNELS)[number];

/** What became of a notification's SMS copy: none asked, waiting, sent, or given up. */
export const NOTIFICATION_SMS_STATUSES = ['none', 'pending', 'sent', 'failed'] as const;
export type NotificationSmsStatus = (typeof NOTIFICATION_SMS_STATUSES)[number];

// The same lists as OUTCOME_EVENTS / DISMISS_REASONS / CATALOG_KINDS in
// packages/contracts/src/catalog/enums.ts (the schema package does not import contracts).
const OUTCOME_EVENT_VALUES = ['shown', 'invited', 'accepted', 'deal_closed', 'dismissed'] as const;
const DISMISS_REASON_VALUES = [
  'not_my_field',
  'too_far',
  'budget_mismatch',
  'already_known',
  'low_quality',
  'other',
] as const;
const CATALOG_KIND_VALUES = ['scientist', 'team', 'enterprise', 'capability', 'result', 'need'] as const;

/** A user's stored search: the criteria as given to `GET /api/search`, and when it last ran. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    // { text?, kinds?, region?, discipline?, industry?, priceMax?, maturityMin? }
    criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull().default({}),
    notify: boolean('notify').notNull().default(true),
    channels: text('channels')
      .array()
      .notNull()
      .default(sql`'{in_app}'::text[]`),
    // Publications after this instant are "new" for the next alert run; advanced by each run.
    lastRunAt: tstz('last_run_at').notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [
    index('saved_searches_user_idx').on(t.userId),
    index('saved_searches_notify_idx').on(t.notify, t.lastRunAt),
  ],
);

/** In-app notifications. `idempotency_key` makes a retried job write the same row at most once. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // e.g. 'saved_search.matches'; the text is rendered from type + params in the reader's language.
    type: varchar('type', { length: 64 }).notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    // Structured payload for the client (the saved search id, the matched entities).
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    link: varchar('link', { length: 500 }),
    idempotencyKey: varchar('idempotency_key', { length: 200 }).notNull().unique(),
    smsStatus: text('sms_status', { enum: NOTIFICATION_SMS_STATUSES }).notNull().default('none'),
    readAt: tstz('read_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    oneOf('notifications_sms_status_check', t.smsStatus, NOTIFICATION_SMS_STATUSES),
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    index('notifications_sms_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.smsStatus} = 'pending'`),
  ],
);

/**
 * What happened to recommendations: one row per event, in the engine's outcome-log shape
 * (`@tianfu/match` learn/events.ts) so an export feeds `npx tianfu match-train`.
 */
export const matchOutcomes = pgTable(
  'match_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // One result list (a matches request); shared by its shown / invited / dismissed events.
    queryId: varchar('query_id', { length: 100 }).notNull(),
    entityId: uuid('entity_id').notNull(),
    entityKind: varchar('entity_kind', { length: 32 }).notNull(),
    // What the list was for: a need's matches, a scientist's matches, a search.
    subjectType: varchar('subject_type', { length: 32 }),
    subjectId: uuid('subject_id'),
    event: text('event', { enum: OUTCOME_EVENT_VALUES }).notNull(),
    reason: text('reason', { enum: DISMISS_REASON_VALUES }),
    note: varchar('note', { length: 500 }),
    rank: integer('rank'),
    score: real('score'),
    // explanation.parts of the hit when it was shown: what the trainer learns from.
    parts: jsonb('parts').$type<Record<string, number>>(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    oneOf('match_outcomes_event_check', t.event, OUTCOME_EVENT_VALUES),
    oneOf('match_outcomes_reason_check', t.reason, DISMISS_REASON_VALUES),
    oneOf('match_outcomes_entity_kind_check', t.entityKind, CATALOG_KIND_VALUES),
    index('match_outcomes_query_idx').on(t.queryId),
    index('match_outcomes_entity_idx').on(t.entityId),
    index('match_outcomes_at_idx').on(t.at),
  ],
);

/** What a conflict-of-interest declaration points at. */
export const COI_RELATED_TYPES = ['user', 'scientist', 'team', 'organization'] as const;
export type CoiRelatedType = (typeof COI_RELATED_TYPES)[number];

/**
 * Declared relationships (a relative, a former employer, a business partner): the declarer and
 * the declared party are never recommended to each other, in either direction.
 */
export const coiDeclarations = pgTable(
  'coi_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    relatedType: text('related_type', { enum: COI_RELATED_TYPES }).notNull(),
    // A user, scientist profile, team or organization id (no foreign key: several tables).
    relatedId: uuid('related_id').notNull(),
    note: varchar('note', { length: 200 }),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    oneOf('coi_declarations_related_type_check', t.relatedType, COI_RELATED_TYPES),
    unique('coi_declarations_user_related_uq').on(t.userId, t.relatedId),
    index('coi_declarations_related_idx').on(t.relatedId),
  ],
);
