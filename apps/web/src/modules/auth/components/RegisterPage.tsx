import { Alert, App, Button, Card, Checkbox, Form, Input, Steps, Tag } from 'antd';
import { LockOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { AccountKind as AccountKindSchema, type AccountKind, type RegisterRequest } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { register } from '../api/authApi';
import { useFormRules } from '../hooks/useFormRules';
import { useSession } from '../hooks/useSession';
import { KindPicker } from './KindPicker';
import { SmsCodeButton } from './SmsCodeButton';
import { SmsCodeField } from './SmsCodeField';

interface RegisterForm {
  phone: string;
  code: string;
  displayName: string;
  password: string;
  passwordConfirm: string;
  email?: string;
  acceptTerms: boolean;
}

function kindFromQuery(value: string | null): AccountKind | undefined {
  const parsed = AccountKindSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Registration in three steps: account kind → phone (SMS code sent) → code, name and password. */
export function RegisterPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { setMe } = useSession();
  const rules = useFormRules();
  const [form] = Form.useForm<RegisterForm>();
  const [kind, setKind] = useState<AccountKind | undefined>(() => kindFromQuery(params.get('kind')));
  const [step, setStep] = useState(() => (kind ? 1 : 0));
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const getPhone = async () => {
    // On the last step the phone field is gone from the screen; its value is kept in the form store.
    if (step === 2) return (form.getFieldValue('phone') as string | undefined)?.trim() ?? null;
    try {
      const { phone } = await form.validateFields(['phone']);
      return phone.trim();
    } catch {
      return null;
    }
  };

  const submit = async (values: RegisterForm) => {
    if (!kind) return;
    setError(null);
    setSubmitting(true);
    const body: RegisterRequest = {
      phone: form.getFieldValue('phone') as string,
      code: values.code.trim(),
      password: values.password,
      kind,
      displayName: values.displayName.trim(),
      ...(values.email ? { email: values.email.trim() } : {}),
      acceptTerms: true,
    };
    try {
      const me = await register(body);
      setMe(me);
      void message.success(t('register.success'));
      void navigate('/account');
    } catch (err) {
      setError(applyFieldErrors(form, err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="auth-page" data-testid="register-page">
      <Card className="auth-card" variant="borderless">
        <h1 className="auth-title">{t('register.title')}</h1>
        <Steps
          size="small"
          current={step}
          className="auth-steps"
          responsive={false}
          items={[
            { title: t('register.step.kind') },
            { title: t('register.step.phone') },
            { title: t('register.step.details') },
          ]}
        />
        {error && (
          <Alert className="auth-alert" type="error" showIcon title={error} data-testid="form-error" />
        )}

        {step === 0 && (
          <>
            <h2 className="auth-subtitle">{t('register.kindTitle')}</h2>
            <KindPicker value={kind} onChange={setKind} />
            <p className="auth-hint">{t('register.kindHint')}</p>
            <Button
              type="primary"
              size="large"
              block
              disabled={!kind}
              onClick={() => setStep(1)}
              data-testid="next"
            >
              {t('common.next')}
            </Button>
          </>
        )}

        <Form<RegisterForm>
          form={form}
          layout="vertical"
          size="large"
          onFinish={(v) => void submit(v)}
          requiredMark={false}
        >
          {step >= 1 && kind && (
            <div className="auth-kind-line">
              <Tag color="blue">{t('register.kindSelected', { kind: t(`kind.${kind}`) })}</Tag>
              <Button type="link" size="small" onClick={() => setStep(0)}>
                {t('common.edit')}
              </Button>
            </div>
          )}
          {step === 1 && (
            <>
              <Form.Item
                name="phone"
                label={t('field.phone')}
                rules={rules.phone}
                extra={t('register.phoneHint')}
              >
                <Input
                  prefix={<MobileOutlined />}
                  inputMode="tel"
                  autoComplete="tel"
                  placeholder={t('field.phonePlaceholder')}
                  maxLength={20}
                />
              </Form.Item>
              <SmsCodeButton
                block
                purpose="register"
                getPhone={getPhone}
                onSent={() => {
                  setError(null);
                  setStep(2);
                }}
                onError={(err) => setError(applyFieldErrors(form, err))}
              />
            </>
          )}
          {step === 2 && (
            <>
              <SmsCodeField
                purpose="register"
                getPhone={getPhone}
                onError={(err) => setError(applyFieldErrors(form, err))}
                extra={t('register.detailsHint')}
              />
              <Form.Item
                name="displayName"
                label={t('field.displayName')}
                rules={[rules.required, { max: 60 }]}
              >
                <Input
                  prefix={<UserOutlined />}
                  autoComplete="name"
                  placeholder={t('field.displayNamePlaceholder')}
                />
              </Form.Item>
              <Alert className="policy-hint" type="info" title={t('register.passwordPolicy')} />
              <Form.Item name="password" label={t('field.password')} rules={rules.newPassword} hasFeedback>
                <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="passwordConfirm"
                label={t('field.passwordConfirm')}
                dependencies={['password']}
                rules={[rules.required, rules.sameAs('password')]}
                hasFeedback
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
              </Form.Item>
              <Form.Item name="email" label={t('field.email')} rules={[rules.email]}>
                <Input type="email" autoComplete="email" />
              </Form.Item>
              <Form.Item
                name="acceptTerms"
                valuePropName="checked"
                rules={[
                  {
                    validator: (_, v) =>
                      v ? Promise.resolve() : Promise.reject(new Error(t('validate.terms'))),
                  },
                ]}
              >
                <Checkbox data-testid="accept-terms">{t('register.terms')}</Checkbox>
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={submitting}
                data-testid="register-submit"
              >
                {t('register.submit')}
              </Button>
            </>
          )}
        </Form>
        <p className="auth-switch">
          {t('register.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
        </p>
      </Card>
    </div>
  );
}
