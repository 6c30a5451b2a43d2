import { App, Button, Form, Input, Modal, Select } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { TeamProfileDetail } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { updateTeam } from '../../catalog/api/catalogApi';
import { DisciplineSelect } from '../../catalog/components/TaxonomySelect';

interface TeamForm {
  description: string | null;
  disciplines: string[];
  capabilities: string[];
}

/** The lead edits what the team offers (membership stays under 我的账户 → 团队). */
export function TeamEditButton({ team, onSaved }: { team: TeamProfileDetail; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<TeamForm>();

  const save = async (v: TeamForm) => {
    setSaving(true);
    try {
      await updateTeam(team.id, {
        description: v.description?.trim() || null,
        disciplines: v.disciplines ?? [],
        capabilities: v.capabilities ?? [],
      });
      void message.success(t('common.saved'));
      setOpen(false);
      onSaved();
    } catch (err) {
      void message.error(applyFieldErrors(form, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button
        icon={<EditOutlined />}
        className="detail-edit"
        onClick={() => setOpen(true)}
        data-testid="edit-team"
      >
        {t('team.edit')}
      </Button>
      <Modal
        open={open}
        title={t('team.edit')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form<TeamForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            description: team.description,
            disciplines: team.disciplines,
            capabilities: team.capabilities,
          }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item name="description" label={t('team.description')} rules={[{ max: 5000 }]}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="disciplines" label={t('pub.disciplines')}>
            <DisciplineSelect placeholder={t('catalog.pickDiscipline')} maxCount={10} />
          </Form.Item>
          <Form.Item name="capabilities" label={t('team.capabilities')} extra={t('team.capabilitiesHelp')}>
            <Select
              mode="tags"
              open={false}
              tokenSeparators={[',', '，', '、']}
              data-testid="team-capabilities"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
