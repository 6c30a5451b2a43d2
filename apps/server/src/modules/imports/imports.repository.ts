/**
 * Queries of the imports module: batches, the look-ups validation needs (existing external ids,
 * credit codes, owners), and the chunked upserts commit runs inside its transaction. Rows travel
 * as one JSON parameter per chunk (`jsonb_to_record`), so a 2,000-row chunk is one statement with
 * three parameters on both PGlite and PostgreSQL.
 * @module
 */
import { and, count, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { ImportEntity } from '@tianfu/contracts';
import { importBatches, type Db, type ImportBatchRow, type Orm } from '@tianfu/db';
import type { NormalizedRow } from './imports.rows.ts';

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
    async insertBatch(values: typeof importBatches.$inferInsert): Promise<ImportBatch> {
      const { payload: _p, ...columns } = getTableColumns(importBatches);
      const [row] = await orm.insert(importBatches).values(values).returning(columns);
      return row!;
    },

    /** A batch without its payload (the payload can be tens of megabytes; see {@link payloadOf}). */
    async batchById(id: string): Promise<ImportBatch | undefined> {
      const { payload: _p, ...columns } = getTableColumns(importBatches);
      const [row] = await orm.select(columns).from(importBatches).where(eq(importBatches.id, id));
      return row;
    },

    /** The stored rows of a batch (base64 gzip JSON lines), or null. */
    async payloadOf(id: string, exec: Executor = orm): Promise<string | null> {
      const [row] = await exec
        .select({ payload: importBatches.payload })
        .from(importBatches)
        .where(eq(importBatches.id, id));
      return row?.payload ?? null;
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
     * outside `scope` are never overwritten.
     */
    async upsertChunk(
      tx: Tx,
      entity: ImportEntity,
      rows: readonly NormalizedRow[],
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
          select e.obj, r.* from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as e(obj)
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
