/**
 * Sessions: an opaque 256-bit token in an HttpOnly cookie, stored only as its SHA-256 digest,
 * with sliding expiry (SESSION_TTL after the last use). A session created after a correct password
 * but before the TOTP step is "pending": it grants nothing and dies after 5 minutes.
 * @module
 */
import { generateToken, hashToken } from '../../crypto/tokens.ts';
import type { AuthContext } from './auth.context.ts';
import { authRepository, type SessionRow, type UserRow } from './auth.repository.ts';

/** How long a pending-2FA session lives. */
export const PENDING_TOTP_TTL_MS = 5 * 60_000;
// Refresh `last_seen_at`/`expires_at` at most this often, so reads do not write on every request.
const TOUCH_INTERVAL_MS = 60_000;

/** A session token handed to the client, with the CSRF token bound to it. */
export interface IssuedSession {
  token: string;
  csrfToken: string;
  session: SessionRow;
}

/** Session lifecycle. */
export function sessionService(ctx: AuthContext) {
  const repo = authRepository(ctx.db);
  const ttlMs = () => ctx.config.SESSION_TTL * 1000;

  return {
    /** Opens a session (full, or pending the TOTP step). */
    async create(
      userId: string,
      meta: { ip?: string | null; userAgent?: string | null; totpPending?: boolean },
    ): Promise<IssuedSession> {
      const now = ctx.now();
      const token = generateToken();
      const csrfToken = generateToken();
      const session = await repo.insertSession({
        userId,
        tokenHash: hashToken(token),
        csrfSecret: csrfToken,
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 400) ?? null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + (meta.totpPending ? PENDING_TOTP_TTL_MS : ttlMs())),
        totpPending: meta.totpPending ?? false,
      });
      return { token, csrfToken, session };
    },

    /** The live session and user for a cookie token, sliding the expiry forward; undefined if none. */
    async resolve(
      token: string,
    ): Promise<{ session: SessionRow; user: UserRow; touched: boolean } | undefined> {
      const now = ctx.now();
      const found = await repo.liveSessionByTokenHash(hashToken(token), now);
      if (!found || found.user.status !== 'active') return undefined;
      const { session } = found;
      let touched = false;
      if (!session.totpPending && now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        const expiresAt = new Date(now.getTime() + ttlMs());
        await repo.updateSession(session.id, { lastSeenAt: now, expiresAt });
        session.lastSeenAt = now;
        session.expiresAt = expiresAt;
        touched = true;
      }
      return { ...found, touched };
    },

    /**
     * Turns a pending session into a full one under a NEW token (the pending token could have been
     * observed before the second factor was shown).
     */
    async completeTotp(session: SessionRow): Promise<IssuedSession> {
      const now = ctx.now();
      const token = generateToken();
      const csrfToken = generateToken();
      const expiresAt = new Date(now.getTime() + ttlMs());
      await repo.updateSession(session.id, {
        tokenHash: hashToken(token),
        csrfSecret: csrfToken,
        totpPending: false,
        lastSeenAt: now,
        expiresAt,
      });
      return { token, csrfToken, session: { ...session, totpPending: false, lastSeenAt: now, expiresAt } };
    },

    async revoke(sessionId: string, userId: string): Promise<boolean> {
      return repo.revokeOwnSession(userId, sessionId, ctx.now());
    },
    async revokeOthers(userId: string, keepId: string | null): Promise<void> {
      await repo.revokeOtherSessions(userId, keepId, ctx.now());
    },
    async list(userId: string): Promise<SessionRow[]> {
      return repo.liveSessionsOf(userId, ctx.now());
    },
  };
}
