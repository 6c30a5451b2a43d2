import { Button, Card, Descriptions, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import {
  getIndustry,
  taxonomyName,
  type OrganizationProfileDetail,
  type OrganizationProfileResponse,
} from '@tianfu/contracts';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import { useRemote } from '../../../lib/hooks/useRemote';
import { getOrganization } from '../../catalog/api/catalogApi';
import { listNeeds } from '../../catalog/api/listingsApi';
import { OrgVerificationTag, RegionName } from '../../catalog/components/CatalogBits';
import { CatalogCardView } from '../../catalog/components/CatalogCardView';
import { DetailFrame, DetailState } from './DetailFrame';

const isDetail = (v: OrganizationProfileResponse): v is OrganizationProfileDetail => 'canEdit' in v;

/** An enterprise profile with the needs it has published. */
export function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const res = useRemote((signal) => getOrganization(id, signal), [id]);
  const needs = useRemote((signal) => listNeeds({ orgId: id, pageSize: 10 }, signal), [id]);
  const o = res.data;
  if (!o) return <DetailState error={res.error} loading={res.loading} onRetry={res.reload} />;
  const industry = o.industryDivision ?? o.industrySection;
  const industryEntry = industry ? getIndustry(industry) : undefined;
  return (
    <DetailFrame
      testId="enterprise-detail"
      kindLabel={t(`orgType.${o.orgType}`)}
      title={o.name}
      tags={
        <>
          <OrgVerificationTag status={o.verificationStatus} />
          {industryEntry && <Tag color="cyan">{taxonomyName(industryEntry, locale)}</Tag>}
          {o.sizeClass && <Tag>{t(`size.${o.sizeClass}`)}</Tag>}
        </>
      }
      meta={<RegionName code={o.regionCode} />}
    >
      {isDetail(o) && o.canEdit && (
        <Button
          icon={<EditOutlined />}
          onClick={() => void navigate(`/publish/enterprise/${o.id}`)}
          data-testid="edit-enterprise"
          className="detail-edit"
        >
          {t('detail.edit')}
        </Button>
      )}
      <Card variant="borderless" title={t('enterprise.about')}>
        {o.description && <p className="detail-text">{o.description}</p>}
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('enterprise.uscc')}>{o.uscc}</Descriptions.Item>
          {industryEntry && (
            <Descriptions.Item label={t('enterprise.industry')}>
              {`${industryEntry.code} ${taxonomyName(industryEntry, locale)}`}
            </Descriptions.Item>
          )}
          {o.sizeClass && (
            <Descriptions.Item label={t('enterprise.size')}>{t(`size.${o.sizeClass}`)}</Descriptions.Item>
          )}
          {o.employees !== null && (
            <Descriptions.Item label={t('enterprise.employees')}>{o.employees}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {needs.data && needs.data.items.length > 0 && (
        <Card variant="borderless" title={t('enterprise.needs')}>
          <div className="result-list">
            {needs.data.items.map((n) => (
              <CatalogCardView
                key={n.id}
                showKind={false}
                card={{
                  kind: 'need',
                  id: n.id,
                  title: n.title,
                  summary: n.summary,
                  regionCode: n.regionCode,
                  disciplines: n.disciplines,
                  industries: n.industries,
                  price: null,
                  budgetMin: n.budgetMin,
                  budgetMax: n.budgetMax,
                  maturity: null,
                  verified: n.orgVerified === true,
                  availability: null,
                  publishedAt: n.publishedAt,
                }}
              />
            ))}
          </div>
        </Card>
      )}
    </DetailFrame>
  );
}
