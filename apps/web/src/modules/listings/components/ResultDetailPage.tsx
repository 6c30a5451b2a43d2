import { Card, Descriptions, Progress, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import type { ResearchResultDetail, ResearchResultResponse } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { useRemote } from '../../../lib/hooks/useRemote';
import { getResult } from '../../catalog/api/listingsApi';
import { PriceText, RegionName, TaxonomyTags, useYuan } from '../../catalog/components/CatalogBits';
import { DetailFrame, DetailState } from './DetailFrame';
import { ClosedNotice } from './ClosedNotice';
import { OwnerBar } from './OwnerBar';
import { OwnerLink } from './OwnerLink';
import { Recommendations } from './Recommendations';

const isDetail = (v: ResearchResultResponse): v is ResearchResultDetail => 'canEdit' in v;

/** A research result offered for transfer; its owner sees the reserve price and matching needs. */
export function ResultDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const yuan = useYuan();
  const res = useRemote((signal) => getResult(id, signal), [id]);
  const r = res.data;
  if (!r) return <DetailState error={res.error} loading={res.loading} onRetry={res.reload} />;
  const owner = isDetail(r) && r.canEdit ? r : null;
  return (
    <DetailFrame
      testId="result-detail"
      kindLabel={t('catalogKindOne.result')}
      title={r.title}
      tags={
        <>
          {r.transferModes.map((m) => (
            <Tag key={m} color="purple">
              {t(`transfer.${m}`)}
            </Tag>
          ))}
          <TaxonomyTags disciplines={r.disciplines} industries={r.industries} />
        </>
      }
      meta={
        <>
          <PriceText priceType={r.priceType} price={r.askingPrice} />
          <span>{t('catalog.trl', { n: r.maturity })}</span>
          <RegionName code={r.regionCode} />
        </>
      }
      side={owner ? <Recommendations subject={{ kind: 'result', id: r.id }} /> : undefined}
    >
      {owner && (
        <Card variant="borderless">
          <OwnerBar
            type="result"
            id={r.id}
            status={owner.status}
            rejectionReason={owner.rejectionReason}
            editPath={`/publish/result/${r.id}`}
            onChanged={res.reload}
            version={r.version}
          />
        </Card>
      )}
      {isDetail(r) && <ClosedNotice type="result" id={r.id} status={r.status} />}
      <Card variant="borderless" title={t('result.abstract')}>
        <p className="detail-text">{r.abstract}</p>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" className="detail-desc">
          <Descriptions.Item label={t('detail.offeredBy')}>
            <OwnerLink {...r} />
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.maturity')}>
            <span className="maturity-meter">
              <Progress
                percent={Math.round((r.maturity / 9) * 100)}
                steps={9}
                size="small"
                showInfo={false}
              />
              {t('catalog.trl', { n: r.maturity })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('result.askingPrice')}>
            <PriceText priceType={r.priceType} price={r.askingPrice} />
          </Descriptions.Item>
          {owner && owner.reservePrice !== null && (
            <Descriptions.Item label={t('result.reservePrice')}>{yuan(owner.reservePrice)}</Descriptions.Item>
          )}
          {r.ip.length > 0 && (
            <Descriptions.Item label={t('catalog.ip')} span={2}>
              <div className="ip-list">
                {r.ip.map((ip) => (
                  <span key={`${ip.kind}${ip.number}`}>
                    <Tag>{t(`ipKind.${ip.kind}`)}</Tag>
                    {ip.number}
                    {ip.title ? ` · ${ip.title}` : ''}
                  </span>
                ))}
              </div>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    </DetailFrame>
  );
}
