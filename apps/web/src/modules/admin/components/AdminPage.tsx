import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useSession } from '../../auth/hooks/useSession';
import { RegionBrowser } from '../../regions/components/RegionBrowser';
import { RequireStaff } from '../../shell/components/Guards';
import { ImportsTab } from '../../officer/components/ImportsTab';
import { OrgClaimsTab } from '../../officer/components/OrgClaimsTab';
import { PublishModeTab } from '../../officer/components/PublishModeTab';
import { ReviewTab } from '../../officer/components/ReviewTab';
import { AuditTab } from './AuditTab';
import { SmsOutboxTab } from './SmsOutboxTab';
import { UsersTab } from './UsersTab';

/**
 * Staff console. Administrators see every tab; officers see the review queue, organization claims,
 * imports, publish mode, regions and their region's audit log.
 */
export function AdminPage() {
  return (
    <RequireStaff roles={['admin', 'officer']}>
      <AdminContent />
    </RequireStaff>
  );
}

function AdminContent() {
  const t = useT();
  const { hasRole } = useSession();
  const phone = useScreenSize() === 'phone';
  const [params, setParams] = useSearchParams();
  const admin = hasRole('admin');
  const items = [
    ...(admin ? [{ key: 'users', label: t('admin.tab.users'), children: <UsersTab /> }] : []),
    { key: 'review', label: t('admin.tab.review'), children: <ReviewTab /> },
    { key: 'org-claims', label: t('admin.tab.orgClaims'), children: <OrgClaimsTab /> },
    { key: 'imports', label: t('admin.tab.imports'), children: <ImportsTab /> },
    { key: 'publish-mode', label: t('admin.tab.publishMode'), children: <PublishModeTab /> },
    { key: 'regions', label: t('admin.tab.regions'), children: <RegionBrowser /> },
    { key: 'audit', label: t('admin.tab.audit'), children: <AuditTab /> },
    ...(admin ? [{ key: 'sms', label: t('admin.tab.sms'), children: <SmsOutboxTab /> }] : []),
  ];
  const requested = params.get('tab');
  const active = items.some((i) => i.key === requested) ? requested! : (items[0]?.key ?? 'regions');

  return (
    <div className="page admin-page" data-testid="admin-page">
      <h1 className="page-title">{t('admin.title')}</h1>
      <Card variant="borderless">
        <Tabs
          tabBarGutter={phone ? 18 : undefined}
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={items}
          destroyOnHidden
        />
      </Card>
    </div>
  );
}
