import { Avatar, Badge, Button, Dropdown, Space } from 'antd';
import { LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';
import { isStaff, useSession } from '../../auth/hooks/useSession';
import { useUnreadCount } from '../../inbox/hooks/useUnreadCount';
import { useNavItems } from '../hooks/useNavItems';
import { BrandLogo } from './BrandLogo';
import { LanguageSwitch } from './LanguageSwitch';

/** Desktop and tablet header: brand, main menu, language, and the account menu or sign-in buttons. */
export function TopNav() {
  const t = useT();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { user, signOut } = useSession();
  const items = useNavItems();
  const { unread } = useUnreadCount();

  const userMenu = {
    items: [
      { key: '/account', icon: <UserOutlined />, label: t('nav.account') },
      ...(isStaff(user)
        ? [{ key: '/admin', icon: <SafetyCertificateOutlined />, label: t('nav.admin') }]
        : []),
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'logout') void signOut().then(() => navigate('/'));
      else void navigate(key);
    },
  };

  return (
    <header className="top-nav" data-testid="top-nav">
      <div className="top-nav-inner">
        <Link to="/" className="top-nav-brand" aria-label={t('app.name')}>
          <BrandLogo size={34} withName name={t('app.name')} />
        </Link>
        <nav className="top-nav-menu" aria-label="main">
          {items.map((item) => (
            <Link
              key={item.path}
              to={item.path}
              className={item.match(pathname) ? 'top-nav-link active' : 'top-nav-link'}
            >
              {item.path === '/messages' ? (
                <Badge count={unread} size="small" offset={[8, -4]} data-testid="unread-badge">
                  {t(item.label)}
                </Badge>
              ) : (
                t(item.label)
              )}
            </Link>
          ))}
        </nav>
        <Space size={8} className="top-nav-actions">
          <LanguageSwitch />
          {user ? (
            <Dropdown menu={userMenu} placement="bottomRight" trigger={['click']}>
              <Button type="text" className="top-nav-user" data-testid="user-menu">
                <Avatar size={28} style={{ background: '#1456d6' }}>
                  {user.displayName.slice(0, 1)}
                </Avatar>
                <span className="top-nav-user-name">{user.displayName}</span>
              </Button>
            </Dropdown>
          ) : (
            <>
              <Button type="text" onClick={() => void navigate('/login')}>
                {t('nav.login')}
              </Button>
              <Button type="primary" onClick={() => void navigate('/register')}>
                {t('nav.register')}
              </Button>
            </>
          )}
        </Space>
      </div>
    </header>
  );
}
