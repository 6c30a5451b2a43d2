import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';
import { useSession } from '../../auth/hooks/useSession';

/**
 * Shown on every page while a staff member still has to enrol TOTP, or while an `mlps` password
 * has expired: the server refuses their staff functions until they do, so say so up front.
 */
export function StaffSecurityBanner() {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useSession();
  if (!me?.user) return null;
  if (me.twoFactor?.mustEnroll) {
    return (
      <Alert
        className="page-banner"
        type="warning"
        showIcon
        data-testid="twofactor-banner"
        title={t('guard.twoFactorTitle')}
        description={t('guard.twoFactorDesc')}
        action={
          <Button size="small" type="primary" onClick={() => void navigate('/account?tab=security')}>
            {t('guard.twoFactorAction')}
          </Button>
        }
      />
    );
  }
  if (me.passwordChangeRequired) {
    return (
      <Alert
        className="page-banner"
        type="warning"
        showIcon
        title={t('guard.passwordExpired')}
        action={
          <Button size="small" onClick={() => void navigate('/account?tab=security')}>
            {t('guard.passwordExpiredAction')}
          </Button>
        }
      />
    );
  }
  return null;
}
