import { Outlet } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { BottomTabBar } from './BottomTabBar';
import { PhoneHeader } from './PhoneHeader';
import { StaffSecurityBanner } from './StaffSecurityBanner';
import { TopNav } from './TopNav';

/** The frame around every page: top navigation on tablet/desktop, header + bottom tabs on phones. */
export function AppShell() {
  const t = useT();
  const size = useScreenSize();
  const phone = size === 'phone';
  return (
    <div className={phone ? 'shell shell-phone' : 'shell'}>
      {phone ? <PhoneHeader /> : <TopNav />}
      <main className="shell-main">
        <StaffSecurityBanner />
        <Outlet />
      </main>
      {phone ? (
        <BottomTabBar />
      ) : (
        <footer className="shell-footer">
          <span>{t('app.org')}</span>
          <span>{t('footer.privacy')}</span>
          <span>{t('footer.rights')}</span>
        </footer>
      )}
    </div>
  );
}
