/**
 * Stable ids for demo rows: a UUID derived from the demo key (`demo-sci-0001`), so every fresh
 * install gets the same ids and rows can be linked before anything is written.
 * @module
 */
import { createHash } from 'node:crypto';

/**
 * A name-based UUID (version 5 layout, SHA-1 of a fixed namespace and the key).
 * @example demoUuid('demo-sci-0001') // always the same '…-5…-…' uuid
 */
export function demoUuid(key: string): string {
  const hex = createHash('sha1').update(`tianfu-demo:${key}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16).padStart(2, '0');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(18, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** A small deterministic hash of a key, 0 ≤ n < modulo (spreads statuses and dates over rows). */
export function bucket(key: string, modulo: number): number {
  const digest = createHash('sha1').update(key).digest();
  return digest.readUInt32BE(0) % modulo;
}
