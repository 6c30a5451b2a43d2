import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useSession } from '../../auth/hooks/useSession';
import { RequireAuth } from '../../shell/components/Guards';
import { AccountHeader } from './AccountHeader';
import { ConsentsCard } from './ConsentsCard';
import { IdentityCard } from './IdentityCard';
import { NextStepCard } from './NextStepCard';
import { PasswordCard } from './PasswordCard';
import { PhoneCard } from './PhoneCard';
import { DataExportCard, DeleteAccountCard } from './PrivacyCards';
import { ProfileCard } from './ProfileCard';
import { SessionsCard } from './SessionsCard';
import { TwoFactorCard } from './TwoFactorCard';

const TABS = ['profile', 'security', 'sessions', 'privacy'] as const;
type TabKey = (typeof TABS)[number];

/** "My account": profile, security (phone, password, 2FA), devices, privacy (consents, export, delete). */
export function AccountPage() {
  return (
    <RequireAuth>
      <AccountContent />
    </RequireAuth>
  );
}

function AccountContent() {
  const t = useT();
  const { user } = useSession();
  const size = useScreenSize();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: TabKey = (TABS as readonly string[]).includes(requested ?? '')
    ? (requested as TabKey)
    : 'profile';
  if (!user) return null;

  return (
    <div className="page account-page" data-testid="account-page">
      <AccountHeader user={user} />
      <NextStepCard user={user} />
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        tabPosition={size === 'desktop' ? 'left' : 'top'}
        tabBarGutter={size === 'phone' ? 20 : undefined}
        className="account-tabs"
        items={[
          {
            key: 'profile',
            label: t('account.tab.profile'),
            children: (
              <div className="card-stack">
                <ProfileCard />
                <IdentityCard />
              </div>
            ),
          },
          {
            key: 'security',
            label: t('account.tab.security'),
            children: (
              <div className="card-stack">
                <TwoFactorCard />
                <PhoneCard />
                <PasswordCard />
              </div>
            ),
          },
          {
            key: 'sessions',
            label: t('account.tab.sessions'),
            children: (
              <div className="card-stack">
                <SessionsCard />
              </div>
            ),
          },
          {
            key: 'privacy',
            label: t('account.tab.privacy'),
            children: (
              <div className="card-stack">
                <ConsentsCard />
                <DataExportCard />
                <DeleteAccountCard />
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
