import { Alert, Card, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { ListingStatus, ListingType } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { useRemote } from '../../../lib/hooks/useRemote';
import { getCapability, getListingHistory, getNeed, getResult } from '../../catalog/api/listingsApi';
import { StatusTag } from '../../catalog/components/CatalogBits';
import { listingPath } from '../../catalog/paths';
import { RequireAuth } from '../../shell/components/Guards';
import { LoadError } from '../../shell/components/LoadError';
import { HistoryView } from './HistoryDrawer';

/** What the page shows of the listing itself: its title and state. */
const load = async (
  type: ListingType,
  id: string,
  signal: AbortSignal,
): Promise<{ title: string; status: ListingStatus }> =>
  type === 'need'
    ? getNeed(id, signal)
    : type === 'capability'
      ? getCapability(id, signal)
      : getResult(id, signal);

/**
 * 版本与审核记录 as a page of its own (`/needs/{id}/history`, …): reachable from 我的发布 and from a
 * closed or expired listing, whose owner may want to see what happened to it. The server decides
 * who may read it (the owner, officers of the region, administrators).
 */
export function ListingHistoryPage({ type }: { type: ListingType }) {
  return (
    <RequireAuth>
      <ListingHistory type={type} />
    </RequireAuth>
  );
}

function ListingHistory({ type }: { type: ListingType }) {
  const { id = '' } = useParams();
  const t = useT();
  const listing = useRemote((signal) => load(type, id, signal), [type, id]);
  const history = useRemote((signal) => getListingHistory(type, id, signal), [type, id]);
  const status: ListingStatus | undefined = listing.data?.status;
  return (
    <div className="page history-page" data-testid="history-page">
      <Link to={listingPath(type, id)} className="detail-back-link" data-testid="history-back">
        <ArrowLeftOutlined /> {t('history.back')}
      </Link>
      <h1 className="page-title">{t('history.pageTitle')}</h1>
      {listing.data && (
        <p className="history-subject" data-testid="history-subject">
          {status && <StatusTag status={status} />}
          <span className="history-subject-title">{listing.data.title}</span>
        </p>
      )}
      {(status === 'closed' || status === 'expired') && (
        <Alert
          type={status === 'expired' ? 'warning' : 'info'}
          showIcon
          className="card-alert"
          title={t(status === 'expired' ? 'history.expiredNotice' : 'history.closedNotice')}
        />
      )}
      <Card variant="borderless">
        {history.loading ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : history.error || !history.data ? (
          <LoadError error={history.error} onRetry={history.reload} />
        ) : (
          <HistoryView h={history.data} />
        )}
      </Card>
    </div>
  );
}
