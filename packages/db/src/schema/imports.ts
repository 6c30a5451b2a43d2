/**
 * Bulk import batches (issue 4): an officer's uploaded file, validated row by row before anything is
 * written, then committed once. The batch keeps the report (capped) and the normalized valid rows
 * (gzip-compressed JSON lines, base64) so commit does not parse the file again. Owned by the imports module.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { oneOf, timestamps, tstz } from './_helpers.ts';

export const IMPORT_ENTITIES = ['scientists', 'enterprises', 'capabilities', 'needs'] as const;
export const IMPORT_FORMATS = ['xlsx', 'csv'] as const;
export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export const IMPORT_BATCH_STATUSES = ['validated', 'committed', 'failed', 'expired'] as const;

export type ImportEntityName = (typeof IMPORT_ENTITIES)[number];
export type ImportFormatName = (typeof IMPORT_FORMATS)[number];
export type ImportModeName = (typeof IMPORT_MODES)[number];
export type ImportBatchStatusName = (typeof IMPORT_BATCH_STATUSES)[number];

/** One row problem as stored: message code + params, localized when presented. */
export interface ImportIssueRecord {
  row: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The officer's region scope the rows were checked against (first grant); null = administrator. */
    regionCode: varchar('region_code', { length: 12 }),
    entity: text('entity', { enum: IMPORT_ENTITIES }).notNull(),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    format: text('format', { enum: IMPORT_FORMATS }).notNull(),
    fileSize: integer('file_size').notNull(),
    fileSha256: varchar('file_sha256', { length: 64 }).notNull(),
    mode: text('mode', { enum: IMPORT_MODES }),
    status: text('status', { enum: IMPORT_BATCH_STATUSES }).notNull().default('validated'),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    invalidRows: integer('invalid_rows').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** Row problems, capped at IMPORT_MAX_ISSUES (counts stay exact). */
    report: jsonb('report')
      .$type<ImportIssueRecord[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    issuesTruncated: boolean('issues_truncated').notNull().default(false),
    /**
     * Where the normalized valid rows (gzip-compressed JSON lines) are staged: `lo:<oid>`, a
     * PostgreSQL large object written and read in 1 MB parts (imports.repository.ts); older batches
     * may still hold the rows inline as base64 text. Cleared, and the large object unlinked, after
     * commit, expiry or the hourly purge.
     */
    payload: text('payload'),
    /** Why a commit failed (message code). */
    error: text('error'),
    committedAt: tstz('committed_at'),
    expiresAt: tstz('expires_at').notNull(),
    ...timestamps(),
  },
  (t) => [
    oneOf('import_batches_entity_check', t.entity, IMPORT_ENTITIES),
    oneOf('import_batches_format_check', t.format, IMPORT_FORMATS),
    oneOf('import_batches_mode_check', t.mode, IMPORT_MODES),
    oneOf('import_batches_status_check', t.status, IMPORT_BATCH_STATUSES),
    index('import_batches_officer_created_idx').on(t.officerId, t.createdAt),
    index('import_batches_status_expires_idx').on(t.status, t.expiresAt),
  ],
);

export type ImportBatchRow = typeof importBatches.$inferSelect;
