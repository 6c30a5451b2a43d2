import { Alert, Button } from 'antd';
import { useT } from '../../../i18n/LocaleProvider';

/** A failed load, with the server's (localized) message and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      className="card-alert"
      title={t('common.loadFailed')}
      description={error instanceof Error ? error.message : undefined}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
