import { Avatar, Button, Card, Tag } from 'antd';
import { LogoutOutlined, MobileOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { MeUser } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';

const REAL_NAME_COLOR = {
  none: 'default',
  pending: 'processing',
  verified: 'success',
  rejected: 'error',
} as const;

/** Who is signed in: name, masked phone, account kinds, staff roles and verification state. */
export function AccountHeader({ user }: { user: MeUser }) {
  const t = useT();
  const navigate = useNavigate();
  const { signOut } = useSession();
  return (
    <Card variant="borderless" className="account-header" data-testid="account-header">
      <Avatar size={56} className="account-avatar">
        {user.displayName.slice(0, 1)}
      </Avatar>
      <div className="account-header-body">
        <h1 className="account-name">{user.displayName}</h1>
        <div className="account-meta">
          <span>
            <MobileOutlined /> {user.phoneMasked}
          </span>
          <span>{t('account.memberSince', { date: formatDate(user.createdAt) })}</span>
        </div>
        <div className="account-tags">
          {user.kinds.map((k) => (
            <Tag key={k} color="blue">
              {t(`kind.${k}`)}
            </Tag>
          ))}
          {user.roles.map((r) => (
            <Tag key={`${r.role}-${r.regionCode ?? ''}`} color="gold">
              {t(`role.${r.role}`)}
              {r.regionCode ? ` · ${r.regionCode}` : ''}
            </Tag>
          ))}
          <Tag color={REAL_NAME_COLOR[user.realNameStatus]} icon={<SafetyCertificateOutlined />}>
            {t('account.realNameStatus', { status: t(`realName.${user.realNameStatus}`) })}
          </Tag>
        </div>
      </div>
      <Button
        className="account-signout"
        icon={<LogoutOutlined />}
        data-testid="sign-out"
        onClick={() => void signOut().then(() => navigate('/'))}
      >
        {t('nav.logout')}
      </Button>
    </Card>
  );
}
