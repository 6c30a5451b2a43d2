import { Button, Card, Descriptions, Empty, List, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { ScientistDetail, ScientistResponse } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { useRemote } from '../../../lib/hooks/useRemote';
import { getScientist } from '../../catalog/api/catalogApi';
import { RegionName, TaxonomyTags } from '../../catalog/components/CatalogBits';
import { DetailFrame, DetailState } from './DetailFrame';
import { Recommendations } from './Recommendations';

const isDetail = (s: ScientistResponse): s is ScientistDetail => 'canEdit' in s;

/** A scientist's public profile; the scientist also sees recommended needs and enterprises. */
export function ScientistDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const res = useRemote((signal) => getScientist(id, signal), [id]);
  const s = res.data;
  if (!s) return <DetailState error={res.error} loading={res.loading} onRetry={res.reload} />;
  const mine = isDetail(s) && s.canEdit;
  const years = (from: number, to?: number | null) => `${from} – ${to ?? t('scientist.present')}`;

  return (
    <DetailFrame
      testId="scientist-detail"
      kindLabel={t('catalogKindOne.scientist')}
      title={s.name}
      tags={
        <>
          {s.verified && <Tag color="green">{t('catalog.verified')}</Tag>}
          {s.ruralExpert && <Tag color="orange">{t('scientist.ruralExpert')}</Tag>}
          <Tag color={s.availability === 'busy' ? 'default' : 'success'}>
            {t(`availability.${s.availability}`)}
          </Tag>
          <TaxonomyTags disciplines={s.disciplines} />
        </>
      }
      meta={
        <>
          {[s.title, s.affiliation].filter(Boolean).join(' · ')}
          <RegionName code={s.regionCode} />
          {s.remote && <span>{t('scientist.remote')}</span>}
          {s.onSiteRadiusKm !== null && <span>{t('scientist.onSite', { n: s.onSiteRadiusKm })}</span>}
        </>
      }
      side={mine ? <Recommendations subject={{ kind: 'scientist', id: s.id }} /> : undefined}
    >
      {mine && (
        <Button
          icon={<EditOutlined />}
          onClick={() => void navigate('/publish/scientist')}
          data-testid="edit-profile"
          className="detail-edit"
        >
          {t('detail.edit')}
        </Button>
      )}
      <Card variant="borderless" title={t('scientist.profile')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          {s.education && (
            <Descriptions.Item label={t('scientist.education')}>
              {t(`education.${s.education}`)}
            </Descriptions.Item>
          )}
          {s.title && <Descriptions.Item label={t('scientist.title')}>{s.title}</Descriptions.Item>}
          {s.affiliation && (
            <Descriptions.Item label={t('scientist.affiliation')}>{s.affiliation}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('scientist.availability')}>
            {t('scientist.capacity', { n: s.capacity, open: s.openCapacity })}
          </Descriptions.Item>
        </Descriptions>
        {s.skills.length > 0 && (
          <div className="detail-block">
            <h3>{t('scientist.skills')}</h3>
            {s.skills.map((k) => (
              <Tag key={k}>{k}</Tag>
            ))}
          </div>
        )}
        {s.bio && (
          <div className="detail-block">
            <h3>{t('scientist.bio')}</h3>
            <p className="detail-text">{s.bio}</p>
          </div>
        )}
      </Card>
      {s.deliveredServices.length > 0 && (
        <Card variant="borderless" title={t('scientist.delivered')}>
          <List
            dataSource={s.deliveredServices}
            renderItem={(d) => (
              <List.Item>
                <List.Item.Meta
                  title={d.title}
                  description={[d.year, d.description].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {s.experience.length > 0 && (
        <Card variant="borderless" title={t('scientist.experience')}>
          <List
            dataSource={s.experience}
            renderItem={(e) => (
              <List.Item>
                <List.Item.Meta
                  title={[e.organization, e.role].filter(Boolean).join(' · ')}
                  description={years(e.from, e.to)}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card
        variant="borderless"
        title={t('scientist.counts', {
          papers: s.papers.length,
          patents: s.patents.length,
          projects: s.projects.length,
        })}
      >
        {s.papers.length + s.patents.length + s.projects.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
        ) : (
          <List
            size="small"
            dataSource={[
              ...s.papers.map((p) => ({
                k: t('scientist.papers'),
                title: p.title,
                sub: [p.journal, p.year].filter(Boolean).join(' · '),
              })),
              ...s.patents.map((p) => ({
                k: t('scientist.patents'),
                title: p.title,
                sub: [p.number, p.year].filter(Boolean).join(' · '),
              })),
              ...s.projects.map((p) => ({
                k: t('scientist.projects'),
                title: p.title,
                sub: [p.funder, p.role, p.year].filter(Boolean).join(' · '),
              })),
            ]}
            renderItem={(row) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <>
                      <Tag>{row.k}</Tag>
                      {row.title}
                    </>
                  }
                  description={row.sub || undefined}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </DetailFrame>
  );
}
