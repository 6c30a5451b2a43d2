/**
 * Key ring: one 32-byte master secret (from F2's `resolveSecretKey`) per key version, and
 * purpose-specific sub-keys derived with HKDF so encryption, blind indexes and code hashing never
 * share a key. The newest version encrypts; older versions only decrypt (rotation).
 * @module
 */
import { createHash, hkdfSync } from 'node:crypto';

/** Purposes with their own derived key. */
export type KeyPurpose = 'field-encryption' | 'blind-index' | 'otp-code';

/** One usable key version. */
export interface KeyVersion {
  /** Short stable id written into every ciphertext (first 8 hex of SHA-256 over the key). */
  id: string;
  master: Buffer;
}

/** The key ring used by the crypto helpers. */
export interface KeyRing {
  current: KeyVersion;
  /** All versions by id, current included. */
  byId: ReadonlyMap<string, KeyVersion>;
  /** The derived 32-byte key for a purpose and version (default: current). */
  derive(purpose: KeyPurpose, version?: KeyVersion): Buffer;
}

/** The id of a master key: not secret-revealing (a hash), short enough for every ciphertext. */
export function keyId(master: Buffer): string {
  return createHash('sha256').update('tianfu-key-id').update(master).digest('hex').slice(0, 8);
}

/**
 * Builds a key ring. `previous` are retired master keys kept so old ciphertexts still decrypt.
 * @throws Error when a key is not exactly 32 bytes
 * @example const ring = createKeyRing(resolveSecretKey(config));
 */
export function createKeyRing(current: Buffer, previous: readonly Buffer[] = []): KeyRing {
  for (const k of [current, ...previous]) {
    if (k.length !== 32) throw new Error('encryption keys must be exactly 32 bytes');
  }
  const cur: KeyVersion = { id: keyId(current), master: current };
  const byId = new Map<string, KeyVersion>([[cur.id, cur]]);
  for (const p of previous) {
    const v = { id: keyId(p), master: p };
    if (!byId.has(v.id)) byId.set(v.id, v);
  }
  const cache = new Map<string, Buffer>();
  return {
    current: cur,
    byId,
    derive(purpose, version = cur) {
      const cacheKey = `${version.id}:${purpose}`;
      let key = cache.get(cacheKey);
      if (!key) {
        key = Buffer.from(hkdfSync('sha256', version.master, Buffer.alloc(0), `tianfu:${purpose}`, 32));
        cache.set(cacheKey, key);
      }
      return key;
    },
  };
}
