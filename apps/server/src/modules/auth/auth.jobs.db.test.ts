import { expect, it } from 'vitest';
import { describeEachDb } from '@tianfu/db/testing';
import { otpCodes, sessions, signInFailures, users } from '@tianfu/db';
import { purgeAuthData } from './auth.jobs.ts';

describeEachDb('auth data purge', (getDb) => {
  it('deletes old codes, dead sessions and stale counters, keeps live ones, and is idempotent', async () => {
    const db = getDb();
    const now = new Date('2026-06-01T00:00:00Z');
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const [u] = await db.orm.insert(users).values({ phone: '13900000001', kind: 'citizen' }).returning();
    await db.orm.insert(otpCodes).values([
      { phone: '13900000001', purpose: 'login', codeHash: 'a', expiresAt: days(3), createdAt: days(3) },
      { phone: '13900000001', purpose: 'login', codeHash: 'b', expiresAt: now, createdAt: days(0.5) },
    ]);
    await db.orm.insert(sessions).values([
      { userId: u!.id, tokenHash: 'old', csrfSecret: 'x', expiresAt: days(40) },
      { userId: u!.id, tokenHash: 'revoked', csrfSecret: 'x', expiresAt: now, revokedAt: days(31) },
      { userId: u!.id, tokenHash: 'live', csrfSecret: 'x', expiresAt: new Date(now.getTime() + 86_400_000) },
    ]);
    await db.orm.insert(signInFailures).values([
      { scope: 'ip', key: '10.0.0.1', failures: 2, updatedAt: days(3), windowStartedAt: days(3) },
      { scope: 'ip', key: '10.0.0.2', failures: 5, updatedAt: now, windowStartedAt: now, lockedUntil: now },
    ]);

    expect(await purgeAuthData({ db }, now)).toEqual({ codes: 1, sessions: 2 });
    expect((await db.orm.select().from(otpCodes)).map((r) => r.codeHash)).toEqual(['b']);
    expect((await db.orm.select().from(sessions)).map((r) => r.tokenHash)).toEqual(['live']);
    expect((await db.orm.select().from(signInFailures)).map((r) => r.key)).toEqual(['10.0.0.2']);
    expect(await purgeAuthData({ db }, now)).toEqual({ codes: 0, sessions: 0 });
  });
});
