/**
 * What the auth, accounts, identity and privacy services need, built once per app from `app.deps`.
 * Services take this plain object (not the Fastify app) so they can be tested on a database alone.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Db } from '@tianfu/db';
import type { SmsSender } from '../../app-deps.ts';
import type { AppConfig } from '../../config/keys.ts';
import { createKeyRing, type KeyRing } from '../../crypto/keyring.ts';
import { ConfigError } from '../../config/load.ts';
import { decodeKey } from '../../config/secret-key.ts';

/** Dependencies of the account-related services. */
export interface AuthContext {
  db: Db;
  config: AppConfig;
  ring: KeyRing;
  sms: SmsSender | undefined;
  now: () => Date;
  logger: Logger;
}

const contexts = new WeakMap<object, AuthContext>();

/** Parses TIANFU_PREVIOUS_KEYS (comma-separated hex/base64 32-byte keys). */
export function previousKeys(value: string | undefined): Buffer[] {
  if (!value) return [];
  return value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => {
      const key = decodeKey(k);
      if (!key)
        throw new ConfigError(
          'TIANFU_PREVIOUS_KEYS must list 32-byte keys (64 hex characters or base64), comma-separated',
        );
      return key;
    });
}

/** The context for an app (one key ring per app instance, shared by all four modules). */
export function authContextOf(app: FastifyInstance): AuthContext {
  let ctx = contexts.get(app.deps);
  if (!ctx) {
    ctx = {
      db: app.deps.db,
      config: app.config,
      ring: createKeyRing(app.deps.secretKey, previousKeys(app.config.TIANFU_PREVIOUS_KEYS)),
      sms: app.deps.sms,
      now: app.deps.now,
      logger: app.deps.logger,
    };
    contexts.set(app.deps, ctx);
  }
  return ctx;
}
