import { Card, Empty } from 'antd';
import { useT } from '../../../i18n/LocaleProvider';
import { RequireAuth } from './Guards';

/** The inbox; invitations and deal notices arrive with the matching and deal features. */
export function MessagesPage() {
  const t = useT();
  return (
    <RequireAuth>
      <div className="page" data-testid="messages-page">
        <h1 className="page-title">{t('messages.title')}</h1>
        <Card variant="borderless">
          <Empty
            description={
              <span>
                <strong>{t('messages.empty')}</strong>
                <br />
                {t('messages.emptyDesc')}
              </span>
            }
          />
        </Card>
      </div>
    </RequireAuth>
  );
}
