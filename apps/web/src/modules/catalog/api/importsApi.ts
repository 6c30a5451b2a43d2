/**
 * Bulk import and export (officers): templates, upload → per-row report, commit, exports
 * (contract in `@tianfu/contracts` catalog/imports.ts).
 */
import type {
  ExportEntity,
  FileFormat,
  ImportBatchListResponse,
  ImportBatchView,
  ImportEntity,
  ImportMode,
} from '@tianfu/contracts';
import { api, apiRequest, downloadFile, type Query } from '../../../lib/api/client';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const downloadTemplate = (entity: ImportEntity, format: FileFormat) =>
  downloadFile(`/api/imports/templates/${entity}`, { format }, `${entity}-template.${format}`);

/** Uploads a spreadsheet; the answer is the validated batch with its row report (nothing written yet). */
export function uploadImport(entity: ImportEntity, file: File): Promise<ImportBatchView> {
  const csv = /\.csv$/i.test(file.name);
  return apiRequest<ImportBatchView>('POST', '/api/imports', {
    query: { entity, fileName: file.name },
    raw: { data: file, contentType: csv ? 'text/csv' : XLSX_TYPE },
  });
}

export const getImport = (batchId: string, signal?: AbortSignal) =>
  api.get<ImportBatchView>(`/api/imports/${encodeURIComponent(batchId)}`, undefined, signal);
export const listImports = (query: Query, signal?: AbortSignal) =>
  api.get<ImportBatchListResponse>('/api/imports', query, signal);
export const commitImport = (batchId: string, mode: ImportMode) =>
  api.post<ImportBatchView>(`/api/imports/${encodeURIComponent(batchId)}/commit`, { mode });

/** Downloads a list as Excel or CSV with the list's filters. */
export const downloadExport = (entity: ExportEntity, format: FileFormat, filters: Query = {}) =>
  downloadFile(`/api/exports/${entity}`, { ...filters, format }, `${entity}.${format}`);
