import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { StaffRole } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { useSession } from '../../auth/hooks/useSession';

function Loading() {
  return (
    <div className="page-center">
      <Spin size="large" />
    </div>
  );
}

/** Renders children for signed-in users; others get a prompt that returns them here after sign-in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Result
        status="403"
        title={t('guard.signInRequired')}
        subTitle={t('guard.signInRequiredDesc')}
        extra={[
          <Button key="login" type="primary" onClick={() => void navigate(`/login?next=${next}`)}>
            {t('nav.login')}
          </Button>,
          <Button key="register" onClick={() => void navigate('/register')}>
            {t('nav.register')}
          </Button>,
        ]}
      />
    );
  }
  return <>{children}</>;
}

/**
 * Staff pages: the user must hold one of `roles` and, because staff accounts must use two-factor,
 * have TOTP enabled. Both refusals explain themselves instead of showing an empty page.
 */
export function RequireStaff({ roles, children }: { roles: StaffRole[]; children: ReactNode }) {
  const t = useT();
  const navigate = useNavigate();
  const { me, hasRole } = useSession();
  return (
    <RequireAuth>
      {!roles.some(hasRole) ? (
        <Result status="403" title={t('guard.forbidden')} subTitle={t('guard.forbiddenDesc')} />
      ) : me?.twoFactor?.mustEnroll ? (
        <Result
          status="warning"
          title={t('guard.twoFactorTitle')}
          subTitle={t('guard.twoFactorDesc')}
          extra={
            <Button type="primary" onClick={() => void navigate('/account?tab=security')}>
              {t('guard.twoFactorAction')}
            </Button>
          }
        />
      ) : (
        children
      )}
    </RequireAuth>
  );
}
