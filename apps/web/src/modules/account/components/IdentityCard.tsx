import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { isValidResidentId, POLICY_VERSIONS } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { formatDateTime } from '../../../lib/format';
import { useRemote } from '../../../lib/hooks/useRemote';
import { useFormRules } from '../../auth/hooks/useFormRules';
import { useSession } from '../../auth/hooks/useSession';
import { LoadError } from '../../shell/components/LoadError';
import { getIdentity, grantConsent, submitIdentity } from '../api/accountApi';

const STATUS_COLOR = {
  none: 'default',
  pending: 'processing',
  verified: 'success',
  rejected: 'error',
} as const;

interface IdentityForm {
  fullName: string;
  idNumber: string;
  consent: boolean;
}

/**
 * Real-name verification. The ID number is collected only after a separate, recorded `real_name`
 * consent (PIPL sensitive data), and is only ever shown back masked.
 */
export function IdentityCard() {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const { refresh } = useSession();
  const [form] = Form.useForm<IdentityForm>();
  const identity = useRemote((signal) => getIdentity(signal), []);
  const [busy, setBusy] = useState(false);
  const record = identity.data;
  const status = record?.status ?? 'none';
  const canSubmit = status === 'none' || status === 'rejected';

  const submit = async (v: IdentityForm) => {
    setBusy(true);
    try {
      await grantConsent('real_name', POLICY_VERSIONS.real_name);
      await submitIdentity({ fullName: v.fullName.trim(), idNumber: v.idNumber.trim() });
      void message.success(t('identity.submitted'));
      form.resetFields();
      identity.reload();
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
      title={t('identity.title')}
      data-testid="identity-card"
      extra={<Tag color={STATUS_COLOR[status]}>{t(`realName.${status}`)}</Tag>}
    >
      <p className="card-lead">{t('identity.desc')}</p>
      {identity.error !== undefined && <LoadError error={identity.error} onRetry={identity.reload} />}
      {record && record.status !== 'none' && (
        <Descriptions size="small" column={1} className="card-alert">
          <Descriptions.Item label={t('identity.fullName')}>{record.fullNameMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('identity.idNumber')}>{record.idNumberMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('account.realName')}>
            {formatDateTime(record.submittedAt)}
          </Descriptions.Item>
        </Descriptions>
      )}
      {status === 'rejected' && record?.rejectReason && (
        <Alert
          type="error"
          showIcon
          className="card-alert"
          title={t('identity.rejectedReason', { reason: record.rejectReason })}
        />
      )}
      {canSubmit && !identity.loading && identity.error === undefined && (
        <Form<IdentityForm>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          requiredMark={false}
        >
          <Form.Item
            name="fullName"
            label={t('identity.fullName')}
            rules={[rules.required, { min: 2, max: 40 }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('identity.idNumber')}
            rules={[
              rules.required,
              {
                validator: (_, v: string | undefined) =>
                  !v || isValidResidentId(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('validate.idNumber'))),
              },
            ]}
          >
            <Input autoComplete="off" maxLength={18} />
          </Form.Item>
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v ? Promise.resolve() : Promise.reject(new Error(t('validate.consent'))),
              },
            ]}
          >
            <Checkbox>{t('identity.consent')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('identity.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
