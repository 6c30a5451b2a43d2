import { Alert } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ListingStatus, ListingType } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { listingHistoryPath } from '../../catalog/paths';

/**
 * On a closed or expired listing (only its owner and officers of the region still reach it): why
 * it is no longer public, and the way to its 版本与审核记录 page.
 */
export function ClosedNotice({ type, id, status }: { type: ListingType; id: string; status: ListingStatus }) {
  const t = useT();
  if (status !== 'closed' && status !== 'expired') return null;
  return (
    <Alert
      type={status === 'expired' ? 'warning' : 'info'}
      showIcon
      data-testid="closed-notice"
      title={t(status === 'expired' ? 'history.expiredNotice' : 'history.closedNotice')}
      description={
        <Link to={listingHistoryPath(type, id)} data-testid="history-link">
          <HistoryOutlined /> {t('history.viewPage')}
        </Link>
      }
    />
  );
}
