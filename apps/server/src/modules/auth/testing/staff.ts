/**
 * Staff factories for API tests: a registered user with a role who has enrolled TOTP (staff roles
 * only take effect with TOTP on), signed in and ready to act.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import type { Db, StaffRole } from '@tianfu/db';
import { currentTotp } from '../totp.ts';
import { grantRole, registerUser } from './client.ts';

/** Registers a user, grants `role` (officers need a region) and enrolls TOTP. */
export async function registerStaff(
  app: FastifyInstance,
  db: Db,
  role: StaffRole,
  regionCode: string | null,
  now: () => Date = () => new Date(),
) {
  const u = await registerUser(app, db, { displayName: `${role}-${regionCode ?? 'all'}` });
  await grantRole(db, u.userId, role, regionCode);
  const enroll = await u.client.post('/api/account/totp/enroll');
  const { secret } = enroll.json() as { secret: string };
  const confirm = await u.client.post('/api/account/totp/confirm', { code: currentTotp(secret, now()) });
  if (confirm.statusCode !== 200) throw new Error(`TOTP confirm failed: ${confirm.body}`);
  return { ...u, totpSecret: secret };
}
