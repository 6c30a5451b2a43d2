import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb, redactUrl } from './client.ts';
import { auditLog, roleAssignments, users } from './schema/index.ts';
import { describeEachDb, freshDb } from './testing.ts';

describeEachDb('createDb', (getDb) => {
  it('reports its backend and runs migrations idempotently', async () => {
    const db = getDb();
    expect(['pglite', 'postgres']).toContain(db.kind);
    await db.migrate();
    await db.migrate();
    const { rows } = await db.query<{ n: number }>('select count(*) as n from drizzle.__drizzle_migrations');
    expect(rows[0]?.n).toBeGreaterThanOrEqual(2);
    expect(typeof rows[0]?.n).toBe('number');
  });

  it('reads and writes through the ORM and the raw query escape hatch', async () => {
    const db = getDb();
    const [u] = await db.orm
      .insert(users)
      .values({ phone: '13900000001', kind: 'scientist', displayName: '张三' })
      .returning();
    expect(u?.status).toBe('active');
    expect(u?.createdAt).toBeInstanceOf(Date);
    const { rows } = await db.query<{ display_name: string }>(
      'select display_name from users where phone = $1',
      ['13900000001'],
    );
    expect(rows).toEqual([{ display_name: '张三' }]);
    const upd = await db.query('update users set locale = $1 where phone = $2', ['en', '13900000001']);
    expect(upd.rowCount).toBe(1);
    const again = await db.orm.select().from(users).where(eq(users.phone, '13900000001'));
    expect(again[0]?.locale).toBe('en');
  });

  it('enforces constraints: unique phone, known kinds, officers need a region', async () => {
    const db = getDb();
    const [u] = await db.orm.insert(users).values({ phone: '13900000002', kind: 'citizen' }).returning();
    await expect(db.orm.insert(users).values({ phone: '13900000002', kind: 'citizen' })).rejects.toThrow();
    await expect(
      db.query(`insert into users (phone, kind) values ('13900000003', 'wizard')`),
    ).rejects.toThrow();
    await expect(db.orm.insert(roleAssignments).values({ userId: u!.id, role: 'officer' })).rejects.toThrow();
    await db.orm.insert(roleAssignments).values({ userId: u!.id, role: 'officer', regionCode: '510100' });
    await db.orm.insert(roleAssignments).values({ userId: u!.id, role: 'admin' });
    // The same admin grant twice is one grant (NULL region compared as equal).
    await expect(db.orm.insert(roleAssignments).values({ userId: u!.id, role: 'admin' })).rejects.toThrow();
  });

  it('keeps the audit log append-only, purging only through audit_log_purge', async () => {
    const db = getDb();
    await db.orm.insert(auditLog).values([
      { action: 'auth.login', outcome: 'success', details: { note: 'recent' } },
      { action: 'auth.login', outcome: 'failure', at: new Date(Date.now() - 200 * 86_400_000) },
      { action: 'auth.login', outcome: 'denied', at: new Date(Date.now() - 100 * 86_400_000) },
    ]);
    await expect(db.query(`update audit_log set action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`truncate audit_log`)).rejects.toThrow(/append-only/);
    // Setting the purge flag by hand still cannot remove recent rows.
    await expect(
      db.orm.transaction(async (tx) => {
        await tx.execute(`select set_config('tianfu.audit_purge', 'on', true)`);
        await tx.delete(auditLog);
      }),
    ).rejects.toThrow();
    await expect(db.query('select audit_log_purge(30)')).rejects.toThrow(/at least 180 days/);
    const purged = await db.query<{ n: number }>('select audit_log_purge(180) as n');
    expect(Number(purged.rows[0]?.n)).toBe(1);
    const left = await db.orm.select({ outcome: auditLog.outcome }).from(auditLog);
    expect(left.map((r) => r.outcome).sort()).toEqual(['denied', 'success']);
  });
});

describe('createDb on PGlite with a data directory', () => {
  it('persists across reopen and re-migrates without error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tianfu-db-'));
    try {
      const first = await createDb({ dataDir: path.join(dir, 'pg'), url: '' });
      expect(first.kind).toBe('pglite');
      await first.migrate();
      await first.orm.insert(users).values({ phone: '13900000009', kind: 'citizen' });
      await first.close();
      const second = await createDb({ dataDir: path.join(dir, 'pg'), url: '' });
      await second.migrate();
      const { rows } = await second.query<{ n: number }>('select count(*) as n from users');
      expect(rows[0]?.n).toBe(1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a second opener of the same directory until the first closes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tianfu-db-'));
    try {
      const first = await createDb({ dataDir: path.join(dir, 'pg'), url: '' });
      await expect(createDb({ dataDir: path.join(dir, 'pg'), url: '' })).rejects.toThrow(
        /already open in process/,
      );
      await first.close();
      const second = await createDb({ dataDir: path.join(dir, 'pg'), url: '' });
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a non-PostgreSQL URL with a clear message', async () => {
    await expect(createDb({ url: 'mysql://root@localhost/x' })).rejects.toThrow(/expected postgres/);
  });

  it('redacts passwords from URLs', () => {
    expect(redactUrl('postgres://u:secret@h:5432/d')).toBe('postgres://u:***@h:5432/d');
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)('createDb on PostgreSQL', () => {
  it('lets several processes migrate the same empty database at once', async () => {
    const base = await freshDb('postgres', { migrate: false });
    try {
      const url = base.connectionString!;
      const peers = await Promise.all([1, 2, 3].map(() => createDb({ url, poolSize: 2 })));
      try {
        await Promise.all(peers.map((p) => p.migrate()));
        const { rows } = await base.query<{ n: number }>(
          'select count(*) as n from drizzle.__drizzle_migrations',
        );
        const files = await base.query<{ n: number }>(
          `select count(*) as n from information_schema.tables where table_name = 'users'`,
        );
        expect(files.rows[0]?.n).toBe(1);
        expect(rows[0]?.n).toBeGreaterThanOrEqual(2);
        const distinct = await base.query<{ n: number }>(
          'select count(distinct hash) as n from drizzle.__drizzle_migrations',
        );
        expect(distinct.rows[0]?.n).toBe(rows[0]?.n);
      } finally {
        await Promise.all(peers.map((p) => p.close()));
      }
    } finally {
      await base.close();
    }
  });
});
