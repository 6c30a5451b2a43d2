import { Alert, Button } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
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
  const { pathname } = useLocation();
  if (!me?.user) return null;
  // The staff console itself shows this as its page (RequireStaff): once is enough.
  if (me.twoFactor?.mustEnroll && !pathname.startsWith('/admin')) {
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
