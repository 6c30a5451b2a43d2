/**
 * The administrator as the journey uses them: signed in through the API (enrolling TOTP the
 * first time, as the server requires of staff), reading one-time codes from the SMS outbox.
 */
import type { LoginResponse, MeResponse, SmsOutboxPage, TotpEnrollResponse } from '@tianfu/contracts';
import { ApiClient } from './api-client.ts';
import { DEMO_ADMIN } from './demo.ts';
import { totpCode } from './totp.ts';

/** The last 30-second step whose code was used, per secret. */
const lastStepUsed = new Map<string, number>();

/**
 * A TOTP code from a step newer than any used before for this secret: the server accepts each
 * step once per account (no replay), and the API and the browser may both sign the admin in within
 * one 30-second step.
 */
export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    if (step > (lastStepUsed.get(secret) ?? -1)) {
      lastStepUsed.set(secret, step);
      return totpCode(secret, now);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export class StaffSession {
  readonly api: ApiClient;
  totpSecret: string | null = null;

  constructor(baseUrl: string) {
    this.api = new ApiClient(baseUrl);
  }

  /** Signs in as the seeded admin and makes sure two-factor is on (enrolling it if needed). */
  async signInAdmin(): Promise<void> {
    await this.signInStaff(DEMO_ADMIN.phone, DEMO_ADMIN.password);
  }

  /** Signs in as any seeded staff member (officer, editor, admin), enrolling TOTP the first time. */
  async signInStaff(phone: string, password: string): Promise<void> {
    const res = await this.api.request<LoginResponse>('POST', '/api/auth/login', {
      method: 'password',
      phone,
      password,
    });
    if (res.status === 'totp_required') {
      if (!this.totpSecret)
        throw new Error(`${phone} already has TOTP from an earlier run; use a fresh data dir`);
      await this.api.request<MeResponse>('POST', '/api/auth/login/totp', {
        code: await freshTotp(this.totpSecret),
      });
      return;
    }
    if (res.me.twoFactor?.mustEnroll) {
      const enrol = await this.api.request<TotpEnrollResponse>('POST', '/api/account/totp/enroll');
      this.totpSecret = enrol.secret;
      await this.api.request('POST', '/api/account/totp/confirm', { code: await freshTotp(enrol.secret) });
    }
  }

  /** The newest one-time code texted to `phone` for `purpose`, read from the outbox. */
  async latestCode(phone: string, purpose: string): Promise<string> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const page = await this.api.request<SmsOutboxPage>(
        'GET',
        `/api/admin/sms-outbox?phone=${encodeURIComponent(phone)}&purpose=${encodeURIComponent(purpose)}&pageSize=5`,
      );
      const newest = page.items[0];
      const code = newest?.body.match(/\b(\d{6})\b/)?.[1];
      if (code) return code;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`no ${purpose} code for ${phone} in the outbox`);
  }
}
