/**
 * Queries for users, roles, sessions, one-time codes, sign-in throttling and password history.
 * No rules here: the services decide.
 * @module
 */
import { and, desc, eq, gt, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import {
  otpCodes,
  passwordHistory,
  roleAssignments,
  sessions,
  signInFailures,
  users,
  type Db,
  type OtpPurpose,
  type ThrottleScope,
} from '@tianfu/db';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type OtpRow = typeof otpCodes.$inferSelect;

/** Repository over the auth tables. */
export function authRepository(db: Db) {
  const orm = db.orm;
  return {
    async userByPhone(phone: string): Promise<UserRow | undefined> {
      const [row] = await orm.select().from(users).where(eq(users.phone, phone)).limit(1);
      return row;
    },
    async userById(id: string): Promise<UserRow | undefined> {
      const [row] = await orm.select().from(users).where(eq(users.id, id)).limit(1);
      return row;
    },
    async insertUser(values: typeof users.$inferInsert): Promise<UserRow> {
      const [row] = await orm.insert(users).values(values).returning();
      return row!;
    },
    async updateUser(id: string, values: Partial<typeof users.$inferInsert>): Promise<void> {
      await orm.update(users).set(values).where(eq(users.id, id));
    },
    /** Records a used TOTP step; false when that step (or a later one) was already used. */
    async claimTotpStep(userId: string, step: number): Promise<boolean> {
      const res = await db.query(
        'update users set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2) returning id',
        [userId, step],
      );
      return res.rows.length > 0;
    },
    async rolesOf(userId: string) {
      return orm
        .select({ role: roleAssignments.role, regionCode: roleAssignments.regionCode })
        .from(roleAssignments)
        .where(eq(roleAssignments.userId, userId));
    },

    // Sessions
    async insertSession(values: typeof sessions.$inferInsert): Promise<SessionRow> {
      const [row] = await orm.insert(sessions).values(values).returning();
      return row!;
    },
    /** A live session with its user, by token digest. */
    async liveSessionByTokenHash(tokenHash: string, now: Date) {
      const [row] = await orm
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
        )
        .limit(1);
      return row;
    },
    async updateSession(id: string, values: Partial<typeof sessions.$inferInsert>): Promise<void> {
      await orm.update(sessions).set(values).where(eq(sessions.id, id));
    },
    async liveSessionsOf(userId: string, now: Date): Promise<SessionRow[]> {
      return orm
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
        .orderBy(desc(sessions.lastSeenAt));
    },
    /** Revokes one session only if it belongs to `userId`; returns whether a row changed. */
    async revokeOwnSession(userId: string, sessionId: string, now: Date): Promise<boolean> {
      const rows = await orm
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      return rows.length > 0;
    },
    /** Revokes every session of a user except `keepId` (after a password change). */
    async revokeOtherSessions(userId: string, keepId: string | null, now: Date): Promise<void> {
      const cond = keepId
        ? and(eq(sessions.userId, userId), isNull(sessions.revokedAt), sql`${sessions.id} <> ${keepId}`)
        : and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
      await orm.update(sessions).set({ revokedAt: now }).where(cond);
    },

    // One-time codes
    async insertOtp(values: typeof otpCodes.$inferInsert): Promise<string> {
      const [row] = await orm.insert(otpCodes).values(values).returning({ id: otpCodes.id });
      return row!.id;
    },
    /** Creation times of codes sent to a phone since `since`, oldest first (rate limits). */
    async otpSendTimes(phone: string, since: Date): Promise<Date[]> {
      const rows = await orm
        .select({ createdAt: otpCodes.createdAt })
        .from(otpCodes)
        .where(and(eq(otpCodes.phone, phone), gte(otpCodes.createdAt, since)))
        .orderBy(otpCodes.createdAt);
      return rows.map((r) => r.createdAt);
    },
    /** The newest unconsumed, unexpired code for a phone and purpose. */
    async latestOpenOtp(phone: string, purpose: OtpPurpose, now: Date): Promise<OtpRow | undefined> {
      const [row] = await orm
        .select()
        .from(otpCodes)
        .where(
          and(
            eq(otpCodes.phone, phone),
            eq(otpCodes.purpose, purpose),
            isNull(otpCodes.consumedAt),
            gt(otpCodes.expiresAt, now),
          ),
        )
        .orderBy(desc(otpCodes.createdAt))
        .limit(1);
      return row;
    },
    async bumpOtpAttempts(id: string): Promise<void> {
      await orm
        .update(otpCodes)
        .set({ attempts: sql`${otpCodes.attempts} + 1` })
        .where(eq(otpCodes.id, id));
    },
    /** Marks a code used; false when another request consumed it first. */
    async consumeOtp(id: string, now: Date): Promise<boolean> {
      const rows = await orm
        .update(otpCodes)
        .set({ consumedAt: now })
        .where(and(eq(otpCodes.id, id), isNull(otpCodes.consumedAt)))
        .returning({ id: otpCodes.id });
      return rows.length > 0;
    },

    // Sign-in throttling
    async throttleRows(keys: { scope: ThrottleScope; key: string }[]) {
      if (keys.length === 0) return [];
      const all = await orm
        .select()
        .from(signInFailures)
        .where(
          inArray(
            signInFailures.key,
            keys.map((k) => k.key),
          ),
        );
      return all.filter((r) => keys.some((k) => k.scope === r.scope && k.key === r.key));
    },
    /**
     * Counts one failure in a window of `windowMs`; locks for `lockMs` when the count reaches
     * `threshold`. One atomic upsert so concurrent failures are all counted.
     */
    async recordFailure(
      scope: ThrottleScope,
      key: string,
      now: Date,
      windowMs: number,
      threshold: number,
      lockMs: number,
    ) {
      const windowStart = new Date(now.getTime() - windowMs);
      const lockUntil = new Date(now.getTime() + lockMs);
      await db.query(
        `insert into sign_in_failures (scope, key, failures, window_started_at, locked_until, updated_at)
         values ($1, $2, 1, $3, case when 1 >= $6 then $5::timestamptz else null end, $3)
         on conflict (scope, key) do update set
           failures = case when sign_in_failures.window_started_at < $4 then 1 else sign_in_failures.failures + 1 end,
           window_started_at = case when sign_in_failures.window_started_at < $4 then $3 else sign_in_failures.window_started_at end,
           locked_until = case
             when (case when sign_in_failures.window_started_at < $4 then 1 else sign_in_failures.failures + 1 end) >= $6
             then $5::timestamptz else sign_in_failures.locked_until end,
           updated_at = $3`,
        [scope, key, now.toISOString(), windowStart.toISOString(), lockUntil.toISOString(), threshold],
      );
    },
    async clearFailures(scope: ThrottleScope, key: string): Promise<void> {
      await orm
        .delete(signInFailures)
        .where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, key)));
    },

    // Password history
    async recentPasswordHashes(userId: string, limit: number): Promise<string[]> {
      const rows = await orm
        .select({ h: passwordHistory.passwordHash })
        .from(passwordHistory)
        .where(eq(passwordHistory.userId, userId))
        .orderBy(desc(passwordHistory.createdAt))
        .limit(limit);
      return rows.map((r) => r.h);
    },
    async addPasswordHistory(userId: string, passwordHash: string, now: Date): Promise<void> {
      await orm.insert(passwordHistory).values({ userId, passwordHash, createdAt: now });
    },
    async prunePasswordHistory(userId: string, keep: number): Promise<void> {
      await db.query(
        `delete from password_history where user_id = $1 and id not in
           (select id from password_history where user_id = $1 order by created_at desc limit $2)`,
        [userId, keep],
      );
    },
    /** Deletes codes created before `before` (housekeeping; the daily limit needs the last 24 h). */
    async purgeOldOtps(before: Date): Promise<number> {
      const rows = await orm
        .delete(otpCodes)
        .where(lt(otpCodes.createdAt, before))
        .returning({ id: otpCodes.id });
      return rows.length;
    },
    /** Deletes sessions that expired or were revoked before `before`. */
    async purgeDeadSessions(before: Date): Promise<number> {
      const rows = await orm
        .delete(sessions)
        .where(sql`${sessions.expiresAt} < ${before} or ${sessions.revokedAt} < ${before}`)
        .returning({ id: sessions.id });
      return rows.length;
    },
    /** Deletes throttle rows whose window and lock are both over. */
    async purgeStaleThrottles(before: Date): Promise<void> {
      await orm
        .delete(signInFailures)
        .where(
          sql`${signInFailures.updatedAt} < ${before} and (${signInFailures.lockedUntil} is null or ${signInFailures.lockedUntil} < ${before})`,
        );
    },
  };
}

export type AuthRepository = ReturnType<typeof authRepository>;
