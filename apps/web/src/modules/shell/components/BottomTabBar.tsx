import { Badge } from 'antd';
import {
  CompassOutlined,
  FormOutlined,
  HomeOutlined,
  MessageOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';
import { useUnreadCount } from '../../inbox/hooks/useUnreadCount';

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
    path: '/mine',
    label: 'nav.publish',
    icon: <FormOutlined />,
    match: (p) => p === '/mine' || p.startsWith('/publish/'),
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

/** Phone navigation: five thumb-reachable tabs fixed at the bottom, clear of the home indicator. */
export function BottomTabBar() {
  const t = useT();
  const { pathname } = useLocation();
  const { unread } = useUnreadCount();
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
            data-testid={`tab-${tab.path === '/' ? 'home' : tab.path.slice(1)}`}
          >
            <span className="tab-bar-icon">
              {tab.path === '/messages' ? (
                <Badge count={unread} size="small" offset={[4, 0]} data-testid="unread-badge">
                  {tab.icon}
                </Badge>
              ) : (
                tab.icon
              )}
            </span>
            <span className="tab-bar-label">{t(tab.label)}</span>
          </Link>
        );
      })}
    </nav>
  );
}
