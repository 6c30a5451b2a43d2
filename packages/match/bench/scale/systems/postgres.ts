/**
 * PostgreSQL full-text search: the shared jieba analysis joined by spaces into
 * `to_tsvector('simple', …)`, a GIN index on it, btree indexes on the filter columns, and
 * `ts_rank` ordering with an OR tsquery. Everything lives in a scratch schema dropped at close.
 * Build time includes segmentation, loading and index creation; memory facts include the server
 * backend's peak RSS (read from /proc, same machine) since the index work happens there.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { profileText, type ScaleNeed, type ScaleProfile } from '../generate.ts';
import { distinct, peerTokens } from '../analyzer.ts';
import { profileId, type ScaleSystem } from '../system.ts';

/** Default connection string of the local server. */
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

function backendPeakMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Connects and prepares a scratch schema; throws when the server is unreachable. */
export async function createPostgres(
  url = process.env.TIANFU_SCALE_PG_URL ?? DEFAULT_PG_URL,
): Promise<ScaleSystem> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  const schema = `tianfu_scale_${process.pid}`;
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(
    `CREATE TABLE ${schema}.profile (seq int PRIMARY KEY, city text NOT NULL, disc text NOT NULL, tsv tsvector NOT NULL)`,
  );
  const backendPid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  const search = `SELECT seq FROM ${schema}.profile, to_tsquery('simple', $1) q
    WHERE tsv @@ q AND (CASE WHEN $2 = 'city' THEN city ELSE disc END) = $3
    ORDER BY ts_rank(tsv, q) DESC, seq LIMIT $4`;
  let closed = false;
  return {
    name: 'PostgreSQL FTS',
    async add(batch: readonly ScaleProfile[]): Promise<void> {
      await client.query(
        `INSERT INTO ${schema}.profile (seq, city, disc, tsv)
         SELECT s, c, d, to_tsvector('simple', t) FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS u(s, c, d, t)`,
        [
          batch.map((p) => p.seq),
          batch.map((p) => p.cityCode),
          batch.map((p) => p.disciplineCode),
          batch.map((p) => peerTokens(profileText(p)).join(' ')),
        ],
      );
    },
    async finish(): Promise<void> {
      await client.query(`CREATE INDEX ON ${schema}.profile USING gin (tsv)`);
      await client.query(`CREATE INDEX ON ${schema}.profile (city)`);
      await client.query(`CREATE INDEX ON ${schema}.profile (disc)`);
      await client.query(`ANALYZE ${schema}.profile`);
    },
    async search(need: ScaleNeed, k: number): Promise<string[]> {
      // Tokens are letters/digits only (see analyzer), so they are safe tsquery lexemes.
      const terms = distinct(peerTokens(`${need.title} ${need.text}`));
      if (terms.length === 0) return [];
      const [kind, value] =
        need.filter.kind === 'region' ? ['city', need.filter.prefix] : ['disc', need.filter.code];
      const res = await client.query<{ seq: number }>(search, [terms.join(' | '), kind, value, k]);
      return res.rows.map((r) => profileId(r.seq));
    },
    async facts(): Promise<Record<string, string | number>> {
      const size = await client.query<{ t: string; i: string }>(
        `SELECT pg_total_relation_size('${schema}.profile')::text AS t, pg_indexes_size('${schema}.profile')::text AS i`,
      );
      const peak = backendPeakMb(backendPid);
      return {
        'table+indexes MB': Math.round(Number(size.rows[0]!.t) / 1048576),
        'indexes MB': Math.round(Number(size.rows[0]!.i) / 1048576),
        ...(peak === undefined ? {} : { 'server backend peak RSS MB': Math.round(peak) }),
      };
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}
