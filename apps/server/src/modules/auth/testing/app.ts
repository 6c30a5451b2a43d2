/**
 * Builds a real app for account-related API tests: migrated database, the real SMS outbox sender
 * (codes are read back from the delivery log) and a clock the test can move.
 * @module
 */
import pino, { type Logger } from 'pino';
import type { IdentityVerifier } from '../../identity/identity.verifier.ts';
import type { Db } from '@tianfu/db';
import type { ConfigKeyName } from '../../../config/keys.ts';
import { createSmsSender } from '../../sms/sms.factory.ts';
import { buildTestApp, testConfig, type TestApp } from '../../../../test/helpers/build-test-app.ts';

/** A clock tests can move forward. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

/** A clock starting at the real current time. */
export function testClock(): TestClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
  };
}

/** The app over `db` with outbox SMS and `clock`. */
export async function buildAccountsTestApp(
  db: Db,
  opts: {
    clock?: TestClock;
    config?: Partial<Record<ConfigKeyName, unknown>>;
    logger?: Logger;
    identityVerifier?: IdentityVerifier;
  } = {},
): Promise<TestApp & { clock: TestClock }> {
  const clock = opts.clock ?? testClock();
  const config = testConfig(opts.config);
  const sms = createSmsSender(config, db, pino({ level: 'silent' }));
  const t = await buildTestApp({
    db,
    sms,
    now: () => clock.now(),
    config: opts.config,
    ...(opts.logger ? { logger: opts.logger } : {}),
    ...(opts.identityVerifier ? { identityVerifier: opts.identityVerifier } : {}),
  });
  return { ...t, clock };
}
