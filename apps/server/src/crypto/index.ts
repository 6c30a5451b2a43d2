/** Cryptography for personal data and authentication: key ring, field encryption, blind index, passwords, tokens. */
export * from './keyring.ts';
export * from './field-encryption.ts';
export * from './blind-index.ts';
export * from './password.ts';
export * from './tokens.ts';
