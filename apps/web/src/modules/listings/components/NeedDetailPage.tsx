import { Card, Collapse, Descriptions, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { NeedDetail, NeedResponse } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { formatDate } from '../../../lib/format';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useRemote } from '../../../lib/hooks/useRemote';
import { getNeed } from '../../catalog/api/listingsApi';
import { OrgVerifiedTag, RegionName, TaxonomyTags } from '../../catalog/components/CatalogBits';
import { DetailFrame, DetailState } from './DetailFrame';
import { NdaGate } from './NdaGate';
import { ClosedNotice } from './ClosedNotice';
import { OwnerBar } from './OwnerBar';
import { Recommendations } from './Recommendations';

const isDetail = (n: NeedResponse): n is NeedDetail => 'canEdit' in n;

/**
 * A need: public summary for everyone, details behind the NDA, recommendations for its owner
 * (beside the need on wide screens; on phones right after the summary, with the long details
 * folded below them).
 */
export function NeedDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const phone = useScreenSize() === 'phone';
  const need = useRemote((signal) => getNeed(id, signal), [id]);
  const n = need.data;
  if (!n) return <DetailState error={need.error} loading={need.loading} onRetry={need.reload} />;
  const owner = isDetail(n) ? n : null;
  const budget =
    n.budgetMin !== null && n.budgetMax !== null && n.budgetMin === n.budgetMax
      ? t('catalog.priceYuan', { n: n.budgetMax.toLocaleString() })
      : n.budgetMin !== null && n.budgetMax !== null
        ? t('catalog.budgetRange', { min: n.budgetMin.toLocaleString(), max: n.budgetMax.toLocaleString() })
        : n.budgetMax !== null
          ? t('catalog.budgetUpTo', { max: n.budgetMax.toLocaleString() })
          : n.budgetMin !== null
            ? t('catalog.budgetFrom', { min: n.budgetMin.toLocaleString() })
            : null;

  // On a phone the owner sees the matches before the long text, which folds away below them.
  const foldDetails = phone && owner !== null;
  const facts = (
    <Descriptions column={1} size="small" className="detail-desc">
      <Descriptions.Item label={t('detail.postedBy')}>
        {n.orgId ? (
          <span className="owner-with-status">
            <Link to={`/enterprises/${n.orgId}`}>{n.orgName ?? '—'}</Link>{' '}
            <OrgVerifiedTag verified={n.orgVerified} />
          </span>
        ) : (
          t('detail.personal')
        )}
      </Descriptions.Item>
      {budget && <Descriptions.Item label={t('catalog.budget')}>{budget}</Descriptions.Item>}
      {n.keywords.length > 0 && (
        <Descriptions.Item label={t('detail.keywords')}>
          {n.keywords.map((k) => (
            <Tag key={k}>{k}</Tag>
          ))}
        </Descriptions.Item>
      )}
      {owner && (
        <Descriptions.Item label={t('detail.versionLabel')}>
          {t('detail.version', { n: n.version })}
        </Descriptions.Item>
      )}
      {owner && n.confidential && (
        <Descriptions.Item label={t('catalog.confidential')}>
          {t('detail.ndaCount', { n: owner.ndaAcceptanceCount })}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
  const details = n.details ? (
    <Card variant="borderless" title={t('detail.description')}>
      <p className="detail-text" data-testid="need-details">
        {n.details.description}
      </p>
    </Card>
  ) : n.ndaRequired ? (
    <NdaGate needId={n.id} reaccept={n.ndaReacceptRequired} onAccepted={need.reload} />
  ) : null;

  return (
    <DetailFrame
      testId="need-detail"
      kindLabel={t(`needKind.${n.kind}`)}
      title={n.title}
      tags={
        <>
          {n.confidential && <Tag color="red">{t('catalog.confidential')}</Tag>}
          <TaxonomyTags disciplines={n.disciplines} industries={n.industries} />
        </>
      }
      meta={
        <>
          <RegionName code={n.regionCode} />
          {budget && <span className="catalog-money">{`${t('catalog.budget')} ${budget}`}</span>}
          {n.deadline && <span>{`${t('catalog.deadline')} ${n.deadline}`}</span>}
          {n.publishedAt && (
            <span className="muted">{`${t('catalog.publishedAt')} ${formatDate(n.publishedAt)}`}</span>
          )}
        </>
      }
      side={owner && !foldDetails ? <Recommendations subject={{ kind: 'need', id: n.id }} /> : undefined}
    >
      {owner && owner.canEdit && (
        <Card variant="borderless">
          <OwnerBar
            type="need"
            id={n.id}
            status={owner.status}
            rejectionReason={owner.rejectionReason}
            editPath={`/publish/need/${n.id}`}
            onChanged={need.reload}
            version={n.version}
          />
        </Card>
      )}
      {isDetail(n) && <ClosedNotice type="need" id={n.id} status={n.status} />}
      <Card variant="borderless" title={t('detail.summary')}>
        <p className="detail-text" data-testid="need-summary">
          {n.summary}
        </p>
        {!foldDetails && facts}
      </Card>
      {foldDetails ? (
        <>
          <Recommendations subject={{ kind: 'need', id: n.id }} />
          <Collapse
            className="detail-fold"
            data-testid="need-details-fold"
            items={[
              {
                key: 'details',
                label: t('detail.showDetails'),
                children: (
                  <div className="card-stack">
                    {facts}
                    {details}
                  </div>
                ),
              },
            ]}
          />
        </>
      ) : (
        details
      )}
    </DetailFrame>
  );
}
