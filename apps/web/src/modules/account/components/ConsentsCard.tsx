import { App, Button, Card, List, Popconfirm, Tag } from 'antd';
import { useT } from '../../../i18n/LocaleProvider';
import { formatDateTime } from '../../../lib/format';
import { useRemote } from '../../../lib/hooks/useRemote';
import { listConsents, withdrawConsent } from '../api/accountApi';

/** PIPL consent records (purpose, version, when), each withdrawable while active. */
export function ConsentsCard() {
  const t = useT();
  const { message } = App.useApp();
  const consents = useRemote((signal) => listConsents(signal), []);

  const withdraw = async (id: string) => {
    try {
      await withdrawConsent(id);
      void message.success(t('consents.withdrawn'));
      consents.reload();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Card variant="borderless" title={t('consents.title')} data-testid="consents-card">
      <p className="card-lead">{t('consents.desc')}</p>
      <List
        loading={consents.loading}
        dataSource={consents.data?.items ?? []}
        locale={{ emptyText: consents.error ? t('common.loadFailed') : t('common.none') }}
        renderItem={(c) => (
          <List.Item
            actions={
              c.withdrawnAt
                ? [<Tag key="w">{t('consents.withdrawn')}</Tag>]
                : [
                    <Popconfirm
                      key="withdraw"
                      title={t('consents.withdrawConfirm')}
                      onConfirm={() => withdraw(c.id)}
                    >
                      <Button size="small">{t('consents.withdraw')}</Button>
                    </Popconfirm>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <span>
                  {t(`consents.purpose.${c.purpose}`)}{' '}
                  {!c.withdrawnAt && <Tag color="success">{t('consents.active')}</Tag>}
                </span>
              }
              description={
                <span className="session-meta">
                  <span>{t('consents.version', { v: c.version })}</span>
                  <span>{t('consents.grantedAt', { time: formatDateTime(c.grantedAt) })}</span>
                  {c.withdrawnAt && (
                    <span>{t('consents.withdrawnAt', { time: formatDateTime(c.withdrawnAt) })}</span>
                  )}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
