import { Alert, Button, Form, Input, Select, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { isValidMobile, type SmsOutboxEntry, type SmsStatus } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { Query } from '../../../lib/api/client';
import { formatDateTime } from '../../../lib/format';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useRemote } from '../../../lib/hooks/useRemote';
import { listSmsOutbox } from '../api/adminApi';

const STATUS_COLOR: Record<SmsStatus, string> = { queued: 'blue', sent: 'green', failed: 'red' };
const STATUSES: SmsStatus[] = ['queued', 'sent', 'failed'];
const PURPOSES = ['register', 'login', 'verify_phone', 'reset_password', 'change_phone'] as const;

/** The purpose in words when it is one the web app knows; later features may add their own. */
function usePurposeLabel(): (purpose: string) => string {
  const t = useT();
  return (purpose) =>
    (PURPOSES as readonly string[]).includes(purpose)
      ? t(`sms.purpose.${purpose as (typeof PURPOSES)[number]}`)
      : purpose;
}

/** The development SMS outbox / delivery log, newest first, filterable by full phone number. */
export function SmsOutboxTab() {
  const t = useT();
  const [query, setQuery] = useState<Query>({});
  const [page, setPage] = useState(1);
  const phone = useScreenSize() === 'phone';
  const purposeLabel = usePurposeLabel();
  const outbox = useRemote(
    (signal) => listSmsOutbox({ ...query, page, pageSize: 20 }, signal),
    [query, page],
  );

  return (
    <div data-testid="sms-tab">
      <Alert type="info" showIcon title={t('sms.hint')} className="card-alert" />
      <Form
        layout="inline"
        className="admin-filters"
        onFinish={(f: { phone?: string; status?: SmsStatus }) => {
          setPage(1);
          setQuery({ phone: f.phone?.trim() || undefined, status: f.status });
        }}
      >
        <Form.Item
          name="phone"
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !v || isValidMobile(v) ? Promise.resolve() : Promise.reject(new Error(t('validate.phone'))),
            },
          ]}
        >
          <Input placeholder={t('sms.phone')} allowClear inputMode="tel" />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('sms.status')}
            style={{ minWidth: 110 }}
            options={STATUSES.map((s) => ({ value: s, label: t(`sms.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button icon={<ReloadOutlined />} onClick={outbox.reload}>
            {t('sms.refresh')}
          </Button>
        </Form.Item>
      </Form>
      <Table<SmsOutboxEntry>
        rowKey="id"
        size="small"
        loading={outbox.loading}
        dataSource={outbox.data?.items ?? []}
        scroll={phone ? undefined : { x: 'max-content' }}
        locale={{ emptyText: outbox.error ? t('common.loadFailed') : t('common.none') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: outbox.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('common.total', { n }),
          showSizeChanger: false,
        }}
        showHeader={!phone}
        columns={
          phone
            ? [
                {
                  key: 'entry',
                  render: (_, m) => (
                    <div className="mobile-row">
                      <div className="mobile-row-head">
                        <strong>{m.phoneMasked}</strong>
                        <Tag color={STATUS_COLOR[m.status]}>{t(`sms.status.${m.status}`)}</Tag>
                      </div>
                      <div className="sms-body">{m.body}</div>
                      <div className="mobile-row-meta">
                        <span>{formatDateTime(m.createdAt)}</span>
                        <span>{purposeLabel(m.purpose)}</span>
                        <span>{m.provider}</span>
                      </div>
                    </div>
                  ),
                },
              ]
            : [
                {
                  title: t('sms.createdAt'),
                  dataIndex: 'createdAt',
                  render: (v: string) => formatDateTime(v),
                },
                { title: t('users.phone'), dataIndex: 'phoneMasked' },
                { title: t('sms.purpose'), dataIndex: 'purpose', render: (v: string) => purposeLabel(v) },
                {
                  title: t('sms.body'),
                  dataIndex: 'body',
                  render: (v: string) => <span className="sms-body">{v}</span>,
                },
                {
                  title: t('sms.status'),
                  dataIndex: 'status',
                  render: (v: SmsStatus) => <Tag color={STATUS_COLOR[v]}>{t(`sms.status.${v}`)}</Tag>,
                },
                { title: t('sms.provider'), dataIndex: 'provider' },
              ]
        }
      />
    </div>
  );
}
