import { App, Button, Card, Form, Input, Modal } from 'antd';
import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { useFormRules } from '../../auth/hooks/useFormRules';
import { useSession } from '../../auth/hooks/useSession';
import { deleteAccount, downloadExport } from '../api/accountApi';

/** Download of everything the platform holds about the user (PIPL right of access and portability). */
export function DataExportCard() {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadExport();
      void message.success(t('export.done'));
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card variant="borderless" title={t('export.title')} data-testid="export-card">
      <p className="card-lead">{t('export.desc')}</p>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => void run()}
        loading={busy}
        data-testid="export-button"
      >
        {t('export.button')}
      </Button>
    </Card>
  );
}

/** Account deletion behind a typed confirmation phrase and the password. */
export function DeleteAccountCard() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const rules = useFormRules();
  const { signOut } = useSession();
  const [form] = Form.useForm<{ password: string; phrase: string }>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { password: string }) => {
    setBusy(true);
    try {
      await deleteAccount(v.password);
      setOpen(false);
      void message.success(t('delete.done'));
      await signOut().catch(() => undefined);
      void navigate('/');
    } catch (err) {
      void message.error(applyFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="borderless" title={t('delete.title')} className="danger-card" data-testid="delete-card">
      <p className="card-lead">{t('delete.desc')}</p>
      <Button danger icon={<DeleteOutlined />} onClick={() => setOpen(true)} data-testid="delete-open">
        {t('delete.button')}
      </Button>
      <Modal
        open={open}
        title={t('delete.confirmTitle')}
        onCancel={() => setOpen(false)}
        okText={t('delete.button')}
        okButtonProps={{ danger: true, loading: busy, htmlType: 'submit', form: 'delete-account-form' }}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <p>{t('delete.confirmDesc')}</p>
        <Form
          form={form}
          id="delete-account-form"
          layout="vertical"
          onFinish={(v) => void submit(v)}
          requiredMark={false}
        >
          <Form.Item name="password" label={t('field.password')} rules={[rules.required]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="phrase"
            label={t('delete.confirmPhrase')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  v?.trim() === t('delete.phrase')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('delete.confirmPhrase'))),
              },
            ]}
          >
            <Input placeholder={t('delete.phrase')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
