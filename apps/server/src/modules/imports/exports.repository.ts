/**
 * Export reads: one entity's rows matching the list filters, in id order, one page at a time
 * (keyset paging, so a 500,000-row export never holds more than a page). Queries only.
 * @module
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ExportEntity, ExportQuery } from '@tianfu/contracts';
import { canonicalRegionCode, type Db } from '@tianfu/db';
import { textList } from './imports.repository.ts';

export type ExportRow = Record<string, unknown> & { id: string };

interface ExportSource {
  from: SQL;
  /** Title-like column searched by `q`. */
  text: string;
  /** Alias of the main table. */
  alias: string;
  hasStatus: boolean;
  hasTaxonomy: { disciplines: boolean; industries: boolean };
}

const SOURCES: Record<ExportEntity, ExportSource> = {
  scientists: {
    from: sql`scientist_profiles s left join users u on u.id = s.user_id`,
    text: 's.name',
    alias: 's',
    hasStatus: true,
    hasTaxonomy: { disciplines: true, industries: false },
  },
  enterprises: {
    from: sql`organizations s left join users u on u.id = s.owner_id`,
    text: 's.name',
    alias: 's',
    hasStatus: false,
    hasTaxonomy: { disciplines: false, industries: false },
  },
  capabilities: {
    from: sql`capabilities s left join scientist_profiles sp on sp.id = s.scientist_id
      left join organizations o on o.id = s.org_id left join teams tm on tm.id = s.team_id`,
    text: 's.title',
    alias: 's',
    hasStatus: true,
    hasTaxonomy: { disciplines: true, industries: true },
  },
  results: {
    from: sql`results s left join scientist_profiles sp on sp.id = s.scientist_id
      left join organizations o on o.id = s.org_id left join teams tm on tm.id = s.team_id`,
    text: 's.title',
    alias: 's',
    hasStatus: true,
    hasTaxonomy: { disciplines: true, industries: true },
  },
  needs: {
    from: sql`needs s left join organizations o on o.id = s.org_id`,
    text: 's.title',
    alias: 's',
    hasStatus: true,
    hasTaxonomy: { disciplines: true, industries: true },
  },
};

const SELECT: Record<ExportEntity, SQL> = {
  scientists: sql`s.*, u.phone as contact_phone`,
  enterprises: sql`s.*, u.phone as contact_phone`,
  capabilities: sql`s.*, coalesce(sp.external_id, o.external_id, o.uscc) as owner_ref, coalesce(sp.name, o.name, tm.name) as owner_name`,
  results: sql`s.*, coalesce(sp.external_id, o.external_id, o.uscc) as owner_ref, coalesce(sp.name, o.name, tm.name) as owner_name`,
  needs: sql`s.*, coalesce(o.external_id, o.uscc) as org_ref, o.name as org_name`,
};

/** Escapes `%`, `_` and `\` for LIKE. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE clause of an export (filters + the officer's scope; `scope` null = everywhere). */
export function exportWhere(entity: ExportEntity, q: ExportQuery, scope: string[] | null): SQL {
  const src = SOURCES[entity];
  const parts: SQL[] = [];
  if (scope !== null) {
    parts.push(
      scope.length === 0 ? sql`false` : sql`s.region_code like any ${textList(scope.map((c) => `${c}%`))}`,
    );
  }
  if (q.region) {
    const code = canonicalRegionCode(q.region);
    parts.push(code ? sql`s.region_code like ${`${code}%`}` : sql`false`);
  }
  if (q.q) parts.push(sql`${sql.raw(src.text)} ilike ${`%${likeEscape(q.q)}%`}`);
  if (q.discipline && src.hasTaxonomy.disciplines) {
    parts.push(sql`exists (select 1 from unnest(s.disciplines) d where d like ${`${q.discipline}%`})`);
  }
  if (q.industry && src.hasTaxonomy.industries) {
    parts.push(sql`${q.industry} = any(s.industries)`);
  }
  if (q.kind && entity === 'needs') parts.push(sql`s.kind = ${q.kind}`);
  if (src.hasStatus) {
    const status = q.status ?? 'published';
    // Profiles have no review statuses; anything but draft/closed means published for them.
    parts.push(sql`s.status = ${status}`);
  }
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

export function exportsRepository(db: Db) {
  return {
    /** Rows after `afterId` (id order), at most `limit`. */
    async page(
      entity: ExportEntity,
      where: SQL,
      afterId: string | null,
      limit: number,
    ): Promise<ExportRow[]> {
      const src = SOURCES[entity];
      const after = afterId ? sql` and s.id > ${afterId}` : sql``;
      const res = (await db.orm.execute(
        sql`select ${SELECT[entity]} from ${src.from} where (${where})${after} order by s.id limit ${limit}`,
      )) as unknown as { rows: ExportRow[] };
      return res.rows;
    },

    async count(entity: ExportEntity, where: SQL): Promise<number> {
      const res = (await db.orm.execute(
        sql`select count(*)::int as n from ${SOURCES[entity].from} where ${where}`,
      )) as unknown as { rows: { n: number }[] };
      return Number(res.rows[0]?.n ?? 0);
    },
  };
}
