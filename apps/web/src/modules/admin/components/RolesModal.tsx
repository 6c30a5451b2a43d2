import { Alert, App, Button, Form, Modal, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { AdminUser, StaffRole } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { RegionCascader } from '../../regions/components/RegionCascader';
import { setUserRoles } from '../api/adminApi';

interface RolesForm {
  roles: { role: StaffRole; regionCode: string | null }[];
}

const ROLES: StaffRole[] = ['officer', 'editor', 'admin'];

/** Grants and revokes staff roles of one user (the whole list is replaced on save). */
export function RolesModal({ user, onClose, onSaved }: { user: AdminUser | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RolesForm>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (user) form.setFieldsValue({ roles: user.roles.map((r) => ({ role: r.role, regionCode: r.regionCode })) });
  }, [user, form]);

  const save = async (v: RolesForm) => {
    if (!user) return;
    setBusy(true);
    try {
      await setUserRoles(user.id, {
        roles: (v.roles ?? []).map((r) => ({ role: r.role, regionCode: r.role === 'officer' ? r.regionCode : (r.regionCode ?? null) })),
      });
      void message.success(t('users.rolesSaved'));
      onSaved();
    } catch (err) {
      void message.error(applyFieldErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={Boolean(user)}
      title={user ? t('users.rolesTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'roles-form' }}
      destroyOnHidden
      width={560}
    >
      <Alert type="info" showIcon title={t('users.rolesHint')} className="card-alert" />
      <Form form={form} id="roles-form" layout="vertical" onFinish={(v) => void save(v)} requiredMark={false}>
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" className="role-row" wrap>
                  <Form.Item name={[field.name, 'role']} label={t('users.role')} rules={[{ required: true }]}>
                    <Select style={{ width: 150 }} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
                  </Form.Item>
                  <Form.Item
                    noStyle
                    shouldUpdate={(prev: RolesForm, next: RolesForm) => prev.roles?.[field.name]?.role !== next.roles?.[field.name]?.role}
                  >
                    {({ getFieldValue }) => (
                      <Form.Item
                        name={[field.name, 'regionCode']}
                        label={t('users.roleRegion')}
                        rules={
                          getFieldValue(['roles', field.name, 'role']) === 'officer'
                            ? [{ required: true, message: t('users.roleRegionRequired') }]
                            : []
                        }
                      >
                        <RegionCascader />
                      </Form.Item>
                    )}
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} danger type="text" className="role-remove" onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} type="dashed" block onClick={() => add({ role: 'officer', regionCode: null })}>
                {t('users.addRole')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
