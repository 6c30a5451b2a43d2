import { App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { SmsCodeButton } from '../../auth/components/SmsCodeButton';
import { useFormRules } from '../../auth/hooks/useFormRules';
import { useSession } from '../../auth/hooks/useSession';
import { changePhone } from '../api/accountApi';

interface PhoneForm {
  newPhone: string;
  code: string;
}

/** Shows the masked number; changing it proves the new number with a `change_phone` code. */
export function PhoneCard() {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const { user, refresh } = useSession();
  const [form] = Form.useForm<PhoneForm>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const getPhone = async () => {
    try {
      const { newPhone } = await form.validateFields(['newPhone']);
      return newPhone.trim();
    } catch {
      return null;
    }
  };

  const submit = async (v: PhoneForm) => {
    setBusy(true);
    try {
      await changePhone(v.newPhone.trim(), v.code.trim());
      void message.success(t('phone.changed'));
      form.resetFields();
      setOpen(false);
      await refresh();
    } catch (err) {
      void message.error(applyFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      variant="borderless"
      title={t('phone.title')}
      data-testid="phone-card"
      extra={
        !open && (
          <Button type="link" onClick={() => setOpen(true)}>
            {t('phone.change')}
          </Button>
        )
      }
    >
      <p className="card-lead">{t('phone.current', { phone: user?.phoneMasked ?? '' })}</p>
      {open && (
        <Form<PhoneForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="newPhone" label={t('phone.new')} rules={rules.phone}>
            <Input
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              placeholder={t('field.phonePlaceholder')}
            />
          </Form.Item>
          <Form.Item label={t('field.code')} required>
            <div className="code-row">
              <Form.Item name="code" noStyle rules={rules.code}>
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  placeholder={t('field.codePlaceholder')}
                />
              </Form.Item>
              <SmsCodeButton
                purpose="change_phone"
                getPhone={getPhone}
                onError={(err) => void message.error(applyFieldErrors(form, err))}
              />
            </div>
          </Form.Item>
          <div className="form-actions">
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
