import { Button, Drawer, Empty, Skeleton, Tag, Timeline } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { ListingHistory, ListingStatus, ListingType } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';
import { formatDateTime } from '../../../lib/format';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useRemote } from '../../../lib/hooks/useRemote';
import { getListingHistory } from '../../catalog/api/listingsApi';
import { LoadError } from '../../shell/components/LoadError';
import { historyFieldKey, historyReasonKey } from '../history';

const STATUS_COLOR: Record<ListingStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  published: 'success',
  rejected: 'error',
  closed: 'default',
  expired: 'warning',
};

/** "版本与审核记录": a button for the owner bar opening the listing's versions and status events. */
export function HistoryButton({ type, id, version }: { type: ListingType; id: string; version: number }) {
  const t = useT();
  const phone = useScreenSize() === 'phone';
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<HistoryOutlined />} onClick={() => setOpen(true)} data-testid="history-open">
        {t('history.open')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('history.title')}
        placement={phone ? 'bottom' : 'right'}
        size={phone ? '85%' : 480}
        destroyOnHidden
      >
        {/* `version` in the key: an edit made meanwhile loads the history again on the next open. */}
        {open && <HistoryBody key={version} type={type} id={id} />}
      </Drawer>
    </>
  );
}

function HistoryBody({ type, id }: { type: ListingType; id: string }) {
  const history = useRemote((signal) => getListingHistory(type, id, signal), [type, id]);
  if (history.loading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (history.error || !history.data) return <LoadError error={history.error} onRetry={history.reload} />;
  return <HistoryView h={history.data} />;
}

/** The versions and status events of a listing (the drawer and the history page show the same). */
export function HistoryView({ h }: { h: ListingHistory }) {
  const t = useT();
  const who = (name: string | null, system = false) =>
    name ?? (system ? t('history.system') : t('history.unknownUser'));
  const field = (f: string) => {
    const key = historyFieldKey(f);
    return key ? t(key) : f;
  };
  const status = (s: ListingStatus) => (
    <Tag color={STATUS_COLOR[s]} className="history-status">
      {t(`status.${s}` as MessageKey)}
    </Tag>
  );
  return (
    <div className="listing-history" data-testid="listing-history">
      <h3 className="history-heading">{t('history.events')}</h3>
      {h.events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />
      ) : (
        <Timeline
          items={h.events.map((e, i) => ({
            key: i,
            color: e.toStatus === 'rejected' ? 'red' : e.toStatus === 'published' ? 'green' : 'blue',
            content: (
              <div data-testid="history-event" data-status={e.toStatus}>
                <div className="history-line">
                  {e.fromStatus && status(e.fromStatus)}
                  {e.fromStatus && <span className="muted">→</span>}
                  {status(e.toStatus)}
                </div>
                <div className="muted-small">
                  {`${formatDateTime(e.at)} · ${who(e.actorName, e.reason === 'auto_publish')}`}
                </div>
                {e.reason && (
                  <div className="history-reason" data-testid="history-reason">
                    {t('history.reason', {
                      reason: historyReasonKey(e.reason) ? t(historyReasonKey(e.reason)!) : e.reason,
                    })}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
      <h3 className="history-heading">{t('history.versions')}</h3>
      {h.versions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />
      ) : (
        <ol className="history-versions">
          {h.versions.map((v) => (
            <li key={v.version} data-testid="history-version" data-version={v.version}>
              <div className="history-line">
                <strong>{t('history.version', { n: v.version })}</strong>
                {v.version === h.version && <Tag color="blue">{t('history.current')}</Tag>}
              </div>
              <div className="muted-small">{`${formatDateTime(v.createdAt)} · ${who(v.changedByName)}`}</div>
              <div className="history-fields">
                {v.version === 1
                  ? t('history.created')
                  : v.changedFields.length > 0
                    ? t('history.changed', { fields: v.changedFields.map(field).join('、') })
                    : t('history.noFieldChange')}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
