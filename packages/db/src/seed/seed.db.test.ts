import { readFileSync } from 'node:fs';
import { scrypt, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createDb } from '../client.ts';
import { getRegion } from '../regions/index.ts';
import { auditLog, roleAssignments, users } from '../schema/index.ts';
import { describeEachDb } from '../testing.ts';
import { DEMO_PASSWORD, DEMO_STAFF, seedIfEmpty, staffSeeder, type Seeder } from './index.ts';

// These tests are about the seeding step and the staff; the demo catalog has its own test.
const seeders = [staffSeeder];

// A real (salted scrypt) hash: the server passes argon2id, which lives in the server package.
const scryptAsync = promisify(scrypt) as (p: string, s: Buffer, n: number) => Promise<Buffer>;
async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${(await scryptAsync(password, salt, 32)).toString('hex')}`;
}
async function verify(password: string, stored: string): Promise<boolean> {
  const [, salt, hash] = stored.split('$');
  return (await scryptAsync(password, Buffer.from(salt!, 'hex'), 32)).toString('hex') === hash;
}

describeEachDb('seedIfEmpty', (getDb) => {
  it('creates the demo staff with their roles on an empty database', async () => {
    const db = getDb();
    const result = await seedIfEmpty(db, { hashPassword, seeders });
    expect(result).toMatchObject({ seeded: true, seeders: ['staff'], accounts: DEMO_STAFF.length });
    expect(result.timings.staff).toBeGreaterThanOrEqual(0);

    const rows = await db.orm
      .select({
        phone: users.phone,
        hash: users.passwordHash,
        role: roleAssignments.role,
        region: roleAssignments.regionCode,
      })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id));
    expect(rows).toHaveLength(DEMO_STAFF.length);
    const officers = rows.filter((r) => r.role === 'officer');
    const levels = officers.map((o) => getRegion(o.region!)?.level);
    expect(levels.filter((l) => l === 'province')).toHaveLength(1);
    expect(levels.filter((l) => l === 'city')).toHaveLength(3);
    expect(levels.filter((l) => l === 'county')).toHaveLength(2);
    expect(officers.map((o) => o.region)).toContain('5101');
    expect(rows.filter((r) => r.role === 'admin')).toHaveLength(1);
    // Every officer region is a real Sichuan region.
    for (const o of officers) expect(getRegion(o.region!)?.path[0]?.code).toBe('51');
    const admin = rows.find((r) => r.role === 'admin')!;
    expect(await verify(DEMO_PASSWORD, admin.hash!)).toBe(true);

    const audit = await db.orm.select().from(auditLog).where(eq(auditLog.action, 'system.seed_demo_data'));
    expect(audit).toHaveLength(1);
  });

  it('does nothing the second time', async () => {
    const db = getDb();
    expect(await seedIfEmpty(db, { hashPassword, seeders })).toEqual({
      seeded: false,
      seeders: [],
      accounts: 0,
      timings: {},
    });
    const { rows } = await db.query<{ n: number }>('select count(*) as n from users');
    expect(rows[0]?.n).toBe(DEMO_STAFF.length);
  });
});

describeEachDb('seedIfEmpty failures and concurrency', (getDb) => {
  it('rolls back everything when a seeder fails, and seeds on the next try', async () => {
    const db = getDb();
    const broken: Seeder = {
      name: 'broken',
      async run() {
        throw new Error('seeder exploded');
      },
    };
    await expect(seedIfEmpty(db, { hashPassword, seeders: [...seeders, broken] })).rejects.toThrow(
      'seeder exploded',
    );
    const { rows } = await db.query<{ n: number }>('select count(*) as n from users');
    expect(rows[0]?.n).toBe(0);
    expect((await seedIfEmpty(db, { hashPassword, seeders })).seeded).toBe(true);
  });

  it('seeds once when several processes start together', async () => {
    const db = getDb();
    // Empty the database again (audit rows stay: the log is append-only).
    await db.query('delete from role_assignments');
    await db.query('delete from users');
    const peers =
      db.kind === 'postgres'
        ? await Promise.all([1, 2, 3].map(() => createDb({ url: db.connectionString!, poolSize: 2 })))
        : [];
    try {
      const targets = db.kind === 'postgres' ? peers : [db, db, db];
      const results = await Promise.all(targets.map((t) => seedIfEmpty(t, { hashPassword, seeders })));
      expect(results.filter((r) => r.seeded)).toHaveLength(1);
      const { rows } = await db.query<{ n: number }>('select count(*) as n from users');
      expect(rows[0]?.n).toBe(DEMO_STAFF.length);
    } finally {
      await Promise.all(peers.map((p) => p.close()));
    }
  });
});

it('documents every demo account and the password in DEMO_ACCOUNTS.md', () => {
  const doc = readFileSync(new URL('./DEMO_ACCOUNTS.md', import.meta.url), 'utf8');
  expect(doc).toContain(DEMO_PASSWORD);
  for (const s of DEMO_STAFF) {
    expect(doc).toContain(s.phone);
    expect(doc).toContain(s.displayName);
    if (s.regionCode) expect(doc).toContain(`(${s.regionCode})`);
  }
});
