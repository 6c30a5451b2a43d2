import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { useFormRules } from '../../auth/hooks/useFormRules';
import { useSession } from '../../auth/hooks/useSession';
import { changePassword } from '../api/accountApi';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change the password (current one required); the policy hint matches the server's default `asvs` rules. */
export function PasswordCard() {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const { refresh } = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: PasswordForm) => {
    setBusy(true);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      form.resetFields();
      void message.success(t('password.changed'));
      await refresh();
    } catch (err) {
      void message.error(applyFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="borderless" title={t('password.title')} data-testid="password-card">
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[rules.required]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Alert className="policy-hint" type="info" title={t('register.passwordPolicy')} />
        <Form.Item name="newPassword" label={t('password.new')} rules={rules.newPassword}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[rules.required, rules.sameAs('newPassword')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
