/**
 * Queries of the imports module: batches, the look-ups validation needs (existing external ids,
 * credit codes, owners), and the chunked upserts commit runs inside its transaction. Rows travel
 * as one JSON parameter per chunk (`jsonb_to_record`), so a 2,000-row chunk is one statement with
 * three parameters on both PGlite and PostgreSQL.
 *
 * A batch's staged rows (its payload: gzip-compressed JSON lines, tens of megabytes for 100,000
 * rows) are kept in a PostgreSQL large object written and read in parts of
 * {@link PAYLOAD_PART_BYTES}; `import_batches.payload` holds its reference `lo:<oid>`. One 38 MB
 * text parameter made PGlite's WebAssembly memory grow by ≈ 220 MB (message buffer, bound datum,
 * tuple, compression buffer), memory it never gives back; parts of 1 MB leave it unchanged. A
 * payload stored inline (base64, before large objects) is still read.
 * @module
 */
import { and, count, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { ImportEntity } from '@tianfu/contracts';
import { importBatches, type Db, type ImportBatchRow, type Orm } from '@tianfu/db';
import type { NormalizedRow } from './imports.rows.ts';

/** Bytes per statement when a payload is written to or read from its large object. */
export const PAYLOAD_PART_BYTES = 1 << 20;

/** `import_batches.payload` naming a large object. */
const LARGE_OBJECT_REF = /^lo:(\d+)$/;

/** A batch row as services see it: everything but the payload. */
export type ImportBatch = Omit<ImportBatchRow, 'payload'>;

type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];
type Executor = Orm | Tx;

async function rowsOf<R>(exec: Executor, query: SQL): Promise<R[]> {
  const res = (await exec.execute(query)) as unknown as { rows: R[] };
  return res.rows;
}

/** Table of each importable entity. */
export const ENTITY_TABLE: Record<ImportEntity, string> = {
  scientists: 'scientist_profiles',
  enterprises: 'organizations',
  capabilities: 'capabilities',
  needs: 'needs',
};

/** `listing_versions.entity_type` of each entity. */
const VERSION_TYPE: Record<ImportEntity, string> = {
  scientists: 'scientist',
  enterprises: 'organization',
  capabilities: 'capability',
  needs: 'need',
};

interface UpsertSpec {
  /** `name type` pairs of the JSON record. */
  record: string;
  /** Columns inserted, and the SELECT expressions (over `r`) filling them. */
  insert: [column: string, expression: string][];
  /** Columns compared and overwritten on conflict (the imported fields). */
  update: string[];
  /** Extra `SET` assignments on update (beyond the imported fields, version and updated_at). */
  updateExtra?: string[];
  /** False for tables without a `version` column (organizations): the history numbers itself. */
  versioned?: boolean;
}

const LISTING_RECORD =
  'external_id varchar, title varchar, description text, disciplines text[], industries text[], keywords text[], region_code varchar';

/**
 * The insert and update columns of an upsert: `external_id` plus the imported `columns` (each from
 * the JSON record `r`), then `extra` columns set on insert only; on conflict the imported columns
 * are compared and overwritten.
 */
function importedColumns(
  columns: string[],
  extra: [column: string, expression: string][],
): Pick<UpsertSpec, 'insert' | 'update'> {
  return {
    insert: [...['external_id', ...columns].map((c): [string, string] => [c, `r.${c}`]), ...extra],
    update: columns,
  };
}

const SPECS: Record<ImportEntity, UpsertSpec> = {
  scientists: {
    record:
      'external_id varchar, name varchar, gender text, birth_year int, education text, title varchar, affiliation varchar, ' +
      'disciplines text[], skills text[], bio text, region_code varchar, availability text, capacity int, ' +
      'on_site_radius_km int, remote boolean, rural_expert boolean, papers jsonb, patents jsonb, projects jsonb, ' +
      'delivered_services jsonb, experience jsonb',
    ...importedColumns(
      [
        'name',
        'gender',
        'birth_year',
        'education',
        'title',
        'affiliation',
        'disciplines',
        'skills',
        'bio',
        'region_code',
        'availability',
        'capacity',
        'on_site_radius_km',
        'remote',
        'rural_expert',
        'papers',
        'patents',
        'projects',
        'delivered_services',
        'experience',
      ],
      [
        ['open_capacity', 'r.capacity'],
        ['status', `'published'`],
      ],
    ),
    // Engagements in progress stay taken when the capacity changes.
    updateExtra: ['open_capacity = greatest(0, excluded.capacity - (t.capacity - t.open_capacity))'],
  },
  enterprises: {
    record:
      'external_id varchar, name varchar, uscc varchar, org_type text, region_code varchar, industry_section varchar, ' +
      'industry_division varchar, size_class text, employees int, description text',
    ...importedColumns(
      [
        'name',
        'uscc',
        'org_type',
        'region_code',
        'industry_section',
        'industry_division',
        'size_class',
        'employees',
        'description',
      ],
      [['owner_id', '$actor']],
    ),
    versioned: false,
  },
  capabilities: {
    record: `${LISTING_RECORD}, owner_type text, scientist_id uuid, org_id uuid, delivery_mode text, price_type text, price bigint, duration_days int`,
    ...importedColumns(
      [
        'owner_type',
        'scientist_id',
        'org_id',
        'title',
        'description',
        'disciplines',
        'industries',
        'keywords',
        'delivery_mode',
        'price_type',
        'price',
        'duration_days',
        'region_code',
      ],
      [
        ['author_id', '$actor'],
        ['status', `'published'`],
        ['published_at', 'now()'],
      ],
    ),
  },
  needs: {
    record: `${LISTING_RECORD}, kind text, org_id uuid, summary text, confidential boolean, budget_min bigint, budget_max bigint, deadline date`,
    ...importedColumns(
      [
        'kind',
        'org_id',
        'title',
        'summary',
        'description',
        'confidential',
        'keywords',
        'disciplines',
        'industries',
        'budget_min',
        'budget_max',
        'deadline',
        'region_code',
      ],
      [
        ['author_id', '$actor'],
        ['status', `'published'`],
        ['published_at', 'now()'],
      ],
    ),
  },
};

/** A text list as one JSON parameter, usable as `x = any <list>` / `x like any <list>` on both backends. */
export function textList(values: readonly string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

/** SQL `like any` over region prefixes: the officer's subtree (canonical codes are prefixes). */
function scopeCondition(column: string, scope: string[] | null): SQL {
  if (scope === null) return sql.raw('true');
  if (scope.length === 0) return sql.raw('false');
  return sql`${sql.raw(column)} like any ${textList(scope.map((s) => `${s}%`))}`;
}

/** Outcome of one upserted chunk. */
export interface ChunkResult {
  inserted: number;
  updated: number;
  /** Ids of inserted or changed rows (for change events). */
  ids: string[];
}

export function importsRepository(db: Db) {
  const orm = db.orm;
  return {
    async insertBatch(values: typeof importBatches.$inferInsert, exec: Executor = orm): Promise<ImportBatch> {
      const { payload: _p, ...columns } = getTableColumns(importBatches);
      const [row] = await exec.insert(importBatches).values(values).returning(columns);
      return row!;
    },

    /** A batch without its payload (the payload can be tens of megabytes; see {@link payloadOf}). */
    async batchById(id: string): Promise<ImportBatch | undefined> {
      const { payload: _p, ...columns } = getTableColumns(importBatches);
      const [row] = await orm.select(columns).from(importBatches).where(eq(importBatches.id, id));
      return row;
    },

    /**
     * Stores a batch's staged rows (the gzip bytes, given as its pieces) in a new large object, one
     * statement per {@link PAYLOAD_PART_BYTES}; returns the reference for `import_batches.payload`.
     * Run it in the transaction that inserts the batch, so a failure leaves no object behind.
     */
    async storePayload(exec: Executor, pieces: readonly Buffer[]): Promise<string> {
      const [created] = await rowsOf<{ oid: string }>(exec, sql`select lo_create(0)::text as oid`);
      const oid = created!.oid;
      let offset = 0;
      let group: Buffer[] = [];
      let groupBytes = 0;
      const flush = async () => {
        if (groupBytes === 0) return;
        const part = group.length === 1 ? group[0]! : Buffer.concat(group, groupBytes);
        // base64 text decoded by the server: PGlite binds large bytea parameters slowly.
        await exec.execute(
          sql`select lo_put(${oid}::oid, ${offset}::bigint, decode(${part.toString('base64')}, 'base64'))`,
        );
        offset += groupBytes;
        group = [];
        groupBytes = 0;
      };
      for (const piece of pieces) {
        for (let at = 0; at < piece.length;) {
          const take = Math.min(piece.length - at, PAYLOAD_PART_BYTES - groupBytes);
          group.push(piece.subarray(at, at + take));
          groupBytes += take;
          at += take;
          if (groupBytes >= PAYLOAD_PART_BYTES) await flush();
        }
      }
      await flush();
      return `lo:${oid}`;
    },

    /**
     * The staged rows of a batch (gzip JSON lines), read part by part, or null when it has none
     * (never stored, already committed, expired or purged).
     */
    async payloadOf(id: string, exec: Executor = orm): Promise<Buffer | null> {
      const [row] = await exec
        .select({ payload: importBatches.payload })
        .from(importBatches)
        .where(eq(importBatches.id, id));
      const ref = row?.payload;
      if (!ref) return null;
      const lo = LARGE_OBJECT_REF.exec(ref);
      if (!lo) return Buffer.from(ref, 'base64'); // stored inline before large objects
      const parts: Buffer[] = [];
      for (let offset = 0; ; offset += PAYLOAD_PART_BYTES) {
        const [part] = await rowsOf<{ b: string | null }>(
          exec,
          sql`select encode(lo_get(m.oid, ${offset}::bigint, ${PAYLOAD_PART_BYTES}), 'base64') as b
              from pg_largeobject_metadata m where m.oid = ${lo[1]}::oid`,
        );
        if (!part) return null; // the object is gone (purged meanwhile)
        const bytes = Buffer.from(part.b ?? '', 'base64');
        if (bytes.length > 0) parts.push(bytes);
        if (bytes.length < PAYLOAD_PART_BYTES) break;
      }
      return Buffer.concat(parts);
    },

    /**
     * Drops a batch's staged rows (its large object, if any) and updates the batch with `values`
     * (payload cleared). Safe to repeat: an object already gone is skipped.
     */
    async clearPayload(
      id: string,
      values: Partial<typeof importBatches.$inferInsert>,
      exec: Executor = orm,
    ): Promise<void> {
      await exec.execute(
        sql`select lo_unlink(m.oid) from import_batches b
            join pg_largeobject_metadata m
              on m.oid = (case when b.payload ~ '^lo:[0-9]+$' then substr(b.payload, 4)::oid end)
            where b.id = ${id}`,
      );
      await exec
        .update(importBatches)
        .set({ ...values, payload: null })
        .where(eq(importBatches.id, id));
    },

    /**
     * Batches whose staged rows can go: validated ones past `expires_at` (they become `expired`),
     * and committed, failed or expired ones still holding a payload. At most `limit`, oldest first.
     */
    async purgeableBatches(now: Date, limit: number): Promise<{ id: string; status: string }[]> {
      return rowsOf<{ id: string; status: string }>(
        orm,
        sql`(select id, status, expires_at from import_batches
             where status = 'validated' and expires_at < ${now.toISOString()}::timestamptz
             order by expires_at limit ${limit})
            union all
            (select id, status, expires_at from import_batches
             where status in ('committed', 'failed', 'expired') and payload is not null
             order by expires_at limit ${limit})
            order by expires_at limit ${limit}`,
      );
    },

    /** Batches of one officer, newest first (without the payload). */
    async listBatches(
      officerId: string,
      filter: { entity?: ImportEntity; status?: ImportBatchRow['status'] },
      limit: number,
      offset: number,
    ) {
      const where = and(
        eq(importBatches.officerId, officerId),
        filter.entity ? eq(importBatches.entity, filter.entity) : undefined,
        filter.status ? eq(importBatches.status, filter.status) : undefined,
      );
      const { payload: _p, report: _r, ...columns } = getTableColumns(importBatches);
      const rows = await orm
        .select(columns)
        .from(importBatches)
        .where(where)
        .orderBy(desc(importBatches.createdAt))
        .limit(limit)
        .offset(offset);
      const [total] = await orm.select({ n: count() }).from(importBatches).where(where);
      return { rows, total: Number(total?.n ?? 0) };
    },

    async updateBatch(id: string, values: Partial<typeof importBatches.$inferInsert>, exec: Executor = orm) {
      await exec.update(importBatches).set(values).where(eq(importBatches.id, id));
    },

    /** The batch row locked for the commit transaction. */
    async lockBatch(tx: Tx, id: string): Promise<{ status: string } | undefined> {
      const rows = await rowsOf<{ status: string }>(
        tx,
        sql`select status from import_batches where id = ${id} for update`,
      );
      return rows[0];
    },

    /** The batch row locked for the purge, or undefined when a commit holds it (skipped this time). */
    async lockBatchIfFree(
      tx: Tx,
      id: string,
      now: Date,
    ): Promise<{ status: string; overdue: boolean; staged: boolean } | undefined> {
      const rows = await rowsOf<{ status: string; overdue: boolean; staged: boolean }>(
        tx,
        sql`select status, (status = 'validated' and expires_at < ${now.toISOString()}::timestamptz) as overdue,
                   payload is not null as staged
            from import_batches where id = ${id} for update skip locked`,
      );
      return rows[0];
    },

    /** external_id → region of existing rows among `ids`. */
    async existingRegions(entity: ImportEntity, ids: string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 5000) {
        const part = ids.slice(i, i + 5000);
        const rows = await rowsOf<{ external_id: string; region_code: string }>(
          orm,
          sql`select external_id, region_code from ${sql.raw(ENTITY_TABLE[entity])} where external_id = any ${textList(part)}`,
        );
        for (const r of rows) out.set(r.external_id, r.region_code);
      }
      return out;
    },

    /** uscc → external_id (null when registered without one) of organizations among `usccs`. */
    async organizationsByUscc(usccs: string[]): Promise<Map<string, string | null>> {
      const out = new Map<string, string | null>();
      for (let i = 0; i < usccs.length; i += 5000) {
        const rows = await rowsOf<{ uscc: string; external_id: string | null }>(
          orm,
          sql`select uscc, external_id from organizations where uscc = any ${textList(usccs.slice(i, i + 5000))}`,
        );
        for (const r of rows) out.set(r.uscc, r.external_id);
      }
      return out;
    },

    /** Owners by reference: scientists by external id; organizations by external id or credit code. */
    async ownersByRef(
      kind: 'scientist' | 'organization',
      refs: string[],
    ): Promise<Map<string, { id: string; regionCode: string }>> {
      const out = new Map<string, { id: string; regionCode: string }>();
      for (let i = 0; i < refs.length; i += 5000) {
        const part = refs.slice(i, i + 5000);
        const query =
          kind === 'scientist'
            ? sql`select id, external_id as ref, region_code from scientist_profiles where external_id = any ${textList(part)}`
            : sql`select id, external_id as ref, region_code from organizations where external_id = any ${textList(part)}
                  union all
                  select id, uscc as ref, region_code from organizations where uscc = any ${textList(part)}`;
        const rows = await rowsOf<{ id: string; ref: string; region_code: string }>(orm, query);
        for (const r of rows) out.set(r.ref, { id: r.id, regionCode: r.region_code });
      }
      return out;
    },

    /**
     * Upserts one chunk by external id and writes a `listing_versions` row for every inserted or
     * changed row. Rows identical to the stored ones are left alone (no new version); stored rows
     * outside `scope` are never overwritten. `rows`: the rows, or their JSON array as text.
     */
    async upsertChunk(
      tx: Tx,
      entity: ImportEntity,
      rows: readonly NormalizedRow[] | string,
      actorId: string,
      scope: string[] | null,
    ): Promise<ChunkResult> {
      const spec = SPECS[entity];
      const table = ENTITY_TABLE[entity];
      const actor = `'${actorId.replace(/[^0-9a-f-]/gi, '')}'::uuid`;
      const insertCols = spec.insert.map(([c]) => c).join(', ');
      const selectExprs = spec.insert.map(([, e]) => e.replace('$actor', actor)).join(', ');
      const set = [
        ...spec.update.map((c) => `${c} = excluded.${c}`),
        ...(spec.updateExtra ?? []),
        ...(spec.versioned === false ? [] : ['version = t.version + 1']),
        'updated_at = now()',
      ].join(', ');
      const changed = `(${spec.update.map((c) => `t.${c}`).join(', ')}) is distinct from (${spec.update
        .map((c) => `excluded.${c}`)
        .join(', ')})`;
      const versionExpr =
        spec.versioned === false
          ? `coalesce((select max(lv.version) from listing_versions lv where lv.entity_type = '${VERSION_TYPE[entity]}' and lv.entity_id = t.id), 0) + 1`
          : 't.version';
      const query = sql`
        with src as (
          select e.obj, r.* from jsonb_array_elements(${typeof rows === 'string' ? rows : JSON.stringify(rows)}::jsonb) as e(obj)
          cross join lateral jsonb_to_record(e.obj) as r(${sql.raw(spec.record)})
        ),
        up as (
          insert into ${sql.raw(table)} as t (${sql.raw(insertCols)})
          select ${sql.raw(selectExprs)} from src as r
          on conflict (external_id) do update set ${sql.raw(set)}
          where ${sql.raw(changed)} and ${scopeCondition('t.region_code', scope)}
          returning t.id, t.external_id, ${sql.raw(versionExpr)} as version, (t.xmax = 0) as inserted
        ),
        versions as (
          insert into listing_versions (entity_type, entity_id, version, data, changed_by)
          select ${VERSION_TYPE[entity]}, up.id, up.version, src.obj, ${sql.raw(actor)}
          from up join src on src.external_id = up.external_id
        )
        select id, inserted from up`;
      const out = await rowsOf<{ id: string; inserted: boolean }>(tx, query);
      let inserted = 0;
      for (const r of out) if (r.inserted) inserted += 1;
      return { inserted, updated: out.length - inserted, ids: out.map((r) => r.id) };
    },
  };
}

export type ImportsRepository = ReturnType<typeof importsRepository>;
