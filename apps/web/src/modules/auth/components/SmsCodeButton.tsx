import { App, Button } from 'antd';
import { useEffect, useState } from 'react';
import type { OtpPurpose } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { ApiError } from '../../../lib/api/client';
import { requestOtp } from '../api/authApi';

interface Props {
  purpose: OtpPurpose;
  /** Validates and returns the phone number to text, or null when the phone field is invalid. */
  getPhone: () => Promise<string | null>;
  onSent?: () => void;
  onError?: (err: unknown) => void;
  block?: boolean;
}

// When the next code may be requested, per purpose: the register page shows a fresh button on its
// last step, and that one must keep counting down instead of inviting a refused second request.
const nextAllowedAt = new Map<OtpPurpose, number>();
const secondsLeft = (purpose: OtpPurpose) =>
  Math.max(0, Math.ceil(((nextAllowedAt.get(purpose) ?? 0) - Date.now()) / 1000));

/** "Get code" with the server's own cool-down (retryAfterSeconds), so a second tap never spams the phone. */
export function SmsCodeButton({ purpose, getPhone, onSent, onError, block }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [wait, setWaitState] = useState(() => secondsLeft(purpose));
  const startCooldown = (seconds: number) => {
    nextAllowedAt.set(purpose, Date.now() + seconds * 1000);
    setWaitState(seconds);
  };
  const [sending, setSending] = useState(false);

  const counting = wait > 0;
  useEffect(() => {
    if (!counting) return;
    const timer = window.setInterval(() => setWaitState(secondsLeft(purpose)), 500);
    return () => window.clearInterval(timer);
  }, [counting, purpose]);

  const send = async () => {
    const phone = await getPhone();
    if (!phone) return;
    setSending(true);
    try {
      const res = await requestOtp(phone, purpose);
      startCooldown(res.retryAfterSeconds);
      void message.success(
        t('otp.sent', { phone: res.phoneMasked, m: Math.round(res.expiresInSeconds / 60) }),
      );
      onSent?.();
    } catch (err) {
      // Rate-limited: the server says how long to wait; show the countdown rather than a dead button.
      if (
        err instanceof ApiError &&
        typeof (err.details as { retryAfterSeconds?: unknown })?.retryAfterSeconds === 'number'
      ) {
        startCooldown((err.details as { retryAfterSeconds: number }).retryAfterSeconds);
      }
      if (onError) onError(err);
      else void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Button
      block={block}
      disabled={wait > 0}
      loading={sending}
      onClick={() => void send()}
      data-testid="send-code"
    >
      {wait > 0 ? t('otp.resend', { s: wait }) : t('otp.send')}
    </Button>
  );
}
