import { Button, DatePicker, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEntry, AuditOutcome } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { Query } from '../../../lib/api/client';
import { formatDateTime } from '../../../lib/format';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useRemote } from '../../../lib/hooks/useRemote';
import { searchAudit } from '../api/adminApi';

interface Filters {
  range?: [Dayjs | null, Dayjs | null] | null;
  action?: string;
  outcome?: AuditOutcome;
  actorId?: string;
}

const OUTCOME_COLOR: Record<AuditOutcome, string> = {
  allowed: 'blue',
  success: 'green',
  denied: 'red',
  failure: 'orange',
};
const OUTCOMES: AuditOutcome[] = ['success', 'failure', 'allowed', 'denied'];

/** Audit search: time range, action, outcome, actor; officers see only their region (server-enforced). */
export function AuditTab() {
  const t = useT();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<Query>({});
  const [page, setPage] = useState(1);
  const phone = useScreenSize() === 'phone';
  const audit = useRemote((signal) => searchAudit({ ...query, page, pageSize: 20 }, signal), [query, page]);

  const apply = (f: Filters) => {
    setPage(1);
    setQuery({
      from: f.range?.[0]?.toISOString(),
      to: f.range?.[1]?.toISOString(),
      action: f.action?.trim() || undefined,
      outcome: f.outcome,
      actorId: f.actorId?.trim() || undefined,
    });
  };

  return (
    <div data-testid="audit-tab">
      <Form form={form} layout="inline" onFinish={apply} className="admin-filters">
        <Form.Item name="range">
          <DatePicker.RangePicker showTime placeholder={[t('audit.from'), t('audit.to')]} />
        </Form.Item>
        <Form.Item name="action">
          <Input placeholder={t('audit.actionPlaceholder')} allowClear />
        </Form.Item>
        <Form.Item name="outcome">
          <Select
            allowClear
            placeholder={t('audit.outcome')}
            style={{ minWidth: 120 }}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))}
          />
        </Form.Item>
        <Form.Item name="actorId">
          <Input placeholder={t('audit.actor')} allowClear />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={audit.loading}
        dataSource={audit.data?.items ?? []}
        scroll={phone ? undefined : { x: 'max-content' }}
        locale={{ emptyText: audit.error ? t('common.loadFailed') : t('common.none') }}
        expandable={{
          expandedRowRender: (e) => (
            <Typography.Paragraph className="audit-details">
              <pre>
                {JSON.stringify(
                  { requestId: e.requestId, actorRoles: e.actorRoles, details: e.details },
                  null,
                  2,
                )}
              </pre>
            </Typography.Paragraph>
          ),
        }}
        pagination={{
          current: page,
          pageSize: 20,
          total: audit.data?.total ?? 0,
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
                  render: (_, e) => (
                    <div className="mobile-row">
                      <div className="mobile-row-head">
                        <code>{e.action}</code>
                        <Tag color={OUTCOME_COLOR[e.outcome]}>{t(`audit.outcome.${e.outcome}`)}</Tag>
                      </div>
                      <div className="mobile-row-meta">
                        <span>{formatDateTime(e.at)}</span>
                        {e.ip && <span>IP {e.ip}</span>}
                        {e.targetType && <span>{e.targetType}</span>}
                      </div>
                    </div>
                  ),
                },
              ]
            : [
                { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
                { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <code>{v}</code> },
                {
                  title: t('audit.outcome'),
                  dataIndex: 'outcome',
                  render: (v: AuditOutcome) => <Tag color={OUTCOME_COLOR[v]}>{t(`audit.outcome.${v}`)}</Tag>,
                },
                {
                  title: t('audit.actor'),
                  dataIndex: 'actorId',
                  render: (v: string | null) => (v ? <code>{v.slice(0, 8)}</code> : '—'),
                },
                {
                  title: t('audit.target'),
                  render: (_, e) =>
                    e.targetType
                      ? `${e.targetType}${e.targetId ? ` · ${e.targetId.slice(0, 12)}` : ''}`
                      : '—',
                },
                { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
                { title: t('audit.region'), dataIndex: 'regionCode', render: (v: string | null) => v ?? '—' },
              ]
        }
      />
    </div>
  );
}
