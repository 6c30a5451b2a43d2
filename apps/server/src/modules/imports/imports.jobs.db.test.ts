import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { createJobs, importBatches, roleAssignments, scientistProfiles, users, type Jobs } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { testConfig } from '../../../test/helpers/build-test-app.ts';
import type { Actor } from '../../policy/actor.ts';
import { csvRecord } from './csv.ts';
import { IMPORT_COLUMNS, headerOf } from './imports.columns.ts';
import { IMPORTS_PURGE_JOB, purgeImportBatches, registerImportsJobs } from './imports.jobs.ts';
import { importsRepository } from './imports.repository.ts';
import { importsService, type UploadedFile } from './imports.service.ts';

const DAY = 86_400_000;

/** A scientists CSV with `n` valid rows whose external ids start with `prefix`. */
function scientistsCsv(prefix: string, n: number): UploadedFile {
  const columns = IMPORT_COLUMNS.scientists;
  let text = csvRecord(columns.map(headerOf));
  for (let i = 0; i < n; i++) {
    const cells: Record<string, string> = {
      external_id: `${prefix}-${i}`,
      name: `暂存专家${i}`,
      disciplines: '210',
      skills: '果树栽培；病害防治',
      region_code: '510104',
      capacity: '2',
    };
    text += csvRecord(columns.map((c) => cells[c.key] ?? ''));
  }
  return { fileName: `${prefix}.csv`, bytes: Buffer.from(text), format: 'csv' };
}

describeEachDb('import batches: staged rows and their purge', (getDb) => {
  let jobs: Jobs;
  let actor: Actor;
  const config = testConfig();

  beforeAll(async () => {
    const db = getDb();
    const [officer] = await db.orm
      .insert(users)
      .values({ phone: '13900004001', kind: 'citizen', displayName: '成都市科技局（暂存测试）' })
      .returning({ id: users.id });
    await db.orm.insert(roleAssignments).values({ userId: officer!.id, role: 'officer', regionCode: '5101' });
    actor = { userId: officer!.id, kind: 'citizen', roles: [{ role: 'officer', regionCode: '5101' }] };
    jobs = createJobs(db);
    await jobs.start();
    await registerImportsJobs({
      db,
      jobs,
      config,
      logger: pino({ level: 'silent' }),
      secretKey: randomBytes(32),
    });
  });
  afterAll(async () => jobs.stop());

  const service = (now: Date) => importsService({ db: getDb(), config, now: () => now });

  async function payloadOf(id: string): Promise<string | null> {
    const [row] = await getDb()
      .orm.select({ payload: importBatches.payload })
      .from(importBatches)
      .where(eq(importBatches.id, id));
    return row!.payload;
  }

  async function objectExists(ref: string): Promise<boolean> {
    const oid = /^lo:(\d+)$/.exec(ref)![1]!;
    const { rows } = await getDb().query<{ n: number }>(
      'select count(*)::int as n from pg_largeobject_metadata where oid = $1::oid',
      [oid],
    );
    return rows[0]!.n === 1;
  }

  it('stages the valid rows in a large object written in parts, read back by commit and then dropped', async () => {
    const svc = service(new Date());
    const { batch } = await svc.validate(actor, 'scientists', scientistsCsv('LO', 3));
    const ref = await payloadOf(batch.id);
    expect(ref).toMatch(/^lo:\d+$/);
    expect(await objectExists(ref!)).toBe(true);

    const done = await svc.commit(actor, batch, 'all_or_nothing');
    expect(done.status).toBe('committed');
    expect(done.inserted).toBe(3);
    expect(await payloadOf(batch.id)).toBeNull();
    expect(await objectExists(ref!)).toBe(false);
    const [row] = await getDb()
      .orm.select({ name: scientistProfiles.name })
      .from(scientistProfiles)
      .where(eq(scientistProfiles.externalId, 'LO-2'));
    expect(row?.name).toBe('暂存专家2');
  });

  it('writes and reads a payload of several parts byte for byte', async () => {
    const repo = importsRepository(getDb());
    const bytes = randomBytes(2.5 * 1048576);
    const pieces = [
      bytes.subarray(0, 700_000),
      bytes.subarray(700_000, 2_000_000),
      bytes.subarray(2_000_000),
    ];
    const [batch] = await getDb()
      .orm.insert(importBatches)
      .values({
        officerId: actor.userId,
        entity: 'scientists',
        fileName: 'parts.csv',
        format: 'csv',
        fileSize: 1,
        fileSha256: '0'.repeat(64),
        expiresAt: new Date(Date.now() + DAY),
      })
      .returning({ id: importBatches.id });
    const ref = await getDb().orm.transaction((tx) => repo.storePayload(tx, pieces));
    await getDb().orm.update(importBatches).set({ payload: ref }).where(eq(importBatches.id, batch!.id));
    const read = await repo.payloadOf(batch!.id);
    expect(read?.length).toBe(bytes.length);
    expect(read!.equals(bytes)).toBe(true);
    await repo.clearPayload(batch!.id, { status: 'expired' });
    expect(await objectExists(ref)).toBe(false);
    // Clearing again is harmless.
    await repo.clearPayload(batch!.id, {});
  });

  it('commits a batch whose payload was stored inline (base64) before large objects', async () => {
    const svc = service(new Date());
    const { batch } = await svc.validate(actor, 'scientists', scientistsCsv('INLINE', 2));
    const repo = importsRepository(getDb());
    const bytes = await repo.payloadOf(batch.id);
    await repo.clearPayload(batch.id, {});
    await getDb()
      .orm.update(importBatches)
      .set({ payload: bytes!.toString('base64') })
      .where(eq(importBatches.id, batch.id));
    const done = await svc.commit(actor, batch, 'all_or_nothing');
    expect(done.inserted).toBe(2);
    expect(await payloadOf(batch.id)).toBeNull();
  });

  it(
    'is scheduled hourly; expires overdue batches and drops their staged rows, and those of dead batches; a second run finds nothing',
    { timeout: 120_000 },
    async () => {
      expect((await jobs.boss.getSchedules()).map((s) => s.name)).toContain(IMPORTS_PURGE_JOB);
      const now = new Date();
      // Validated two days ago: expired a day ago (IMPORT_BATCH_TTL 24 h).
      const old = (
        await service(new Date(now.getTime() - 2 * DAY)).validate(
          actor,
          'scientists',
          scientistsCsv('OLD', 2),
        )
      ).batch;
      const fresh = (await service(now).validate(actor, 'scientists', scientistsCsv('FRESH', 2))).batch;
      // A failed batch still holding its staged rows, and an overdue one stored inline.
      const dead = (await service(now).validate(actor, 'scientists', scientistsCsv('DEAD', 1))).batch;
      await getDb().orm.update(importBatches).set({ status: 'failed' }).where(eq(importBatches.id, dead.id));
      const legacy = (
        await service(new Date(now.getTime() - 2 * DAY)).validate(
          actor,
          'scientists',
          scientistsCsv('LEGACY', 1),
        )
      ).batch;
      const repo = importsRepository(getDb());
      const legacyBytes = await repo.payloadOf(legacy.id);
      await repo.clearPayload(legacy.id, {});
      await getDb()
        .orm.update(importBatches)
        .set({ payload: legacyBytes!.toString('base64') })
        .where(eq(importBatches.id, legacy.id));
      const oldRef = (await payloadOf(old.id))!;
      const deadRef = (await payloadOf(dead.id))!;
      const freshRef = (await payloadOf(fresh.id))!;

      const id = await jobs.send(IMPORTS_PURGE_JOB, {});
      let state = '';
      for (let i = 0; i < 120 && state !== 'completed' && state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 500));
        state = (await jobs.boss.getJobById(IMPORTS_PURGE_JOB, id!))?.state ?? '';
      }
      expect(state).toBe('completed');

      const statusOf = async (batchId: string) =>
        (
          await getDb()
            .orm.select({ status: importBatches.status, payload: importBatches.payload })
            .from(importBatches)
            .where(eq(importBatches.id, batchId))
        )[0]!;
      expect(await statusOf(old.id)).toEqual({ status: 'expired', payload: null });
      expect(await statusOf(legacy.id)).toEqual({ status: 'expired', payload: null });
      expect(await statusOf(dead.id)).toEqual({ status: 'failed', payload: null });
      expect(await statusOf(fresh.id)).toEqual({ status: 'validated', payload: freshRef });
      expect(await objectExists(oldRef)).toBe(false);
      expect(await objectExists(deadRef)).toBe(false);
      expect(await objectExists(freshRef)).toBe(true);

      expect(await purgeImportBatches({ db: getDb(), config }, now)).toEqual({ expired: 0, cleared: 0 });
      // The expired batch answers 410; the fresh one still commits.
      await expect(service(now).commit(actor, old, 'all_or_nothing')).rejects.toMatchObject({ status: 410 });
      expect((await service(now).commit(actor, fresh, 'all_or_nothing')).inserted).toBe(2);
      // A day later the fresh batch is committed: nothing to purge.
      expect(await purgeImportBatches({ db: getDb(), config }, new Date(now.getTime() + 2 * DAY))).toEqual({
        expired: 0,
        cleared: 0,
      });
      const { rows } = await getDb().query<{ n: number }>(
        `select count(*)::int as n from import_batches where payload is not null`,
      );
      expect(rows[0]!.n).toBe(0);
    },
  );
});
