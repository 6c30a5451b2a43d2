/**
 * AES-256-GCM encryption of single database fields (resident ID numbers, TOTP secrets).
 * Stored form: `v1.<keyId>.<base64url(iv ‖ tag ‖ ciphertext)>` — the key id lets a rotated ring
 * pick the right key, and an optional associated-data string (e.g. the owning user id) binds a
 * ciphertext to its row so it cannot be copied onto another user.
 * @module
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyRing } from './keyring.ts';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Thrown when a stored ciphertext cannot be decrypted (wrong key, tampering, wrong row). */
export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

/**
 * Encrypts `plaintext` with the ring's current key.
 * @example const stored = encryptField(ring, '51010519900307123X', userId);
 */
export function encryptField(ring: KeyRing, plaintext: string, associatedData = ''): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', ring.derive('field-encryption'), iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const blob = Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url');
  return `${FORMAT}.${ring.current.id}.${blob}`;
}

/**
 * Decrypts a value produced by {@link encryptField} with any key version in the ring.
 * @throws DecryptionError on unknown format or key, tampering, or mismatched associated data
 */
export function decryptField(ring: KeyRing, stored: string, associatedData = ''): string {
  const [format, kid, blob] = stored.split('.');
  if (format !== FORMAT || !kid || !blob) throw new DecryptionError('unknown ciphertext format');
  const version = ring.byId.get(kid);
  if (!version) throw new DecryptionError(`no key with id ${kid} in the key ring`);
  const raw = Buffer.from(blob, 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptionError('ciphertext too short');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    ring.derive('field-encryption', version),
    raw.subarray(0, IV_BYTES),
  );
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new DecryptionError('ciphertext failed authentication');
  }
}

/** True when `stored` was encrypted with an older key and should be re-encrypted. */
export function needsReencryption(ring: KeyRing, stored: string): boolean {
  return stored.split('.')[1] !== ring.current.id;
}
