import { Alert, App, Button, Card, Form, Input, Tabs } from 'antd';
import { LockOutlined, MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { MeResponse } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { ApiError } from '../../../lib/api/client';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { login, loginTotp } from '../api/authApi';
import { useFormRules } from '../hooks/useFormRules';
import { useSession } from '../hooks/useSession';
import { SmsCodeField } from './SmsCodeField';

type Method = 'password' | 'sms';

interface LoginForm {
  phone: string;
  password?: string;
  code?: string;
}

interface ShownError {
  locked: boolean;
  message: string;
}

/** Only same-site paths are followed after sign-in (no open redirect through `?next=`). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/account';
}

function toShownError(form: ReturnType<typeof Form.useForm<LoginForm>>[0], err: unknown): ShownError {
  const message = applyFieldErrors(form, err);
  const locked = err instanceof ApiError && (/LOCK/i.test(err.code) || err.status === 423);
  return { locked, message };
}

/** Sign in with password or SMS code, then a TOTP step when the account has two-factor on. */
export function LoginPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { setMe } = useSession();
  const rules = useFormRules();
  const [form] = Form.useForm<LoginForm>();
  const [totpForm] = Form.useForm<{ code: string }>();
  const [method, setMethod] = useState<Method>('password');
  const [totpStep, setTotpStep] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const done = (me: MeResponse) => {
    setMe(me);
    if (me.user) void message.success(t('login.welcome', { name: me.user.displayName }));
    void navigate(safeNext(params.get('next')));
  };

  const submit = async (values: LoginForm) => {
    setError(null);
    setBusy(true);
    try {
      const res = await login(
        method === 'password'
          ? { method, phone: values.phone.trim(), password: values.password ?? '' }
          : { method, phone: values.phone.trim(), code: (values.code ?? '').trim() },
      );
      if (res.status === 'totp_required') setTotpStep(true);
      else done(res.me);
    } catch (err) {
      setError(toShownError(form, err));
    } finally {
      setBusy(false);
    }
  };

  const submitTotp = async ({ code }: { code: string }) => {
    setError(null);
    setBusy(true);
    try {
      done(await loginTotp(code.trim()));
    } catch (err) {
      setError(toShownError(form, err));
    } finally {
      setBusy(false);
    }
  };

  const getPhone = async () => {
    try {
      const { phone } = await form.validateFields(['phone']);
      return phone.trim();
    } catch {
      return null;
    }
  };

  const errorAlert = error && (
    <Alert
      className="auth-alert"
      type="error"
      showIcon
      data-testid={error.locked ? 'lockout' : 'form-error'}
      title={error.locked ? t('login.locked') : t('login.failed')}
      description={error.message}
    />
  );

  if (totpStep) {
    return (
      <div className="auth-page" data-testid="login-totp-page">
        <Card className="auth-card" variant="borderless">
          <h1 className="auth-title">
            <SafetyOutlined /> {t('login.totpTitle')}
          </h1>
          <p className="auth-hint">{t('login.totpDesc')}</p>
          {errorAlert}
          <Form
            form={totpForm}
            layout="vertical"
            size="large"
            onFinish={(v) => void submitTotp(v)}
            requiredMark={false}
          >
            <Form.Item name="code" label={t('field.totp')} rules={rules.code}>
              <Input
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus
                className="code-input"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="totp-submit">
              {t('login.totpSubmit')}
            </Button>
          </Form>
          <Button type="link" block onClick={() => setTotpStep(false)}>
            {t('login.totpBack')}
          </Button>
        </Card>
      </div>
    );
  }

  return (
    <div className="auth-page" data-testid="login-page">
      <Card className="auth-card" variant="borderless">
        <h1 className="auth-title">{t('login.title')}</h1>
        <Tabs
          activeKey={method}
          centered
          onChange={(key) => {
            setMethod(key as Method);
            setError(null);
          }}
          items={[
            { key: 'password', label: t('login.tabPassword') },
            { key: 'sms', label: t('login.tabSms') },
          ]}
        />
        {errorAlert}
        <Form<LoginForm>
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
          {method === 'password' ? (
            <Form.Item name="password" label={t('field.password')} rules={[rules.required]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
          ) : (
            <SmsCodeField
              purpose="login"
              getPhone={getPhone}
              onError={(err) => setError(toShownError(form, err))}
            />
          )}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        {method === 'password' && (
          <div className="auth-links">
            <Link to="/reset-password" data-testid="reset-link">
              {t('login.resetLink')}
            </Link>
            <Button type="link" onClick={() => setMethod('sms')}>
              {t('login.smsLink')}
            </Button>
          </div>
        )}
        <p className="auth-switch">
          {t('login.noAccount')} <Link to="/register">{t('login.registerNow')}</Link>
        </p>
      </Card>
    </div>
  );
}
