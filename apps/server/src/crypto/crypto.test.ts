import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndex } from './blind-index.ts';
import { DecryptionError, decryptField, encryptField, needsReencryption } from './field-encryption.ts';
import { createKeyRing } from './keyring.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';
import { generateNumericCode, generateToken, hashOtpCode, hashToken, safeEqual } from './tokens.ts';

const ID = '51010519900307123X';

describe('field encryption (AES-256-GCM)', () => {
  const ring = createKeyRing(randomBytes(32));

  it('round-trips and never contains the plaintext', () => {
    const stored = encryptField(ring, ID, 'user-1');
    expect(stored).not.toContain(ID);
    expect(stored.startsWith(`v1.${ring.current.id}.`)).toBe(true);
    expect(decryptField(ring, stored, 'user-1')).toBe(ID);
    // Random IV: the same plaintext encrypts differently each time.
    expect(encryptField(ring, ID, 'user-1')).not.toBe(stored);
  });

  it('refuses tampered ciphertext, a different row and a different key', () => {
    const stored = encryptField(ring, ID, 'user-1');
    expect(() => decryptField(ring, stored, 'user-2')).toThrow(DecryptionError);
    const blob = stored.split('.')[2]!;
    const flipped = Buffer.from(blob, 'base64url');
    flipped[flipped.length - 1]! ^= 1;
    expect(() =>
      decryptField(ring, `v1.${ring.current.id}.${flipped.toString('base64url')}`, 'user-1'),
    ).toThrow(DecryptionError);
    expect(() => decryptField(createKeyRing(randomBytes(32)), stored, 'user-1')).toThrow(/no key/);
    expect(() => decryptField(ring, 'garbage', '')).toThrow(/format/);
  });

  it('decrypts with a retired key after rotation and flags the value for re-encryption', () => {
    const oldKey = randomBytes(32);
    const stored = encryptField(createKeyRing(oldKey), ID);
    const rotated = createKeyRing(randomBytes(32), [oldKey]);
    expect(decryptField(rotated, stored)).toBe(ID);
    expect(needsReencryption(rotated, stored)).toBe(true);
    expect(needsReencryption(rotated, encryptField(rotated, ID))).toBe(false);
  });

  it('rejects keys of the wrong length', () => {
    expect(() => createKeyRing(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('blind index', () => {
  it('is deterministic per key and domain', () => {
    const key = randomBytes(32);
    const a = createKeyRing(key);
    const b = createKeyRing(key);
    expect(blindIndex(a, 'rid', ID)).toBe(blindIndex(b, 'rid', ID));
    expect(blindIndex(a, 'rid', ID)).not.toBe(blindIndex(a, 'phone', ID));
    expect(blindIndex(a, 'rid', ID)).not.toBe(blindIndex(createKeyRing(randomBytes(32)), 'rid', ID));
  });
});

describe('passwords (argon2id)', () => {
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('坚固的口令 correct horse');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, '坚固的口令 correct horse')).toBe(true);
    expect(await verifyPassword(h, '坚固的口令 correct hors')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    expect(await verifyAgainstDummy('x')).toBe(false);
  });
});

describe('tokens and codes', () => {
  it('generates distinct tokens and hashes them stably', () => {
    const t = generateToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(t);
    expect(hashToken(t)).toBe(hashToken(t));
    expect(hashToken(t)).not.toBe(t);
  });

  it('makes 6-digit codes and binds code digests to phone and purpose', () => {
    for (let i = 0; i < 50; i += 1) expect(generateNumericCode()).toMatch(/^\d{6}$/);
    const ring = createKeyRing(randomBytes(32));
    const h = hashOtpCode(ring, '13800000001', 'login', '123456');
    expect(hashOtpCode(ring, '13800000001', 'login', '123456')).toBe(h);
    expect(hashOtpCode(ring, '13800000001', 'register', '123456')).not.toBe(h);
    expect(hashOtpCode(ring, '13800000002', 'login', '123456')).not.toBe(h);
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
