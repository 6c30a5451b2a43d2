import { Card, Descriptions, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import type { CapabilityDetail, CapabilityResponse } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { formatDate } from '../../../lib/format';
import { useRemote } from '../../../lib/hooks/useRemote';
import { getCapability } from '../../catalog/api/listingsApi';
import { PriceText, RegionName, TaxonomyTags } from '../../catalog/components/CatalogBits';
import { DetailFrame, DetailState } from './DetailFrame';
import { ClosedNotice } from './ClosedNotice';
import { OwnerBar } from './OwnerBar';
import { OwnerLink } from './OwnerLink';
import { Recommendations } from './Recommendations';

const isDetail = (v: CapabilityResponse): v is CapabilityDetail => 'canEdit' in v;

/** A service (科技所能); its owner sees the life cycle and the needs that match it. */
export function CapabilityDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const res = useRemote((signal) => getCapability(id, signal), [id]);
  const c = res.data;
  if (!c) return <DetailState error={res.error} loading={res.loading} onRetry={res.reload} />;
  const owner = isDetail(c) && c.canEdit ? c : null;
  return (
    <DetailFrame
      testId="capability-detail"
      kindLabel={t('catalogKindOne.capability')}
      title={c.title}
      tags={<TaxonomyTags disciplines={c.disciplines} industries={c.industries} />}
      meta={
        <>
          <PriceText priceType={c.priceType} price={c.price} />
          <span>{t(`delivery.${c.deliveryMode}`)}</span>
          <RegionName code={c.regionCode} />
          {c.publishedAt && <span className="muted">{formatDate(c.publishedAt)}</span>}
        </>
      }
      side={owner ? <Recommendations subject={{ kind: 'capability', id: c.id }} /> : undefined}
    >
      {owner && (
        <Card variant="borderless">
          <OwnerBar
            type="capability"
            id={c.id}
            status={owner.status}
            rejectionReason={owner.rejectionReason}
            editPath={`/publish/service/${c.id}`}
            onChanged={res.reload}
            version={c.version}
          />
        </Card>
      )}
      {isDetail(c) && <ClosedNotice type="capability" id={c.id} status={c.status} />}
      <Card variant="borderless" title={t('capability.description')}>
        <p className="detail-text">{c.description}</p>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" className="detail-desc">
          <Descriptions.Item label={t('detail.offeredBy')}>
            <OwnerLink {...c} />
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.delivery')}>
            {t(`delivery.${c.deliveryMode}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.price')}>
            <PriceText priceType={c.priceType} price={c.price} />
          </Descriptions.Item>
          {c.durationDays !== null && (
            <Descriptions.Item label={t('catalog.duration')}>
              {t('catalog.durationDays', { n: c.durationDays })}
            </Descriptions.Item>
          )}
          {c.keywords.length > 0 && (
            <Descriptions.Item label={t('detail.keywords')}>
              {c.keywords.map((k) => (
                <Tag key={k}>{k}</Tag>
              ))}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    </DetailFrame>
  );
}
