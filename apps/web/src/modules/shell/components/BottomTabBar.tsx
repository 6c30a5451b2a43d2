import { CompassOutlined, HomeOutlined, MessageOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';

interface Tab {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  match: (pathname: string) => boolean;
}

const TABS: Tab[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, match: (p) => p === '/' },
  {
    path: '/discover',
    label: 'nav.discover',
    icon: <CompassOutlined />,
    match: (p) => p.startsWith('/discover'),
  },
  {
    path: '/messages',
    label: 'nav.messages',
    icon: <MessageOutlined />,
    match: (p) => p.startsWith('/messages'),
  },
  {
    path: '/me',
    label: 'nav.me',
    icon: <UserOutlined />,
    // Whole path segments only: '/messages' must not light up '/me'.
    match: (p) =>
      ['/me', '/account', '/admin', '/login', '/register', '/reset-password'].some(
        (prefix) => p === prefix || p.startsWith(`${prefix}/`),
      ),
  },
];

/** Phone navigation: four thumb-reachable tabs fixed at the bottom, clear of the home indicator. */
export function BottomTabBar() {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <nav className="tab-bar" aria-label="main" data-testid="tab-bar">
      {TABS.map((tab) => {
        const active = tab.match(pathname);
        return (
          <Link
            key={tab.path}
            to={tab.path}
            className={active ? 'tab-bar-item active' : 'tab-bar-item'}
            aria-current={active ? 'page' : undefined}
          >
            <span className="tab-bar-icon">{tab.icon}</span>
            <span className="tab-bar-label">{t(tab.label)}</span>
          </Link>
        );
      })}
    </nav>
  );
}
