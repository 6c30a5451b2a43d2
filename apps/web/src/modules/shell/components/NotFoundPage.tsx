import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';

/** Unknown paths inside the app. */
export function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.desc')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('notFound.home')}
        </Button>
      }
    />
  );
}
