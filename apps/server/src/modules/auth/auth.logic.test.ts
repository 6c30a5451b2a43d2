import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors/app-error.ts';
import { maskIp } from './auth.presenter.ts';
import { previousKeys } from './auth.context.ts';
import { actorFor, totpRequired } from './me.service.ts';
import { checkSendLimits } from './otp.service.ts';
import type { UserRow } from './auth.repository.ts';

const at = (iso: string) => new Date(iso);

function limitError(times: Date[], now: Date) {
  try {
    checkSendLimits(times, now);
    return null;
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { code: err.code, retryAfter: Number(err.headers?.['retry-after']) };
  }
}

describe('SMS code send limits', () => {
  const now = at('2026-03-01T12:00:00Z');

  it('allows the first code and refuses a second within the minute, with the exact wait', () => {
    expect(limitError([], now)).toBeNull();
    expect(limitError([at('2026-03-01T11:59:20Z')], now)).toEqual({
      code: 'auth.otp_too_frequent',
      retryAfter: 20,
    });
    expect(limitError([at('2026-03-01T11:58:59Z')], now)).toBeNull();
  });

  it('refuses a sixth code in an hour until the oldest of the five leaves the window', () => {
    const five = [10, 20, 30, 40, 50].map((m) => at(`2026-03-01T11:${m}:00Z`));
    expect(limitError(five, now)).toEqual({ code: 'auth.otp_hourly_limit', retryAfter: 10 * 60 });
    expect(limitError(five.slice(1), now)).toBeNull();
  });

  it('refuses an eleventh code in a day', () => {
    const ten = Array.from({ length: 10 }, (_, i) => at(`2026-03-01T0${i}:00:00Z`));
    expect(limitError(ten, now)).toEqual({ code: 'auth.otp_daily_limit', retryAfter: 12 * 3600 });
  });
});

describe('staff roles need TOTP', () => {
  const user = { id: 'u1', kind: 'citizen', totpEnabledAt: null } as unknown as UserRow;
  const officer = [{ role: 'officer' as const, regionCode: '5101' }];

  it('requires TOTP for officers and admins, not editors', () => {
    expect(totpRequired(officer)).toBe(true);
    expect(totpRequired([{ role: 'admin', regionCode: null }])).toBe(true);
    expect(totpRequired([{ role: 'editor', regionCode: null }])).toBe(false);
  });

  it('gives an officer without TOTP no staff roles, and with TOTP all of them', () => {
    expect(actorFor(user, officer, 's1').roles).toEqual([]);
    expect(actorFor({ ...user, totpEnabledAt: new Date() }, officer, 's1').roles).toEqual(officer);
    expect(actorFor(user, [{ role: 'editor', regionCode: null }]).roles).toHaveLength(1);
  });
});

describe('IP masking', () => {
  it('keeps only the network part', () => {
    expect(maskIp('203.0.113.42')).toBe('203.0.*.*');
    expect(maskIp('2001:db8:85a3::8a2e:370:7334')).toBe('2001:db8:*');
    expect(maskIp(null)).toBeNull();
  });
});

describe('previous keys for rotation', () => {
  it('parses a comma-separated list and refuses malformed keys', () => {
    const hex = 'ab'.repeat(32);
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(previousKeys(`${hex}, ${b64}`).map((k) => k.length)).toEqual([32, 32]);
    expect(previousKeys(undefined)).toEqual([]);
    expect(() => previousKeys('short')).toThrow(/TIANFU_PREVIOUS_KEYS/);
  });
});
