import { App, Button, Card, Empty, List, Popconfirm, Segmented, Space } from 'antd';
import {
  BankOutlined,
  EditOutlined,
  FileAddOutlined,
  HistoryOutlined,
  IdcardOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ListingType, MyListing } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { formatDate } from '../../../lib/format';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useRemote } from '../../../lib/hooks/useRemote';
import { closeListing, listMyListings, submitListing } from '../../catalog/api/listingsApi';
import { RegionName, StatusTag } from '../../catalog/components/CatalogBits';
import { listingHistoryPath } from '../../catalog/paths';
import { useSession } from '../../auth/hooks/useSession';
import { RequireAuth } from '../../shell/components/Guards';
import { LoadError } from '../../shell/components/LoadError';

const VIEW: Record<ListingType, string> = { need: '/needs', capability: '/services', result: '/results' };
const EDIT: Record<ListingType, string> = {
  need: '/publish/need',
  capability: '/publish/service',
  result: '/publish/result',
};

/** "我的发布": shortcuts to publish, and the caller's listings in every state with their actions. */
export function MyListingsPage() {
  return (
    <RequireAuth>
      <MyListings />
    </RequireAuth>
  );
}

function MyListings() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { user } = useSession();
  const [type, setType] = useState<ListingType | 'all'>('all');
  const size = useScreenSize() === 'phone' ? 'middle' : 'small';
  const [page, setPage] = useState(1);
  const list = useRemote(
    (signal) => listMyListings({ type: type === 'all' ? undefined : type, page, pageSize: 20 }, signal),
    [type, page],
  );

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      list.reload();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const actions = (item: MyListing) => [
    <Button
      key="history"
      size={size}
      icon={<HistoryOutlined />}
      onClick={() => void navigate(listingHistoryPath(item.type, item.id))}
      data-testid="mine-history"
    >
      {t('mine.history')}
    </Button>,
    <Button
      key="edit"
      size={size}
      icon={<EditOutlined />}
      onClick={() => void navigate(`${EDIT[item.type]}/${item.id}`)}
    >
      {t('detail.edit')}
    </Button>,
    ...(item.status === 'draft' || item.status === 'rejected'
      ? [
          <Button
            key="submit"
            size={size}
            type="primary"
            icon={<SendOutlined />}
            onClick={() => void act(() => submitListing(item.type, item.id))}
            data-testid="mine-submit"
          >
            {t('detail.submit')}
          </Button>,
        ]
      : []),
    ...(item.status !== 'closed' && item.status !== 'expired'
      ? [
          <Popconfirm
            key="close"
            title={t('detail.closeConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => act(() => closeListing(item.type, item.id))}
          >
            <Button size={size} danger>
              {t('detail.close')}
            </Button>
          </Popconfirm>,
        ]
      : []),
  ];

  // What this person came to publish comes first (and is the primary button): a scientist or a team
  // offers services, everyone else (an enterprise, a resident) starts from a need.
  const NEED = {
    testId: 'new-need',
    path: '/publish/need/new',
    label: 'mine.newNeed',
    icon: <FileAddOutlined />,
  } as const;
  const SERVICE = {
    testId: 'new-service',
    path: '/publish/service/new',
    label: 'mine.newService',
    icon: <FileAddOutlined />,
  } as const;
  const RESULT = {
    testId: 'new-result',
    path: '/publish/result/new',
    label: 'mine.newResult',
    icon: <FileAddOutlined />,
  } as const;
  const PROFILE = {
    testId: 'my-profile',
    path: '/publish/scientist',
    label: 'mine.profile',
    icon: <IdcardOutlined />,
  } as const;
  const ENTERPRISE = {
    testId: 'my-enterprise',
    path: '/publish/enterprise',
    label: 'mine.enterprise',
    icon: <BankOutlined />,
  } as const;
  const kinds = user?.kinds ?? [];
  const supplier = !kinds.includes('organization') && (kinds.includes('scientist') || kinds.includes('team'));
  const shortcuts = supplier
    ? [SERVICE, RESULT, PROFILE, NEED, ENTERPRISE]
    : [NEED, SERVICE, RESULT, PROFILE, ENTERPRISE];

  return (
    <div className="page" data-testid="my-listings">
      <h1 className="page-title">{t('mine.title')}</h1>
      <p className="section-desc">{t('mine.lead')}</p>
      <div className="publish-shortcuts">
        {shortcuts.map((sc, i) => (
          <Button
            key={sc.testId}
            type={i === 0 ? 'primary' : 'default'}
            size="large"
            icon={sc.icon}
            onClick={() => void navigate(sc.path)}
            data-testid={sc.testId}
          >
            {t(sc.label)}
          </Button>
        ))}
      </div>
      <Card variant="borderless">
        <Segmented
          value={type}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
          options={(['all', 'need', 'capability', 'result'] as const).map((k) => ({
            value: k,
            label: t(`mine.type.${k}`),
          }))}
          className="mine-types"
        />
        {list.error && !list.loading ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <List<MyListing>
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('mine.empty')} /> }}
            pagination={
              (list.data?.total ?? 0) > 20
                ? {
                    current: page,
                    pageSize: 20,
                    total: list.data?.total,
                    onChange: setPage,
                    showSizeChanger: false,
                  }
                : false
            }
            renderItem={(item) => (
              <List.Item
                className="mine-item"
                data-testid="mine-item"
                data-status={item.status}
                data-type={item.type}
              >
                <div className="mine-item-body">
                  <div className="mine-item-head">
                    <StatusTag status={item.status} reason={item.rejectionReason} />
                    <Link to={`${VIEW[item.type]}/${item.id}`} className="mine-item-title">
                      {item.title}
                    </Link>
                  </div>
                  <div className="mine-item-meta">
                    <span>{t(`mine.type.${item.type}`)}</span>
                    <RegionName code={item.regionCode} />
                    <span>{t('detail.version', { n: item.version })}</span>
                    <span>{t('mine.updated', { date: formatDate(item.updatedAt) })}</span>
                  </div>
                  {item.status === 'rejected' && item.rejectionReason && (
                    <div className="mine-reject" data-testid="mine-rejection">
                      {t('catalog.rejectionReason', { reason: item.rejectionReason })}
                    </div>
                  )}
                  <Space wrap className="mine-actions">
                    {actions(item)}
                  </Space>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
