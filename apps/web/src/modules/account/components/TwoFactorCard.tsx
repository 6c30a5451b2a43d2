import { Alert, App, Button, Card, Form, Input, Space, Tag } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import QRCode from 'qrcode';
import { useState } from 'react';
import type { TotpEnrollResponse } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { useFormRules } from '../../auth/hooks/useFormRules';
import { useSession } from '../../auth/hooks/useSession';
import { confirmTotp, disableTotp, enrollTotp } from '../api/accountApi';

interface Enrollment extends TotpEnrollResponse {
  qr: string;
}

/** TOTP two-factor: enrol with a QR code and a first code, or turn off with password + code. */
export function TwoFactorCard() {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const { me, refresh } = useSession();
  const [codeForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ password: string; code: string }>();
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [busy, setBusy] = useState(false);
  const enabled = Boolean(me?.twoFactor?.enabled);
  const required = Boolean(me?.twoFactor?.required);

  const start = async () => {
    setBusy(true);
    try {
      const res = await enrollTotp();
      // Drawn locally: the secret never leaves the browser for a third-party QR service.
      const qr = await QRCode.toDataURL(res.otpauthUrl, { width: 220, margin: 1 });
      setEnrollment({ ...res, qr });
    } catch (err) {
      void message.error(applyFieldErrors(undefined, err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      await confirmTotp(code.trim());
      setEnrollment(null);
      codeForm.resetFields();
      void message.success(t('totp.enabled'));
      await refresh();
    } catch (err) {
      void message.error(applyFieldErrors(codeForm, err));
    } finally {
      setBusy(false);
    }
  };

  const disable = async (v: { password: string; code: string }) => {
    setBusy(true);
    try {
      await disableTotp(v.password, v.code.trim());
      setDisabling(false);
      disableForm.resetFields();
      void message.success(t('totp.disabled'));
      await refresh();
    } catch (err) {
      void message.error(applyFieldErrors(disableForm, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      variant="borderless"
      title={t('totp.title')}
      data-testid="totp-card"
      extra={
        <Space size={4}>
          {required && <Tag color="gold">{t('totp.required')}</Tag>}
          <Tag color={enabled ? 'success' : 'default'} icon={enabled ? <CheckCircleFilled /> : undefined}>
            {enabled ? t('totp.on') : t('totp.off')}
          </Tag>
        </Space>
      }
    >
      <p className="card-lead">{t('totp.desc')}</p>
      {me?.twoFactor?.mustEnroll && !enrollment && (
        <Alert type="warning" showIcon title={t('guard.twoFactorDesc')} className="card-alert" />
      )}
      {!enabled && !enrollment && (
        <Button type="primary" onClick={() => void start()} loading={busy} data-testid="totp-start">
          {t('totp.enable')}
        </Button>
      )}
      {enrollment && (
        <div className="totp-enroll">
          <p>{t('totp.scan')}</p>
          <img
            src={enrollment.qr}
            alt="TOTP QR"
            width={220}
            height={220}
            className="totp-qr"
            data-testid="totp-qr"
          />
          <p className="totp-secret">
            {t('totp.secret')}
            <code data-testid="totp-secret">{enrollment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
          <p>{t('totp.enterCode')}</p>
          <Form form={codeForm} onFinish={(v) => void confirm(v)} className="totp-form">
            <Form.Item>
              <div className="code-row">
                <Form.Item name="code" rules={rules.code} noStyle>
                  <Input
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    placeholder="123456"
                    className="code-input"
                    data-testid="totp-code"
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
                  {t('totp.confirm')}
                </Button>
              </div>
            </Form.Item>
          </Form>
        </div>
      )}
      {enabled && !required && !disabling && (
        <Button danger onClick={() => setDisabling(true)}>
          {t('totp.disable')}
        </Button>
      )}
      {disabling && (
        <Form form={disableForm} layout="vertical" onFinish={(v) => void disable(v)} requiredMark={false}>
          <p className="card-lead">{t('totp.disableHint')}</p>
          <Form.Item name="password" label={t('field.password')} rules={[rules.required]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="code" label={t('field.totp')} rules={rules.code}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <div className="form-actions">
            <Button onClick={() => setDisabling(false)}>{t('common.cancel')}</Button>
            <Button danger type="primary" htmlType="submit" loading={busy}>
              {t('totp.disable')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
