/**
 * Bulk import and export of the catalog (officers, for their region): `/api/imports`,
 * `/api/imports/templates/{entity}`, `/api/imports/{id}`, `/api/imports/{id}/commit`,
 * `/api/exports/{entity}`. An upload is parsed and every row validated before anything is written;
 * the answer is a per-row report `{ row, field, message }`. Commit then writes all rows
 * (`all_or_nothing`, refused when any row is invalid) or the valid ones (`valid_only`);
 * re-importing a file updates the rows with the same `external_id`, never duplicates them.
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from '../common.ts';
import { disciplineCode, industryCode } from '../taxonomy/schemas.ts';
import { ListingStatus, NeedKind } from './enums.ts';
import { CatalogId, CatalogRegionCode, QueryText } from './fields.ts';

/** What can be imported. */
export const IMPORT_ENTITIES = ['scientists', 'enterprises', 'capabilities', 'needs'] as const;
export const ImportEntity = z.enum(IMPORT_ENTITIES);
export type ImportEntity = z.infer<typeof ImportEntity>;

/** What can be exported (every public list). */
export const EXPORT_ENTITIES = ['scientists', 'enterprises', 'capabilities', 'results', 'needs'] as const;
export const ExportEntity = z.enum(EXPORT_ENTITIES);
export type ExportEntity = z.infer<typeof ExportEntity>;

export const FILE_FORMATS = ['xlsx', 'csv'] as const;
export const FileFormat = z.enum(FILE_FORMATS);
export type FileFormat = z.infer<typeof FileFormat>;

/** `all_or_nothing`: refused when any row is invalid; `valid_only`: invalid rows are skipped. */
export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export const ImportMode = z.enum(IMPORT_MODES);
export type ImportMode = z.infer<typeof ImportMode>;

/** A batch is validated on upload, then committed once; uncommitted batches expire. */
export const IMPORT_BATCH_STATUSES = ['validated', 'committed', 'failed', 'expired'] as const;
export const ImportBatchStatus = z.enum(IMPORT_BATCH_STATUSES);
export type ImportBatchStatus = z.infer<typeof ImportBatchStatus>;

/** `{ entity }` of the template route. */
export const ImportEntityParams = z.object({ entity: ImportEntity });
export type ImportEntityParams = z.infer<typeof ImportEntityParams>;

/** GET /api/imports/templates/{entity}?format=xlsx|csv */
export const ImportTemplateQuery = z.object({ format: FileFormat.default('xlsx') });
export type ImportTemplateQuery = z.infer<typeof ImportTemplateQuery>;

/**
 * POST /api/imports?entity=… — the file is the multipart field `file` (its name gives the format),
 * or the raw body with `Content-Type` xlsx / `text/csv` and `?fileName=`.
 */
export const ImportUploadQuery = z.object({
  entity: ImportEntity,
  fileName: z.string().trim().min(1).max(200).optional(),
});
export type ImportUploadQuery = z.infer<typeof ImportUploadQuery>;

/** One problem in one row. `row` is the spreadsheet row number (the header is row 1). */
export const ImportIssue = z.object({
  row: z.number().int(),
  /** The column key (`external_id`, `region_code`…), or `_row` for the row as a whole. */
  field: z.string(),
  /** The column header as in the template (Chinese), so the officer finds it in the file. */
  column: z.string(),
  code: z.string(),
  /** Localized message (zh-CN or en, by `Accept-Language`). */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

/** Row counts of a batch. */
export const ImportCounts = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Filled by commit: new rows, changed rows, rows identical to what was stored. */
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** A batch in lists. */
export const ImportBatchSummary = z.object({
  id: z.string(),
  entity: ImportEntity,
  format: FileFormat,
  fileName: z.string(),
  /** The officer's region the batch was checked against (null for administrators). */
  regionCode: z.string().nullable(),
  status: ImportBatchStatus,
  mode: ImportMode.nullable(),
  counts: ImportCounts,
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  expiresAt: z.string(),
});
export type ImportBatchSummary = z.infer<typeof ImportBatchSummary>;

/** POST /api/imports and GET /api/imports/{id}: the batch with its row report. */
export const ImportBatchView = ImportBatchSummary.extend({
  issues: z.array(ImportIssue),
  /** True when the report was cut at the configured maximum (counts stay exact). */
  issuesTruncated: z.boolean(),
  /** Row numbers with at least one problem (first ones, same cap as issues). */
  invalidRows: z.array(z.number().int()),
});
export type ImportBatchView = z.infer<typeof ImportBatchView>;

/** `{ id }` of a batch. */
export const ImportBatchParams = z.object({ id: CatalogId });
export type ImportBatchParams = z.infer<typeof ImportBatchParams>;

/** POST /api/imports/{id}/commit */
export const ImportCommitBody = z.object({ mode: ImportMode });
export type ImportCommitBody = z.infer<typeof ImportCommitBody>;

/** GET /api/imports — my batches, newest first. */
export const ImportBatchListQuery = PaginationQuery.extend({
  entity: ImportEntity.optional(),
  status: ImportBatchStatus.optional(),
});
export type ImportBatchListQuery = z.infer<typeof ImportBatchListQuery>;
export const ImportBatchListResponse = paginated(ImportBatchSummary);
export type ImportBatchListResponse = z.infer<typeof ImportBatchListResponse>;

/** `{ entity }` of the export route. */
export const ExportEntityParams = z.object({ entity: ExportEntity });
export type ExportEntityParams = z.infer<typeof ExportEntityParams>;

/**
 * GET /api/exports/{entity}?format=… plus the list filters (filters an entity does not have are
 * ignored). Officers get their region subtree only; `status` defaults to published.
 */
export const ExportQuery = z.object({
  format: FileFormat.default('xlsx'),
  q: QueryText.optional(),
  region: CatalogRegionCode.optional(),
  discipline: disciplineCode.optional(),
  industry: industryCode.optional(),
  kind: NeedKind.optional(),
  status: ListingStatus.optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;
