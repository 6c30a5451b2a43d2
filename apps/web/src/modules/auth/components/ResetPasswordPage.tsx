import { Alert, App, Button, Card, Form, Input } from 'antd';
import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { resetPassword } from '../api/authApi';
import { useFormRules } from '../hooks/useFormRules';
import { SmsCodeField } from './SmsCodeField';

interface ResetForm {
  phone: string;
  code: string;
  newPassword: string;
  confirm: string;
}

/** Forgotten password: prove the phone with a `reset_password` code, choose a new password. */
export function ResetPasswordPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const rules = useFormRules();
  const [form] = Form.useForm<ResetForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const getPhone = async () => {
    try {
      const { phone } = await form.validateFields(['phone']);
      return phone.trim();
    } catch {
      return null;
    }
  };

  const submit = async (v: ResetForm) => {
    setError(null);
    setBusy(true);
    try {
      await resetPassword(v.phone.trim(), v.code.trim(), v.newPassword);
      void message.success(t('reset.done'));
      void navigate('/login');
    } catch (err) {
      setError(applyFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page" data-testid="reset-page">
      <Card className="auth-card" variant="borderless">
        <h1 className="auth-title">{t('reset.title')}</h1>
        <p className="auth-hint">{t('reset.hint')}</p>
        {error && (
          <Alert className="auth-alert" type="error" showIcon title={error} data-testid="form-error" />
        )}
        <Form<ResetForm>
          form={form}
          layout="vertical"
          size="large"
          onFinish={(v) => void submit(v)}
          requiredMark={false}
        >
          <Form.Item name="phone" label={t('field.phone')} rules={rules.phone}>
            <Input
              prefix={<MobileOutlined />}
              inputMode="tel"
              autoComplete="tel"
              placeholder={t('field.phonePlaceholder')}
              maxLength={20}
            />
          </Form.Item>
          <SmsCodeField
            purpose="reset_password"
            getPhone={getPhone}
            onError={(err) => setError(applyFieldErrors(form, err))}
          />
          <Alert className="policy-hint" type="info" title={t('register.passwordPolicy')} />
          <Form.Item name="newPassword" label={t('password.new')} rules={rules.newPassword}>
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[rules.required, rules.sameAs('newPassword')]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="reset-submit">
            {t('reset.submit')}
          </Button>
        </Form>
        <p className="auth-switch">
          <Link to="/login">{t('reset.back')}</Link>
        </p>
      </Card>
    </div>
  );
}
