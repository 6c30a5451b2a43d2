/**
 * Bulk import: `validate` parses an uploaded file, checks every row (contracts, file-wide rules,
 * database rules) and stores a batch with the report and the normalized valid rows — nothing is
 * written to the catalog. `commit` then writes the batch in one transaction, in chunks of
 * multi-row upserts keyed by `external_id`, and tells the match index.
 * @module
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { ImportEntity, ImportMode } from '@tianfu/contracts';
import type { Db, ImportIssueRecord } from '@tianfu/db';
import type { AppConfig } from '../../config/keys.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CatalogChange, CatalogEntityType } from '../../events/catalog-events.ts';
import type { Actor } from '../../policy/actor.ts';
import { canAccessRegion, regionScopeOf } from '../../policy/region-scope.ts';
import { CsvSyntaxError, decodeCsvBytes, parseCsv } from './csv.ts';
import { importsRepository, type ImportBatch } from './imports.repository.ts';
import { checkRow, mapHeader, newRowContext, type CheckedRow } from './imports.rows.ts';
import { readXlsxRows, XlsxFormatError } from './xlsx.ts';

/** Rows checked against the database (and appended to the payload) at a time. */
const WINDOW_ROWS = 2000;

/**
 * Upper bound on the JSON one upsert statement carries, whatever IMPORT_CHUNK_ROWS says: PGlite's
 * WebAssembly memory grows for good by ≈ 38 MB to run one 1,000-scientist (1.9 MB) statement, and
 * not at all at 512 KB (≈ 270 scientists with papers and projects, or 1,000 enterprises).
 */
const STATEMENT_JSON_BYTES = 512 * 1024;

/** Batches the purge looks at per round. */
const PURGE_ROUND = 100;

export type FileKind = 'xlsx' | 'csv';

/** What the service needs from the app. */
export interface ImportsDeps {
  db: Db;
  config: AppConfig;
  now: () => Date;
  /** Fast path to the match index for small batches (`app.catalogEvents.changed`). */
  emitChanges?: (changes: CatalogChange[]) => void;
  /** Asks the match index to catch up now (large batches), when the matching module is loaded. */
  refreshIndex?: () => Promise<void>;
  logger?: { warn(obj: unknown, msg?: string): void };
}

/** An uploaded file. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
  format: FileKind;
}

/** Figures of one validation or commit, for benchmarks and logs. */
export interface PhaseTimes {
  parseMs: number;
  checkMs: number;
  storeMs: number;
}

/** The format a file name or content type names, or null. */
export function formatOf(fileName: string, contentType?: string): FileKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (contentType?.includes('spreadsheetml')) return 'xlsx';
  if (contentType?.includes('csv')) return 'csv';
  return null;
}

const EVENT_TYPE: Record<ImportEntity, CatalogEntityType> = {
  scientists: 'scientist',
  enterprises: 'organization',
  capabilities: 'capability',
  needs: 'need',
};

/** Records of a file (header first), whatever its format. */
async function* records(file: UploadedFile): AsyncGenerator<{ fields: string[]; line: number }> {
  if (file.format === 'xlsx') {
    yield* readXlsxRows(file.bytes);
    return;
  }
  const { text } = decodeCsvBytes(file.bytes);
  for (const r of parseCsv(text)) yield { fields: r.fields.map((f) => f.trim()), line: r.line };
}

export function importsService(deps: ImportsDeps) {
  const repo = importsRepository(deps.db);
  const { config } = deps;

  /**
   * Parses the file and checks every row, handing them on in windows of {@link WINDOW_ROWS} (so the
   * database rules run per window and memory stays bounded whatever the file size).
   */
  async function checkFile(
    actor: Actor,
    entity: ImportEntity,
    file: UploadedFile,
    onWindow: (rows: CheckedRow[]) => Promise<void>,
  ): Promise<number> {
    const scope = regionScopeOf(actor);
    const today = deps.now().toISOString().slice(0, 10);
    const ctx = newRowContext(scope, today);
    let window: CheckedRow[] = [];
    let total = 0;
    let keys: (string | null)[] | null = null;
    try {
      for await (const rec of records(file)) {
        if (!keys) {
          const mapped = mapHeader(entity, rec.fields);
          if (mapped.missing.length > 0) {
            throw new AppError('import.missing_columns', 400, {
              params: { columns: mapped.missing.map((c) => c.zh).join('、') },
            });
          }
          keys = mapped.keys;
          continue;
        }
        if (total >= config.IMPORT_MAX_ROWS) {
          throw new AppError('import.too_many_rows', 400, { params: { max: config.IMPORT_MAX_ROWS } });
        }
        const cells: Record<string, string> = {};
        keys.forEach((k, i) => {
          if (k) cells[k] = rec.fields[i] ?? '';
        });
        window.push(checkRow(entity, rec.line, cells, ctx));
        total += 1;
        if (window.length >= WINDOW_ROWS) {
          await onWindow(window);
          window = [];
        }
      }
    } catch (err) {
      if (err instanceof CsvSyntaxError) throw new AppError(err.code, 400, { params: { line: err.line } });
      if (err instanceof XlsxFormatError) throw new AppError(err.code, 400);
      throw err;
    }
    if (window.length > 0) await onWindow(window);
    if (!keys || total === 0) throw new AppError('import.empty_file', 400);
    return total;
  }

  /** The rules that need the database; marks rows invalid in place. */
  async function checkAgainstDatabase(entity: ImportEntity, checked: CheckedRow[], actor: Actor) {
    const valid = checked.filter((c) => c.value);
    const fail = (c: CheckedRow, field: string, code: string, params?: Record<string, string | number>) => {
      c.issues.push({ row: c.row, field, code, ...(params ? { params } : {}) });
      c.value = null;
    };
    // Re-importing may only update records inside the importer's region.
    const existing = await repo.existingRegions(
      entity,
      valid.map((c) => c.value!.external_id),
    );
    for (const c of valid) {
      const region = existing.get(c.value!.external_id);
      if (region !== undefined && !canAccessRegion(actor, region)) {
        fail(c, 'external_id', 'import.external_id_out_of_scope');
      }
    }
    if (entity === 'enterprises') {
      const live = valid.filter((c) => c.value);
      const byUscc = await repo.organizationsByUscc(live.map((c) => String(c.value!.uscc)));
      for (const c of live) {
        const owner = byUscc.get(String(c.value!.uscc));
        if (owner !== undefined && owner !== c.value!.external_id) fail(c, 'uscc', 'import.uscc_taken');
      }
    }
    if (entity === 'capabilities') {
      for (const kind of ['scientist', 'organization'] as const) {
        const rows = valid.filter((c) => c.value && c.value.owner_type === kind);
        const owners = await repo.ownersByRef(
          kind,
          rows.map((c) => String(c.value!.owner_ref)),
        );
        for (const c of rows) {
          const ref = String(c.value!.owner_ref);
          const owner = owners.get(ref);
          if (!owner) fail(c, 'owner_external_id', 'import.owner_not_found', { ref, owner: kind });
          else if (!canAccessRegion(actor, owner.regionCode)) {
            fail(c, 'owner_external_id', 'import.owner_out_of_scope');
          } else {
            c.value!.scientist_id = kind === 'scientist' ? owner.id : null;
            c.value!.org_id = kind === 'organization' ? owner.id : null;
          }
        }
      }
    }
    if (entity === 'needs') {
      const rows = valid.filter((c) => c.value && c.value.org_ref);
      const orgs = await repo.ownersByRef(
        'organization',
        rows.map((c) => String(c.value!.org_ref)),
      );
      for (const c of rows) {
        const ref = String(c.value!.org_ref);
        const org = orgs.get(ref);
        if (!org) fail(c, 'enterprise_external_id', 'import.owner_not_found', { ref, owner: 'organization' });
        else if (!canAccessRegion(actor, org.regionCode)) {
          fail(c, 'enterprise_external_id', 'import.owner_out_of_scope');
        } else c.value!.org_id = org.id;
      }
    }
  }

  return {
    /**
     * Validates an upload and stores the batch (status `validated`). Nothing is written to the
     * catalog. Returns the batch and the time each phase took.
     */
    async validate(
      actor: Actor,
      entity: ImportEntity,
      file: UploadedFile,
    ): Promise<{ batch: ImportBatch; times: PhaseTimes; outOfScopeRows: number }> {
      const t0 = performance.now();
      const scope = regionScopeOf(actor);
      const issues: ImportIssueRecord[] = [];
      let valid = 0;
      let invalid = 0;
      let truncated = false;
      let outOfScopeRows = 0;
      let checkMs = 0;
      // Valid rows go into a gzip stream of JSON lines: the batch payload. Each window is written
      // at once and compressed on libuv's thread pool while the next window is parsed (waiting
      // for 'drain' only before the next write); level 1: 4–5× less compression work than the
      // default level for a slightly larger payload.
      const gz = createGzip({ level: 1 });
      const parts: Buffer[] = [];
      gz.on('data', (c: Buffer) => parts.push(c));
      const gzEnded = once(gz, 'end');
      let drained: Promise<unknown> | null = null;
      await checkFile(actor, entity, file, async (window) => {
        const started = performance.now();
        await checkAgainstDatabase(entity, window, actor);
        checkMs += performance.now() - started;
        let lines = '';
        for (const c of window) {
          if (c.value) {
            valid += 1;
            lines += `${JSON.stringify(c.value)}\n`;
          } else invalid += 1;
          if (c.issues.some((i) => i.code.endsWith('out_of_scope'))) outOfScopeRows += 1;
          for (const issue of c.issues) {
            if (issues.length < config.IMPORT_MAX_ISSUES) issues.push(issue);
            else truncated = true;
          }
        }
        if (drained) await drained;
        drained = lines && !gz.write(lines) ? once(gz, 'drain') : null;
      });
      if (drained) await drained;
      gz.end();
      await gzEnded;
      const t1 = performance.now();
      const now = deps.now();
      // The staged rows go into a large object in parts, in the transaction that inserts the batch.
      const batch = await deps.db.orm.transaction(async (tx) => {
        const payload = valid > 0 ? await repo.storePayload(tx, parts) : null;
        return repo.insertBatch(
          {
            officerId: actor.userId,
            regionCode: scope === null ? null : (scope[0] ?? null),
            entity,
            fileName: file.fileName.slice(0, 200),
            format: file.format,
            fileSize: file.bytes.length,
            fileSha256: createHash('sha256').update(file.bytes).digest('hex'),
            status: 'validated',
            totalRows: valid + invalid,
            validRows: valid,
            invalidRows: invalid,
            report: issues,
            issuesTruncated: truncated,
            payload,
            expiresAt: new Date(now.getTime() + config.IMPORT_BATCH_TTL * 1000),
          },
          tx,
        );
      });
      parts.length = 0;
      const t2 = performance.now();
      return {
        batch,
        times: { parseMs: t1 - t0 - checkMs, checkMs, storeMs: t2 - t1 },
        outOfScopeRows,
      };
    },

    /**
     * Drops the staged rows of batches that can no longer be committed: validated batches past
     * `expires_at` become `expired`; committed, failed or expired batches still holding a payload
     * lose it. A batch a commit holds locked is left for the next run. Idempotent.
     */
    async purgeStaged(now: Date = deps.now()): Promise<{ expired: number; cleared: number }> {
      let expired = 0;
      let cleared = 0;
      for (;;) {
        const due = await repo.purgeableBatches(now, PURGE_ROUND);
        let progressed = 0;
        for (const { id } of due) {
          const outcome = await deps.db.orm.transaction(async (tx) => {
            const row = await repo.lockBatchIfFree(tx, id, now);
            if (!row) return null;
            if (row.overdue) {
              await repo.clearPayload(id, { status: 'expired' }, tx);
              return 'expired';
            }
            if (row.staged && row.status !== 'validated') {
              await repo.clearPayload(id, {}, tx);
              return 'cleared';
            }
            return null;
          });
          if (outcome === 'expired') expired += 1;
          if (outcome === 'cleared') cleared += 1;
          if (outcome) progressed += 1;
        }
        if (due.length < PURGE_ROUND || progressed === 0) break;
      }
      return { expired, cleared };
    },

    byId: (id: string) => repo.batchById(id),
    list: repo.listBatches,

    /**
     * Writes a validated batch. `all_or_nothing` refuses a batch with any invalid row;
     * `valid_only` writes the valid rows. One transaction: either every chunk lands or none.
     * @throws AppError 409 when the batch is not committable, 410 when it expired
     */
    async commit(actor: Actor, batch: ImportBatch, mode: ImportMode): Promise<ImportBatch> {
      const now = deps.now();
      if (batch.status === 'validated' && batch.expiresAt.getTime() < now.getTime()) {
        await deps.db.orm.transaction((tx) => repo.clearPayload(batch.id, { status: 'expired' }, tx));
        throw new AppError('import.expired', 410);
      }
      if (batch.status !== 'validated') {
        throw new AppError(batch.status === 'expired' ? 'import.expired' : 'import.not_committable', 409, {
          params: { status: batch.status },
        });
      }
      if (mode === 'all_or_nothing' && batch.invalidRows > 0) {
        throw new AppError('import.has_invalid_rows', 409, { params: { invalid: batch.invalidRows } });
      }
      const payload = batch.validRows > 0 ? await repo.payloadOf(batch.id) : null;
      if (!payload) throw new AppError('import.nothing_to_commit', 409);

      const scope = regionScopeOf(actor);
      const chunk = config.IMPORT_CHUNK_ROWS;
      let inserted = 0;
      let updated = 0;
      let written = 0;
      const changedIds: string[] = [];
      let raced = false;
      try {
        await deps.db.orm.transaction(async (tx) => {
          const locked = await repo.lockBatch(tx, batch.id);
          if (locked?.status !== 'validated') {
            raced = true;
            return;
          }
          // Lines are JSON objects as validation wrote them: a chunk is sent as their JSON array,
          // never parsed and serialized again here.
          const write = async (rows: string[]) => {
            const r = await repo.upsertChunk(tx, batch.entity, `[${rows.join(',')}]`, actor.userId, scope);
            inserted += r.inserted;
            updated += r.updated;
            written += rows.length;
            if (changedIds.length <= config.IMPORT_EVENT_MAX) changedIds.push(...r.ids);
          };
          // The payload is read as a stream of JSON lines: one chunk of rows in memory at a time.
          let rows: string[] = [];
          const lines = createInterface({
            // 1 MB output chunks: decompressed ahead on the thread pool while a chunk is written.
            input: Readable.from([payload]).pipe(createGunzip({ chunkSize: 1 << 20 })),
            crlfDelay: Infinity,
          });
          let rowsBytes = 0;
          for await (const line of lines) {
            if (!line) continue;
            rows.push(line);
            rowsBytes += Buffer.byteLength(line);
            if (rows.length >= chunk || rowsBytes >= STATEMENT_JSON_BYTES) {
              await write(rows);
              rows = [];
              rowsBytes = 0;
            }
          }
          if (rows.length > 0) await write(rows);
          await repo.clearPayload(
            batch.id,
            {
              status: 'committed',
              mode,
              inserted,
              updated,
              unchanged: written - inserted - updated,
              committedAt: deps.now(),
            },
            tx,
          );
        });
      } catch (err) {
        deps.logger?.warn({ err, batchId: batch.id }, 'import commit failed');
        // A failed batch cannot be committed again: its staged rows go (the purge job retries).
        await deps.db.orm
          .transaction((tx) =>
            repo.clearPayload(batch.id, { status: 'failed', error: 'import.commit_failed' }, tx),
          )
          .catch(() => repo.updateBatch(batch.id, { status: 'failed', error: 'import.commit_failed' }));
        throw new AppError('import.commit_failed', 500);
      }
      if (raced) throw new AppError('import.not_committable', 409, { params: { status: 'committed' } });

      // Tell the match index: row by row for small batches, a catch-up poll for large ones.
      if (inserted + updated > 0) {
        if (inserted + updated <= config.IMPORT_EVENT_MAX && deps.emitChanges) {
          deps.emitChanges(changedIds.map((id) => ({ type: EVENT_TYPE[batch.entity], id })));
        } else if (deps.refreshIndex) {
          deps
            .refreshIndex()
            .catch((err: unknown) => deps.logger?.warn({ err }, 'match index refresh failed'));
        }
      }
      return (await repo.batchById(batch.id))!;
    },
  };
}

export type ImportsService = ReturnType<typeof importsService>;
