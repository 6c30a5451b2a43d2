import { App, Button, Checkbox, Form, Input, Modal, Switch } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { SavedSearchChannel, SearchCriteria } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { useSession } from '../../auth/hooks/useSession';
import { createSavedSearch } from '../../catalog/api/matchingApi';

interface SaveForm {
  name: string;
  notify: boolean;
  channels: SavedSearchChannel[];
}

/** "保存搜索 / 有新结果时通知我": stores the criteria as a saved search with alert channels. */
export function SaveSearchButton({
  criteria,
  suggestedName,
}: {
  criteria: SearchCriteria;
  suggestedName: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<SaveForm>();
  const notify = Form.useWatch('notify', form);

  const start = () => {
    if (!user) {
      void message.info(t('search.signInToSave'));
      void navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    setOpen(true);
  };

  const save = async (values: SaveForm) => {
    setSaving(true);
    try {
      await createSavedSearch({
        name: values.name.trim(),
        criteria,
        notify: values.notify,
        channels: values.channels.length > 0 ? values.channels : ['in_app'],
      });
      void message.success(t('search.saved'));
      setOpen(false);
    } catch (err) {
      void message.error(applyFieldErrors(form, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button icon={<BellOutlined />} onClick={start} data-testid="save-search">
        {t('search.saveNotify')}
      </Button>
      <Modal
        open={open}
        title={t('search.saveTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'save-search-confirm' } as Record<string, string>}
      >
        <Form<SaveForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ name: suggestedName.slice(0, 100), notify: true, channels: ['in_app'] }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item name="name" label={t('search.saveName')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="save-search-name" />
          </Form.Item>
          <Form.Item name="notify" label={t('search.saveNotifyLabel')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {notify && (
            <Form.Item name="channels" label={t('search.channels')}>
              <Checkbox.Group
                options={[
                  { value: 'in_app', label: t('search.channel.in_app') },
                  { value: 'sms', label: t('search.channel.sms') },
                ]}
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
