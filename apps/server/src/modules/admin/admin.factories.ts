/**
 * Test factories for the administration tests: users and role grants written straight to the
 * database, and the matching `Actor` for the test-only `x-test-actor` header.
 * @module
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  roleAssignments,
  sessions,
  users,
  type AccountKind,
  type Db,
  type StaffRole,
  type UserStatus,
} from '@tianfu/db';
import type { Actor, RoleGrant } from '../../policy/actor.ts';

let seq = 0;
/** A unique valid mobile number. */
export function uniquePhone(): string {
  seq += 1;
  return `137${String(process.pid % 10_000).padStart(4, '0')}${String(seq).padStart(4, '0')}`;
}

/** Inserts a user; returns the row. */
export async function buildUser(
  db: Db,
  o: {
    phone?: string;
    displayName?: string;
    kind?: AccountKind;
    regionCode?: string | null;
    status?: UserStatus;
    email?: string;
  } = {},
) {
  const [row] = await db.orm
    .insert(users)
    .values({
      phone: o.phone ?? uniquePhone(),
      displayName: o.displayName ?? `测试用户${seq}`,
      kind: o.kind ?? 'citizen',
      regionCode: o.regionCode === undefined ? '510104' : o.regionCode,
      status: o.status ?? 'active',
      email: o.email ?? null,
      phoneVerifiedAt: new Date(),
    })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}

/** Inserts role grants for a user and returns the actor that user would be when signed in. */
export async function buildStaff(
  db: Db,
  roles: RoleGrant[],
  o: Parameters<typeof buildUser>[1] = {},
): Promise<{ user: Awaited<ReturnType<typeof buildUser>>; actor: Actor }> {
  const user = await buildUser(db, o);
  for (const r of roles)
    await db.orm
      .insert(roleAssignments)
      .values({ userId: user.id, role: r.role as StaffRole, regionCode: r.regionCode });
  return { user, actor: { userId: user.id, kind: user.kind, roles } };
}

/** A live session row for the user (to check that disabling ends it). */
export async function buildSession(db: Db, userId: string) {
  const [row] = await db.orm
    .insert(sessions)
    .values({
      userId,
      tokenHash: randomBytes(16).toString('hex'),
      csrfSecret: randomUUID(),
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    .returning();
  return row!;
}
