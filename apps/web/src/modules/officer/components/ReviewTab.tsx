import { Alert, App, Button, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ListingType, ReviewQueueItem } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { formatDateTime } from '../../../lib/format';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useRemote } from '../../../lib/hooks/useRemote';
import { useSession } from '../../auth/hooks/useSession';
import { getReviewQueue, reviewListing } from '../../catalog/api/listingsApi';
import { listingProblem, type ListingProblem } from '../../catalog/listingErrors';
import { RegionName } from '../../catalog/components/CatalogBits';

const VIEW: Record<ListingType, string> = { need: '/needs', capability: '/services', result: '/results' };
const TYPE_LABEL: Record<ListingType, MessageKey> = {
  need: 'catalogKindOne.need',
  capability: 'catalogKindOne.capability',
  result: 'catalogKindOne.result',
};

/**
 * The officer's review queue: approve, or reject with a reason the author will see. Each decision
 * carries the version shown in the queue, so a listing edited since (or decided by someone else)
 * answers 409 and the officer is asked to reload; listings the officer wrote are not theirs to
 * decide (the server refuses with `review.own_listing` in any case).
 */
export function ReviewTab() {
  const t = useT();
  const { message } = App.useApp();
  const phone = useScreenSize() === 'phone';
  const [type, setType] = useState<ListingType | 'all'>('all');
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<ReviewQueueItem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: ListingProblem; title: string } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const { user } = useSession();
  const own = (item: ReviewQueueItem) => !!user && item.authorId === user.id;
  const queue = useRemote(
    (signal) => getReviewQueue({ type: type === 'all' ? undefined : type, page, pageSize: 20 }, signal),
    [type, page],
  );

  /** A conflict or an own listing shows as a notice above the queue; true when it was one. */
  const problem = (item: ReviewQueueItem, err: unknown) => {
    const kind = listingProblem(err);
    if (kind) setNotice({ kind, title: item.title });
    return kind !== null;
  };

  const approve = async (item: ReviewQueueItem) => {
    setBusy(item.id);
    setNotice(null);
    try {
      await reviewListing(item.type, item.id, { decision: 'approve', version: item.version });
      void message.success(t('review.approved'));
      queue.reload();
    } catch (err) {
      if (!problem(item, err)) void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const reject = async ({ reason }: { reason: string }) => {
    if (!rejecting) return;
    setBusy(rejecting.id);
    setNotice(null);
    try {
      await reviewListing(rejecting.type, rejecting.id, {
        decision: 'reject',
        reason: reason.trim(),
        version: rejecting.version,
      });
      void message.success(t('review.rejected'));
      setRejecting(null);
      queue.reload();
    } catch (err) {
      if (problem(rejecting, err)) setRejecting(null);
      else void message.error(applyFieldErrors(form, err));
    } finally {
      setBusy(null);
    }
  };

  const actions = (item: ReviewQueueItem) => (
    <Space wrap>
      {own(item) && (
        <Tag color="orange" data-testid="review-own">
          {t('review.ownHint')}
        </Tag>
      )}
      <Button
        type="primary"
        size={phone ? 'middle' : 'small'}
        disabled={own(item)}
        loading={busy === item.id && !rejecting}
        onClick={() => void approve(item)}
        data-testid="review-approve"
      >
        {t('review.approve')}
      </Button>
      <Button
        size={phone ? 'middle' : 'small'}
        danger
        disabled={own(item)}
        onClick={() => setRejecting(item)}
        data-testid="review-reject"
      >
        {t('review.reject')}
      </Button>
    </Space>
  );

  return (
    <div data-testid="review-tab">
      <p className="card-lead">{t('review.lead')}</p>
      {notice && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setNotice(null) }}
          className="card-alert"
          data-testid={notice.kind === 'conflict' ? 'review-conflict' : 'review-own-listing'}
          title={t(notice.kind === 'conflict' ? 'review.conflictTitle' : 'review.ownTitle')}
          description={
            <>
              <p className="alert-text">
                {t(notice.kind === 'conflict' ? 'review.conflictBody' : 'review.ownBody', {
                  title: notice.title,
                })}
              </p>
              {notice.kind === 'conflict' && (
                <Button
                  type="primary"
                  onClick={() => {
                    setNotice(null);
                    queue.reload();
                  }}
                  data-testid="review-reload"
                >
                  {t('review.conflictReload')}
                </Button>
              )}
            </>
          }
        />
      )}
      <Segmented<ListingType | 'all'>
        value={type}
        onChange={(v) => {
          setType(v);
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('mine.type.all') },
          ...(['need', 'capability', 'result'] as const).map((k) => ({ value: k, label: t(TYPE_LABEL[k]) })),
        ]}
        className="mine-types"
      />
      <Table<ReviewQueueItem>
        rowKey={(r) => `${r.type}:${r.id}`}
        size="middle"
        loading={queue.loading}
        dataSource={queue.data?.items ?? []}
        showHeader={!phone}
        locale={{ emptyText: queue.error ? t('common.loadFailed') : t('review.empty') }}
        onRow={() => ({ 'data-testid': 'review-row' }) as React.HTMLAttributes<HTMLElement>}
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
                      <div>
                        <Tag>{t(TYPE_LABEL[r.type])}</Tag>
                        <Link to={`${VIEW[r.type]}/${r.id}`}>{r.title}</Link>
                      </div>
                      <div className="mobile-row-meta">
                        <span>{r.authorName ?? '—'}</span>
                        <RegionName code={r.regionCode} />
                        <span>{formatDateTime(r.submittedAt)}</span>
                      </div>
                      {actions(r)}
                    </div>
                  ),
                },
              ]
            : [
                {
                  title: t('review.type'),
                  dataIndex: 'type',
                  render: (v: ListingType) => <Tag>{t(TYPE_LABEL[v])}</Tag>,
                },
                {
                  title: t('review.title'),
                  render: (_, r) => <Link to={`${VIEW[r.type]}/${r.id}`}>{r.title}</Link>,
                },
                {
                  title: t('review.author'),
                  dataIndex: 'authorName',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('review.region'),
                  dataIndex: 'regionCode',
                  render: (v: string) => <RegionName code={v} />,
                },
                {
                  title: t('review.submittedAt'),
                  dataIndex: 'submittedAt',
                  render: (v: string) => formatDateTime(v),
                },
                { title: t('review.actions'), render: (_, r) => actions(r) },
              ]
        }
      />
      <Modal
        open={rejecting !== null}
        title={rejecting ? t('review.rejectTitle', { title: rejecting.title }) : ''}
        onCancel={() => setRejecting(null)}
        onOk={() => form.submit()}
        okText={t('review.reject')}
        okButtonProps={{ danger: true, 'data-testid': 'review-reject-confirm' } as { danger: boolean }}
        cancelText={t('common.cancel')}
        confirmLoading={busy !== null}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void reject(v)}>
          <Form.Item name="reason" label={t('review.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder={t('review.reasonPlaceholder')}
              data-testid="review-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
