/**
 * Bulk import and export routes (officers for their region, administrators anywhere):
 * `GET /api/imports/templates/{entity}`, `POST /api/imports` (multipart `file`, or the raw file
 * as the body), `GET /api/imports`, `GET /api/imports/{id}`, `POST /api/imports/{id}/commit`,
 * `GET /api/exports/{entity}`.
 * @module
 */
import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorResponse,
  ExportEntityParams,
  ExportQuery,
  ImportBatchListQuery,
  ImportBatchListResponse,
  ImportBatchParams,
  ImportBatchView,
  ImportCommitBody,
  ImportEntityParams,
  ImportTemplateQuery,
  ImportUploadQuery,
} from '@tianfu/contracts';
import { AppError } from '../../errors/app-error.ts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import { regionScopeOf } from '../../policy/region-scope.ts';
import './imports.errors.ts';
import { exportFileName, exportsService } from './exports.service.ts';
import { canExport, canImport, canUseBatch } from './imports.policy.ts';
import { presentBatch, presentBatchSummary } from './imports.presenter.ts';
import { formatOf, importsService, type UploadedFile } from './imports.service.ts';
import { buildTemplate, templateFileName } from './imports.template.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CONTENT_TYPES = { xlsx: XLSX_TYPE, csv: 'text/csv; charset=utf-8' } as const;

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The uploaded file: multipart field `file`, or the raw body with `?fileName=`. */
async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
  fileNameParam?: string,
): Promise<UploadedFile> {
  const tooLarge = () =>
    new AppError('import.file_too_large', 413, { params: { maxMb: Math.round(maxBytes / 1048576) } });
  if (request.isMultipart()) {
    let part;
    try {
      part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    } catch {
      throw new AppError('import.no_file', 400);
    }
    if (!part) throw new AppError('import.no_file', 400);
    let bytes: Buffer;
    try {
      bytes = await part.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw err;
    }
    if (part.file.truncated) throw tooLarge();
    const format = formatOf(part.filename, part.mimetype);
    if (!format) throw new AppError('import.unsupported_format', 415);
    return { fileName: part.filename || `upload.${format}`, bytes, format };
  }
  const body = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('import.no_file', 400);
  const contentType = String(request.headers['content-type'] ?? '');
  const format = formatOf(fileNameParam ?? '', contentType);
  if (!format) throw new AppError('import.unsupported_format', 415);
  return { fileName: fileNameParam ?? `upload.${format}`, bytes: body, format };
}

function sendFile(
  reply: FastifyReply,
  bytes: Buffer | PassThrough,
  format: 'xlsx' | 'csv',
  fileName: string,
) {
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', attachment(fileName))
    .header('cache-control', 'no-store')
    .send(bytes);
}

/** The imports plugin. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = app.config;
  const maxBytes = config.IMPORT_MAX_BYTES;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10 } });
  // Raw uploads: the file itself as the body.
  app.addContentTypeParser(
    [XLSX_TYPE, 'text/csv', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_req, body, done) => done(null, body),
  );

  const svc = importsService({
    db: app.deps.db,
    config,
    now: () => app.deps.now(),
    emitChanges: (changes) => app.catalogEvents.changed(changes),
    // The matching module's index, when loaded; without it the index's updated_at poll catches up.
    refreshIndex: async () => {
      const index = (app as unknown as { catalogIndex?: { refresh(): Promise<void> } }).catalogIndex;
      await index?.refresh();
    },
    logger: app.log,
  });
  const exports = exportsService({ db: app.deps.db, maxRows: config.EXPORT_MAX_ROWS });

  app.get(
    '/api/imports/templates/:entity',
    {
      schema: {
        tags: ['imports'],
        summary: 'Download an import template (.xlsx with instructions and code lists, or .csv header)',
        params: ImportEntityParams,
        querystring: ImportTemplateQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'import.template');
      const { entity } = request.params;
      await authorize(request, canImport(actor, entity));
      const { format } = request.query;
      const bytes = await buildTemplate(entity, format, regionScopeOf(actor), request.locale);
      return sendFile(reply, bytes, format, templateFileName(entity, format, request.locale));
    },
  );

  app.post(
    '/api/imports',
    {
      bodyLimit: maxBytes,
      schema: {
        tags: ['imports'],
        summary:
          'Upload an Excel (.xlsx) or CSV file (multipart field `file`, or the raw file as the body); every row is validated and reported, nothing is written',
        querystring: ImportUploadQuery,
        response: { 201: ImportBatchView, ...errors, 413: ErrorResponse, 415: ErrorResponse },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'import.upload');
      const { entity, fileName } = request.query;
      await authorize(request, canImport(actor, entity));
      const file = await readUpload(request, maxBytes, fileName);
      const { batch, outOfScopeRows } = await svc.validate(actor, entity, file);
      if (outOfScopeRows > 0) {
        // Rows aimed outside the officer's region are refused (never written) and audited as denials.
        await app.audit.recordRequest(request, {
          action: 'import.region',
          target: { type: 'import_batch', id: batch.id },
          outcome: 'denied',
          regionCode: batch.regionCode,
          details: { reason: 'error.forbidden_region', entity, rows: outOfScopeRows },
        });
      }
      await app.audit.recordRequest(request, {
        action: 'import.upload',
        target: { type: 'import_batch', id: batch.id },
        outcome: 'success',
        regionCode: batch.regionCode,
        details: { entity, total: batch.totalRows, valid: batch.validRows, invalid: batch.invalidRows },
      });
      return reply.status(201).send(presentBatch(batch, request.locale));
    },
  );

  app.get(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'My import batches, newest first',
        querystring: ImportBatchListQuery,
        response: { 200: ImportBatchListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'import.list');
      await authorize(request, canImport(actor, 'list'));
      const { page, pageSize, entity, status } = request.query;
      const { rows, total } = await svc.list(
        actor.userId,
        { ...(entity ? { entity } : {}), ...(status ? { status } : {}) },
        pageSize,
        (page - 1) * pageSize,
      );
      return { items: rows.map(presentBatchSummary), page, pageSize, total };
    },
  );

  async function loadBatch(request: FastifyRequest, id: string, action: 'import.read' | 'import.commit') {
    const actor = await requireActor(request, action);
    const batch = await svc.byId(id);
    if (!batch) {
      await authorize(request, canImport(actor, 'batch'));
      throw new AppError('import.not_found', 404);
    }
    await authorize(request, canUseBatch(actor, batch, action));
    return { actor, batch };
  }

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'An import batch with its row report',
        params: ImportBatchParams,
        response: { 200: ImportBatchView, ...errors },
      },
    },
    async (request) => {
      const { batch } = await loadBatch(request, request.params.id, 'import.read');
      return presentBatch(batch, request.locale);
    },
  );

  app.post(
    '/api/imports/:id/commit',
    {
      schema: {
        tags: ['imports'],
        summary:
          'Write a validated batch: all_or_nothing (refused when any row is invalid) or valid_only; re-imports update by external id',
        params: ImportBatchParams,
        body: ImportCommitBody,
        response: { 200: ImportBatchView, ...errors, 409: ErrorResponse, 410: ErrorResponse },
      },
    },
    async (request) => {
      const { actor, batch } = await loadBatch(request, request.params.id, 'import.commit');
      const done = await svc.commit(actor, batch, request.body.mode);
      await app.audit.recordRequest(request, {
        action: 'import.commit',
        target: { type: 'import_batch', id: batch.id },
        outcome: 'success',
        regionCode: batch.regionCode,
        details: {
          entity: batch.entity,
          mode: request.body.mode,
          inserted: done.inserted,
          updated: done.updated,
        },
      });
      return presentBatch(done, request.locale);
    },
  );

  app.get(
    '/api/exports/:entity',
    {
      schema: {
        tags: ['imports'],
        summary:
          'Export a list (scientists, enterprises, capabilities, results, needs) to Excel or CSV, region-scoped',
        params: ExportEntityParams,
        querystring: ExportQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'export.download');
      const { entity } = request.params;
      const query = request.query;
      await authorize(request, canExport(actor, entity, query.region));
      const { where, total } = await exports.prepare(entity, query, regionScopeOf(actor));
      await app.audit.recordRequest(request, {
        action: 'export.download',
        target: { type: 'export', id: entity },
        outcome: 'success',
        regionCode: query.region ?? null,
        details: { entity, format: query.format, rows: total },
      });
      const out = new PassThrough();
      exports.write(entity, query.format, where, request.locale, out).catch((err: unknown) => {
        request.log.error({ err }, 'export failed');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return sendFile(reply, out, query.format, exportFileName(entity, query.format, app.deps.now()));
    },
  );
};
