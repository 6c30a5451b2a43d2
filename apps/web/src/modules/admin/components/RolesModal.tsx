import { Alert, App, Button, Form, List, Modal, Popconfirm, Select, Spin, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { StaffRole } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { formatDate } from '../../../lib/format';
import { useRemote } from '../../../lib/hooks/useRemote';
import { RegionCascader } from '../../regions/components/RegionCascader';
import { getUser, grantRole, revokeRole } from '../api/adminApi';

interface GrantForm {
  role: StaffRole;
  regionCode: string | null;
}

const ROLES: StaffRole[] = ['officer', 'editor', 'admin'];

/** One user's staff roles: each can be revoked; a new one granted (officers with their region). */
export function RolesModal({
  userId,
  onClose,
  onChanged,
}: {
  userId: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantForm>();
  const role = Form.useWatch('role', form);
  const [busy, setBusy] = useState(false);
  const user = useRemote((signal) => (userId ? getUser(userId, signal) : Promise.resolve(null)), [userId]);
  const detail = user.data;

  const grant = async (v: GrantForm) => {
    if (!userId) return;
    setBusy(true);
    try {
      await grantRole(userId, { role: v.role, regionCode: v.role === 'officer' ? v.regionCode : null });
      void message.success(t('users.rolesSaved'));
      form.resetFields();
      user.reload();
      onChanged();
    } catch (err) {
      void message.error(applyFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (roleId: string) => {
    if (!userId) return;
    try {
      await revokeRole(userId, roleId);
      void message.success(t('users.rolesSaved'));
      user.reload();
      onChanged();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Modal
      open={Boolean(userId)}
      title={detail ? t('users.rolesTitle', { name: detail.displayName }) : t('users.editRoles')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {!detail ? (
        <div className="page-center">
          <Spin />
        </div>
      ) : (
        <>
          <Alert type="info" showIcon title={t('users.rolesHint')} className="card-alert" />
          <List
            size="small"
            bordered
            dataSource={detail.roles}
            locale={{ emptyText: t('users.noRoles') }}
            renderItem={(r) => (
              <List.Item
                actions={
                  detail.can.manageRoles
                    ? [
                        <Popconfirm
                          key="revoke"
                          title={t('users.revokeConfirm')}
                          onConfirm={() => revoke(r.id)}
                        >
                          <Button size="small" danger>
                            {t('users.revoke')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <span>
                  <Tag color="gold">{t(`role.${r.role}`)}</Tag>
                  {r.regionName ?? ''}
                  <span className="muted"> · {formatDate(r.createdAt)}</span>
                </span>
              </List.Item>
            )}
          />
          {detail.can.manageRoles && (
            <Form<GrantForm>
              form={form}
              layout="vertical"
              className="grant-form"
              initialValues={{ role: 'officer', regionCode: null }}
              onFinish={(v) => void grant(v)}
              requiredMark={false}
            >
              <Form.Item name="role" label={t('users.role')}>
                <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
              </Form.Item>
              {role === 'officer' && (
                <Form.Item
                  name="regionCode"
                  label={t('users.roleRegion')}
                  rules={[{ required: true, message: t('users.roleRegionRequired') }]}
                >
                  <RegionCascader />
                </Form.Item>
              )}
              <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} block>
                {t('users.addRole')}
              </Button>
            </Form>
          )}
        </>
      )}
    </Modal>
  );
}
