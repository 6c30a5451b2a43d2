import { Button, Input, Table, Tag } from 'antd';
import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { AdminUserSummary, UserStatus } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { formatDate } from '../../../lib/format';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useRemote } from '../../../lib/hooks/useRemote';
import { listUsers } from '../api/adminApi';
import { RolesModal } from './RolesModal';

const STATUS_COLOR: Record<UserStatus, string> = { active: 'green', disabled: 'orange', deleted: 'default' };

/** Searchable user list with each user's kinds and staff roles; roles edited in a modal. */
export function UsersTab() {
  const t = useT();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | null>(null);
  const phone = useScreenSize() === 'phone';
  const users = useRemote((signal) => listUsers({ q, page, pageSize: 20 }, signal), [q, page]);

  return (
    <div data-testid="users-tab">
      <Input.Search
        allowClear
        placeholder={t('users.search')}
        enterButton={t('common.search')}
        className="admin-search"
        onSearch={(value) => {
          setPage(1);
          setQ(value.trim());
        }}
      />
      <Table<AdminUserSummary>
        rowKey="id"
        size="middle"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        scroll={phone ? undefined : { x: 'max-content' }}
        locale={{ emptyText: users.error ? t('common.loadFailed') : t('common.none') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: users.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { n }),
          showSizeChanger: false,
        }}
        showHeader={!phone}
        columns={
          phone
            ? [
                {
                  key: 'user',
                  render: (_, u) => (
                    <div className="mobile-row">
                      <div className="mobile-row-head">
                        <strong>{u.displayName}</strong>
                        <Button
                          size="small"
                          onClick={() => setEditing(u.id)}
                          disabled={u.status === 'deleted'}
                        >
                          {t('users.editRoles')}
                        </Button>
                      </div>
                      <div className="mobile-row-meta">
                        <span>{u.phoneMasked}</span>
                        <span>{u.regionName ?? '—'}</span>
                        <Tag color={STATUS_COLOR[u.status]}>{t(`users.status.${u.status}`)}</Tag>
                      </div>
                      <div>
                        {u.kinds.map((k) => (
                          <Tag key={k}>{t(`kind.${k}`)}</Tag>
                        ))}
                        {u.roles.map((r) => (
                          <Tag key={r.id} color="gold">
                            {t(`role.${r.role}`)}
                            {r.regionName ? ` · ${r.regionName}` : ''}
                          </Tag>
                        ))}
                      </div>
                    </div>
                  ),
                },
              ]
            : [
                { title: t('users.name'), dataIndex: 'displayName', fixed: 'left' },
                { title: t('users.phone'), dataIndex: 'phoneMasked' },
                {
                  title: t('users.kinds'),
                  render: (_, u) => u.kinds.map((k) => <Tag key={k}>{t(`kind.${k}`)}</Tag>),
                },
                {
                  title: t('users.roles'),
                  render: (_, u) =>
                    u.roles.length === 0 ? (
                      <span className="muted">{t('users.noRoles')}</span>
                    ) : (
                      u.roles.map((r) => (
                        <Tag key={r.id} color="gold">
                          {t(`role.${r.role}`)}
                          {r.regionName ? ` · ${r.regionName}` : ''}
                        </Tag>
                      ))
                    ),
                },
                {
                  title: t('users.twoFactor'),
                  render: (_, u) =>
                    u.totpEnabled ? (
                      <CheckCircleFilled className="ok-icon" />
                    ) : (
                      <MinusCircleOutlined className="muted" />
                    ),
                },
                { title: t('users.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? '—' },
                {
                  title: t('users.status'),
                  dataIndex: 'status',
                  render: (v: UserStatus) => <Tag color={STATUS_COLOR[v]}>{t(`users.status.${v}`)}</Tag>,
                },
                { title: t('users.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
                {
                  title: t('users.actions'),
                  render: (_, u) => (
                    <Button size="small" onClick={() => setEditing(u.id)} disabled={u.status === 'deleted'}>
                      {t('users.editRoles')}
                    </Button>
                  ),
                },
              ]
        }
      />
      <RolesModal userId={editing} onClose={() => setEditing(null)} onChanged={users.reload} />
    </div>
  );
}
