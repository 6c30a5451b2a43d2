import type { Rule } from 'antd/es/form';
import { isValidMobile } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';

/**
 * Client-side checks that mirror the server's contracts (the same `isValidMobile`), so most
 * mistakes are caught before a round trip; the server still validates and its field errors win.
 */
export function useFormRules() {
  const t = useT();
  return {
    required: { required: true, message: t('validate.required') } satisfies Rule,
    phone: [
      { required: true, message: t('validate.phone') },
      {
        validator: (_: unknown, value: string | undefined) =>
          !value || isValidMobile(value) ? Promise.resolve() : Promise.reject(new Error(t('validate.phone'))),
      },
    ] satisfies Rule[],
    code: [
      { required: true, message: t('validate.code') },
      { pattern: /^\s*\d{6}\s*$/, message: t('validate.code') },
    ] satisfies Rule[],
    newPassword: [
      { required: true, message: t('validate.required') },
      { min: 8, message: t('validate.passwordMin') },
    ] satisfies Rule[],
    /** Confirms the value equals the field `other`. */
    sameAs:
      (other: string): Rule =>
      ({ getFieldValue }) => ({
        validator: (_: unknown, value: string | undefined) =>
          !value || value === getFieldValue(other)
            ? Promise.resolve()
            : Promise.reject(new Error(t('validate.passwordMismatch'))),
      }),
    email: { type: 'email', message: t('validate.email') } satisfies Rule,
  };
}
