/**
 * Presenters for auth data: sessions show a masked IP and never their token digest or CSRF secret.
 * @module
 */
import type { Session } from '@tianfu/contracts';
import type { SessionRow } from './auth.repository.ts';

/** Masks an IP address: IPv4 keeps the first two octets, IPv6 the first two groups. */
export function maskIp(ip: string | null): string | null {
  if (!ip) return null;
  if (ip.includes('.') && !ip.includes(':')) {
    const parts = ip.split('.');
    return `${parts[0]}.${parts[1]}.*.*`;
  }
  const groups = ip.split(':');
  return `${groups[0]}:${groups[1] ?? ''}:*`;
}

/** A session as its owner sees it. */
export function presentSession(s: SessionRow, currentId: string | undefined): Session {
  return {
    id: s.id,
    current: s.id === currentId,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ipMasked: maskIp(s.ip),
    userAgent: s.userAgent,
  };
}
