import { Badge, Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';
import { RequireAuth } from '../../shell/components/Guards';
import { useUnreadCount } from '../hooks/useUnreadCount';
import { NotificationsTab } from './NotificationsTab';
import { SavedSearchesTab } from './SavedSearchesTab';

/** The Messages tab: notifications (with the unread count) and saved searches. */
export function InboxPage() {
  const t = useT();
  const { unread } = useUnreadCount();
  const [params, setParams] = useSearchParams();
  const active = params.get('tab') === 'saved' ? 'saved' : 'notifications';
  return (
    <RequireAuth>
      <div className="page" data-testid="messages-page">
        <h1 className="page-title">{t('messages.title')}</h1>
        <Card variant="borderless">
          <Tabs
            activeKey={active}
            onChange={(key) => setParams(key === 'saved' ? { tab: 'saved' } : {}, { replace: true })}
            items={[
              {
                key: 'notifications',
                label: (
                  <Badge count={unread} size="small" offset={[8, -2]}>
                    <span data-testid="tab-notifications">{t('inbox.tab.notifications')}</span>
                  </Badge>
                ),
                children: <NotificationsTab />,
              },
              {
                key: 'saved',
                label: <span data-testid="tab-saved-searches">{t('inbox.tab.saved')}</span>,
                children: <SavedSearchesTab />,
              },
            ]}
          />
        </Card>
      </div>
    </RequireAuth>
  );
}
