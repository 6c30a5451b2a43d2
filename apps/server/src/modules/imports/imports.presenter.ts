/**
 * Import batches as the API shows them: counts, and the row report localized (message in the
 * request's language, column by its template header). Never the payload or the file hash.
 * @module
 */
import type { ImportBatchSummary, ImportBatchView, ImportIssue } from '@tianfu/contracts';
import type { ImportBatchRow, ImportIssueRecord } from '@tianfu/db';
import type { Locale } from '../../i18n/locale.ts';
import { translate, type MessageParams } from '../../i18n/messages.ts';
import { IMPORT_COLUMNS, headerOf } from './imports.columns.ts';

const TYPE_NAMES: Record<string, Record<Locale, string>> = {
  int: { 'zh-CN': '整数', en: 'a whole number' },
  number: { 'zh-CN': '数字', en: 'a number' },
  string: { 'zh-CN': '文字', en: 'text' },
  boolean: { 'zh-CN': '是/否', en: 'yes/no' },
  array: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '“a|b|c” 格式', en: 'the “a|b|c” form' },
};

function localizedParams(issue: ImportIssueRecord, locale: Locale): MessageParams | undefined {
  const p = issue.params;
  if (!p) return undefined;
  const out: MessageParams = { ...p };
  if (typeof p.expected === 'string') out.expected = TYPE_NAMES[p.expected]?.[locale] ?? p.expected;
  if (typeof p.owner === 'string') out.owner = translate(`import.owner.${p.owner}`, locale);
  return out;
}

/** One stored issue, localized. */
export function presentIssue(
  entity: ImportBatchRow['entity'],
  issue: ImportIssueRecord,
  locale: Locale,
): ImportIssue {
  const column = IMPORT_COLUMNS[entity].find((c) => c.key === issue.field);
  return {
    row: issue.row,
    field: issue.field,
    column: column ? headerOf(column) : issue.field,
    code: issue.code,
    message: translate(issue.code, locale, localizedParams(issue, locale)),
  };
}

type SummaryRow = Omit<ImportBatchRow, 'payload' | 'report'>;
type BatchRow = Omit<ImportBatchRow, 'payload'>;

export function presentBatchSummary(b: SummaryRow): ImportBatchSummary {
  return {
    id: b.id,
    entity: b.entity,
    format: b.format,
    fileName: b.fileName,
    regionCode: b.regionCode,
    status: b.status,
    mode: b.mode,
    counts: {
      total: b.totalRows,
      valid: b.validRows,
      invalid: b.invalidRows,
      inserted: b.inserted,
      updated: b.updated,
      unchanged: b.unchanged,
    },
    createdAt: b.createdAt.toISOString(),
    committedAt: b.committedAt ? b.committedAt.toISOString() : null,
    expiresAt: b.expiresAt.toISOString(),
  };
}

export function presentBatch(b: BatchRow, locale: Locale): ImportBatchView {
  const issues = b.report.map((i) => presentIssue(b.entity, i, locale));
  return {
    ...presentBatchSummary(b),
    issues,
    issuesTruncated: b.issuesTruncated,
    invalidRows: [...new Set(b.report.map((i) => i.row))],
  };
}
