/**
 * The AES-256 key that encrypts personal data at rest. Production must bring its own key;
 * development creates one in the data directory so restarts can still decrypt; tests get a fresh one.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './load.ts';
import type { AppConfig } from './keys.ts';

/** Decodes 64 hex characters or base64 into exactly 32 bytes, or null. */
export function decodeKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) {
    const b = Buffer.from(t, 'base64');
    if (b.length === 32) return b;
  }
  return null;
}

/**
 * Resolves the 32-byte key: TIANFU_SECRET_KEY, else TIANFU_KEY_FILE, else (not production)
 * `<data dir>/secret.key`, created on first use with mode 0600 (NODE_ENV=test: a fresh random key).
 * @throws ConfigError when the key is missing in production or malformed anywhere
 */
export function resolveSecretKey(c: AppConfig): Buffer {
  if (c.TIANFU_SECRET_KEY) {
    const key = decodeKey(c.TIANFU_SECRET_KEY);
    if (!key) throw new ConfigError('TIANFU_SECRET_KEY must be 32 bytes: 64 hex characters or base64');
    return key;
  }
  if (c.TIANFU_KEY_FILE) {
    let text: string;
    try {
      text = readFileSync(c.TIANFU_KEY_FILE, 'utf8');
    } catch (err) {
      throw new ConfigError(`Cannot read TIANFU_KEY_FILE=${c.TIANFU_KEY_FILE}: ${(err as Error).message}`);
    }
    const key = decodeKey(text);
    if (!key)
      throw new ConfigError(
        `TIANFU_KEY_FILE=${c.TIANFU_KEY_FILE} must hold 32 bytes as 64 hex characters or base64`,
      );
    return key;
  }
  if (c.NODE_ENV === 'production') {
    throw new ConfigError(
      'NODE_ENV=production needs an encryption key: set TIANFU_SECRET_KEY or TIANFU_KEY_FILE',
    );
  }
  // Tests get a throwaway key rather than a file in whatever directory they run from.
  if (c.NODE_ENV === 'test') return randomBytes(32);
  const path = join(resolve(c.TIANFU_DATA_DIR), 'secret.key');
  if (existsSync(path)) {
    const key = decodeKey(readFileSync(path, 'utf8'));
    if (!key) throw new ConfigError(`${path} is corrupt: expected 64 hex characters`);
    return key;
  }
  const key = randomBytes(32);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, key.toString('hex') + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}
