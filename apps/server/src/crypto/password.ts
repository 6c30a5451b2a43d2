/**
 * Password hashing with argon2id (OWASP parameters: 19 MiB memory, 2 iterations, 1 lane).
 * `hashPassword` is also what the demo seed uses, so seeded accounts sign in like real ones.
 * @module
 */
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

// `Algorithm` is an ambient const enum (not importable as a value with isolatedModules); 2 = Argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Hashes a password into a self-describing PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
 * @example const stored = await hashPassword('correct horse battery staple');
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored hash; false (never throws) for malformed hashes. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// A real hash of a random string: verifying against it when the account does not exist makes
// "unknown phone" and "wrong password" take the same time.
let dummyHash: Promise<string> | undefined;

/** Burns the same time as a real verification; use when the account does not exist. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  await verifyPassword(await dummyHash, password);
  return false;
}
