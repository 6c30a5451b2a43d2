import { App, Badge, Button, Empty, List, Switch } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { NotificationView } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { formatDateTime } from '../../../lib/format';
import { useRemote } from '../../../lib/hooks/useRemote';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../catalog/api/matchingApi';
import { LoadError } from '../../shell/components/LoadError';
import { useUnreadCount } from '../hooks/useUnreadCount';

/** In-app notifications (saved-search matches and more), newest first; opening one marks it read. */
export function NotificationsTab() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { refresh } = useUnreadCount();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useRemote(
    (signal) => listNotifications({ page, pageSize: 20, unread: unreadOnly ? 'true' : undefined }, signal),
    [page, unreadOnly],
  );

  const open = async (n: NotificationView) => {
    if (!n.readAt) {
      await markNotificationRead(n.id).catch(() => undefined);
      refresh();
    }
    if (n.link) void navigate(n.link);
    else list.reload();
  };

  const markAll = async () => {
    try {
      await markAllNotificationsRead();
      void message.success(t('inbox.markedAll'));
      refresh();
      list.reload();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div data-testid="notifications">
      <div className="inbox-toolbar">
        <label className="inbox-toggle">
          <Switch
            size="small"
            checked={unreadOnly}
            onChange={(v) => {
              setUnreadOnly(v);
              setPage(1);
            }}
          />{' '}
          {t('inbox.unreadOnly')}
        </label>
        <Button
          onClick={() => void markAll()}
          disabled={!list.data || list.data.unread === 0}
          data-testid="mark-all-read"
        >
          {t('inbox.markAll')}
        </Button>
      </div>
      {list.error && !list.loading ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <List<NotificationView>
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty
                description={
                  <span>
                    <strong>{t('messages.empty')}</strong>
                    <br />
                    {t('messages.emptyDesc')}
                  </span>
                }
              />
            ),
          }}
          pagination={
            (list.data?.total ?? 0) > 20
              ? {
                  current: page,
                  pageSize: 20,
                  total: list.data?.total,
                  onChange: setPage,
                  showSizeChanger: false,
                }
              : false
          }
          renderItem={(n) => (
            <List.Item
              className={n.readAt ? 'inbox-item' : 'inbox-item unread'}
              data-testid="notification"
              data-read={n.readAt ? 'true' : 'false'}
              onClick={() => void open(n)}
            >
              <List.Item.Meta
                avatar={
                  <Badge dot={!n.readAt}>
                    <BellOutlined className="list-icon" />
                  </Badge>
                }
                title={n.title}
                description={
                  <>
                    <div className="inbox-body">{n.body}</div>
                    <div className="muted-small">{formatDateTime(n.createdAt)}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
