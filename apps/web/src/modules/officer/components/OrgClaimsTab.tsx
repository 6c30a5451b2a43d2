import { App, Button, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { OrgClaimItem } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { ApiError } from '../../../lib/api/client';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { formatDateTime } from '../../../lib/format';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useRemote } from '../../../lib/hooks/useRemote';
import { decideOrgClaim, getOrgClaimQueue } from '../../catalog/api/catalogApi';
import { RegionName } from '../../catalog/components/CatalogBits';

type ClaimStatus = OrgClaimItem['status'];

/**
 * 企业认证: organization claims in the officer's regions. Pending ones (oldest first) are verified,
 * or rejected with a reason the claimant sees; decided ones are listed for reference. A claim of an
 * organization the officer belongs to is marked and its buttons disabled (the server refuses it
 * with `org_claim.own_organization` in any case); one decided meanwhile reloads the queue.
 */
export function OrgClaimsTab() {
  const t = useT();
  const { message } = App.useApp();
  const phone = useScreenSize() === 'phone';
  const [status, setStatus] = useState<ClaimStatus>('pending');
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<OrgClaimItem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const queue = useRemote(
    (signal) => getOrgClaimQueue({ status, page, pageSize: 20 }, signal),
    [status, page],
  );

  /** A claim decided by someone else meanwhile: say so and reload. True when it was that. */
  const decidedElsewhere = (err: unknown) => {
    if (!(err instanceof ApiError) || err.code !== 'org_claim.not_pending') return false;
    void message.warning(t('orgClaims.conflict'));
    queue.reload();
    return true;
  };

  const verify = async (item: OrgClaimItem) => {
    setBusy(item.orgId);
    try {
      await decideOrgClaim(item.orgId, { decision: 'verify' });
      void message.success(t('orgClaims.verified'));
      queue.reload();
    } catch (err) {
      if (!decidedElsewhere(err)) void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const reject = async ({ reason }: { reason: string }) => {
    if (!rejecting) return;
    setBusy(rejecting.orgId);
    try {
      await decideOrgClaim(rejecting.orgId, { decision: 'reject', reason: reason.trim() });
      void message.success(t('orgClaims.rejected'));
      setRejecting(null);
      queue.reload();
    } catch (err) {
      if (decidedElsewhere(err)) setRejecting(null);
      else void message.error(applyFieldErrors(form, err));
    } finally {
      setBusy(null);
    }
  };

  const actions = (item: OrgClaimItem) =>
    item.status !== 'pending' ? (
      item.reason ? (
        <span className="muted-small">
          {phone ? `${t('orgClaims.reason')}：${item.reason}` : item.reason}
        </span>
      ) : null
    ) : (
      <Space wrap>
        {item.ownOrganization && (
          <Tag color="orange" data-testid="org-claim-own">
            {t('orgClaims.ownHint')}
          </Tag>
        )}
        {item.handover && (
          <Tag color="blue" data-testid="org-claim-handover">
            {t('orgClaims.handoverHint')}
          </Tag>
        )}
        <Button
          type="primary"
          size={phone ? 'middle' : 'small'}
          disabled={item.ownOrganization}
          loading={busy === item.orgId && !rejecting}
          onClick={() => void verify(item)}
          data-testid="org-claim-verify"
        >
          {t('orgClaims.verify')}
        </Button>
        <Button
          size={phone ? 'middle' : 'small'}
          danger
          disabled={item.ownOrganization}
          onClick={() => setRejecting(item)}
          data-testid="org-claim-reject"
        >
          {t('orgClaims.reject')}
        </Button>
      </Space>
    );

  const orgLink = (r: OrgClaimItem) => <Link to={`/enterprises/${r.orgId}`}>{r.orgName}</Link>;
  const claimant = (r: OrgClaimItem) =>
    [r.claimantName, r.claimantPhoneMasked].filter(Boolean).join(' · ') || '—';
  const when = (r: OrgClaimItem) => formatDateTime(r.status === 'pending' ? r.submittedAt : r.decidedAt);

  return (
    <div data-testid="org-claims-tab">
      <p className="card-lead">{t('orgClaims.lead')}</p>
      <Segmented<ClaimStatus>
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={(['pending', 'verified', 'rejected'] as const).map((s) => ({
          value: s,
          label: t(`orgClaims.status.${s}`),
        }))}
        className="mine-types"
      />
      <Table<OrgClaimItem>
        rowKey="orgId"
        size="middle"
        loading={queue.loading}
        dataSource={queue.data?.items ?? []}
        showHeader={!phone}
        locale={{
          emptyText: queue.error
            ? t('common.loadFailed')
            : t(status === 'pending' ? 'orgClaims.empty' : 'orgClaims.emptyDecided'),
        }}
        onRow={(r) =>
          ({ 'data-testid': 'org-claim-row', 'data-org': r.orgId }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize: 20,
          total: queue.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        columns={
          phone
            ? [
                {
                  key: 'item',
                  render: (_, r) => (
                    <div className="mobile-row">
                      <div className="mobile-row-title">{orgLink(r)}</div>
                      <div className="mobile-row-meta">
                        <span className="uscc">{r.uscc}</span>
                        <RegionName code={r.regionCode} />
                      </div>
                      <div className="mobile-row-meta">
                        <span>{claimant(r)}</span>
                        <span>{when(r)}</span>
                      </div>
                      {actions(r)}
                    </div>
                  ),
                },
              ]
            : [
                { title: t('orgClaims.org'), render: (_, r) => orgLink(r) },
                {
                  title: t('orgClaims.uscc'),
                  dataIndex: 'uscc',
                  render: (v: string) => <span className="uscc">{v}</span>,
                },
                { title: t('orgClaims.claimant'), render: (_, r) => claimant(r) },
                {
                  title: t('orgClaims.region'),
                  dataIndex: 'regionCode',
                  render: (v: string) => <RegionName code={v} />,
                },
                {
                  title: t(status === 'pending' ? 'orgClaims.submittedAt' : 'orgClaims.decidedAt'),
                  render: (_, r) => when(r),
                },
                {
                  title: t(status === 'pending' ? 'orgClaims.actions' : 'orgClaims.reason'),
                  render: (_, r) => actions(r),
                },
              ]
        }
      />
      <Modal
        open={rejecting !== null}
        title={rejecting ? t('orgClaims.rejectTitle', { name: rejecting.orgName }) : ''}
        onCancel={() => setRejecting(null)}
        onOk={() => form.submit()}
        okText={t('orgClaims.reject')}
        okButtonProps={{ danger: true, 'data-testid': 'org-claim-reject-confirm' } as { danger: boolean }}
        cancelText={t('common.cancel')}
        confirmLoading={busy !== null}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void reject(v)}>
          <Form.Item
            name="reason"
            label={t('orgClaims.reasonLabel')}
            rules={[{ required: true, min: 2, max: 500 }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder={t('orgClaims.reasonPlaceholder')}
              data-testid="org-claim-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
