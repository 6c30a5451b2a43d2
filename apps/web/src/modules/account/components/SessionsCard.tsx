import { App, Button, Card, List, Popconfirm, Tag } from 'antd';
import { DesktopOutlined, MobileOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/LocaleProvider';
import { describeUserAgent, formatDateTime } from '../../../lib/format';
import { useRemote } from '../../../lib/hooks/useRemote';
import { listSessions, revokeSession } from '../api/accountApi';

/** Every signed-in device with its last activity; any but the current one can be signed out. */
export function SessionsCard() {
  const t = useT();
  const { message } = App.useApp();
  const sessions = useRemote((signal) => listSessions(signal), []);

  const revoke = async (id: string) => {
    try {
      await revokeSession(id);
      void message.success(t('sessions.revoked'));
      sessions.reload();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Card variant="borderless" title={t('sessions.title')} data-testid="sessions-card">
      <p className="card-lead">{t('sessions.desc')}</p>
      <List
        loading={sessions.loading}
        dataSource={sessions.data?.items ?? []}
        locale={{ emptyText: sessions.error ? t('common.loadFailed') : t('common.none') }}
        renderItem={(s) => {
          const device = describeUserAgent(s.userAgent) ?? t('sessions.unknownDevice');
          const mobile = /Android|iOS/.test(device);
          return (
            <List.Item
              actions={
                s.current
                  ? [
                      <Tag key="cur" color="success">
                        {t('sessions.current')}
                      </Tag>,
                    ]
                  : [
                      <Popconfirm
                        key="revoke"
                        title={t('sessions.revokeConfirm')}
                        onConfirm={() => revoke(s.id)}
                      >
                        <Button danger size="small">
                          {t('sessions.revoke')}
                        </Button>
                      </Popconfirm>,
                    ]
              }
            >
              <List.Item.Meta
                avatar={
                  mobile ? (
                    <MobileOutlined className="list-icon" />
                  ) : (
                    <DesktopOutlined className="list-icon" />
                  )
                }
                title={device}
                description={
                  <span className="session-meta">
                    <span>{t('sessions.lastSeen', { time: formatDateTime(s.lastSeenAt) })}</span>
                    <span>{t('sessions.createdAt', { time: formatDateTime(s.createdAt) })}</span>
                    {s.ipMasked && <span>{t('sessions.ip', { ip: s.ipMasked })}</span>}
                  </span>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
