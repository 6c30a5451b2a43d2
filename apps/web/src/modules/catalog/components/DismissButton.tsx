import { App, Button, Form, Input, Modal, Radio } from 'antd';
import { DislikeOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { DISMISS_REASONS, type CatalogKind, type DismissReason } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { sendMatchFeedback } from '../api/matchingApi';

interface DismissForm {
  reason: DismissReason;
  note?: string;
}

/**
 * "不相关" on a recommendation: asks why (a reason from the closed list, free words for "other")
 * and logs it as a `dismissed` outcome for the engine. `onDismissed` hides the card.
 */
export function DismissButton({
  queryId,
  entityId,
  entityKind,
  rank,
  onDismissed,
}: {
  queryId: string;
  entityId: string;
  entityKind: CatalogKind;
  rank: number;
  onDismissed: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<DismissForm>();
  const reason = Form.useWatch('reason', form);

  const submit = async (values: DismissForm) => {
    setSaving(true);
    try {
      await sendMatchFeedback({
        queryId,
        entityId,
        entityKind,
        event: 'dismissed',
        reason: values.reason,
        note: values.note?.trim() || undefined,
        rank,
      });
      void message.success(t('match.dismissed'));
      setOpen(false);
      onDismissed();
    } catch (err) {
      void message.error(applyFieldErrors(form, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        icon={<DislikeOutlined />}
        onClick={() => setOpen(true)}
        data-testid="dismiss-match"
      >
        {t('match.notRelevant')}
      </Button>
      <Modal
        open={open}
        title={t('match.dismissTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'dismiss-confirm' } as Record<string, string>}
      >
        <Form<DismissForm>
          form={form}
          layout="vertical"
          initialValues={{ reason: 'not_my_field' }}
          onFinish={(v) => void submit(v)}
          preserve={false}
        >
          <Form.Item name="reason" rules={[{ required: true }]}>
            <Radio.Group className="radio-stack" data-testid="dismiss-reason">
              {DISMISS_REASONS.map((r) => (
                <Radio key={r} value={r}>
                  {t(`dismiss.${r}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="note"
            label={t('match.dismissNote')}
            rules={[{ max: 500 }, { required: reason === 'other', message: t('validate.required') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
