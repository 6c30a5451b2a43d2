import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import type { OtpPurpose } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { useFormRules } from '../hooks/useFormRules';
import { SmsCodeButton } from './SmsCodeButton';

interface Props {
  purpose: OtpPurpose;
  /** Validates and returns the phone number to text, or null when the phone field is invalid. */
  getPhone: () => Promise<string | null>;
  onError: (err: unknown) => void;
  extra?: ReactNode;
}

/** The SMS one-time code input (form field `code`) with its "get code" button on the same row. */
export function SmsCodeField({ purpose, getPhone, onError, extra }: Props) {
  const t = useT();
  const rules = useFormRules();
  return (
    <Form.Item label={t('field.code')} required extra={extra}>
      <div className="code-row">
        <Form.Item name="code" noStyle rules={rules.code}>
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('field.codePlaceholder')}
          />
        </Form.Item>
        <SmsCodeButton purpose={purpose} getPhone={getPhone} onError={onError} />
      </div>
    </Form.Item>
  );
}
