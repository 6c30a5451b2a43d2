import { Card, List, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { TeamProfileDetail, TeamProfileResponse } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { useRemote } from '../../../lib/hooks/useRemote';
import { getTeam } from '../../catalog/api/catalogApi';
import { RegionName, TaxonomyTags } from '../../catalog/components/CatalogBits';
import { DetailFrame, DetailState } from './DetailFrame';
import { Recommendations } from './Recommendations';
import { TeamEditButton } from './TeamEditButton';

const isDetail = (v: TeamProfileResponse): v is TeamProfileDetail => 'canEdit' in v;

/** A team: lead, members, shared capabilities; its lead also sees recommended needs and enterprises. */
export function TeamDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const res = useRemote((signal) => getTeam(id, signal), [id]);
  const team = res.data;
  if (!team) return <DetailState error={res.error} loading={res.loading} onRetry={res.reload} />;
  const mine = isDetail(team) && team.canEdit;
  return (
    <DetailFrame
      testId="team-detail"
      kindLabel={t('catalogKindOne.team')}
      title={team.name}
      tags={<TaxonomyTags disciplines={team.disciplines} />}
      meta={
        <>
          <span>{`${t('team.lead')} ${team.leadName}`}</span>
          <span>{t('team.memberCount', { n: team.memberCount })}</span>
          <RegionName code={team.regionCode} />
        </>
      }
      side={mine ? <Recommendations subject={{ kind: 'team', id: team.id }} /> : undefined}
    >
      {mine && <TeamEditButton team={team} onSaved={res.reload} />}
      {team.description && (
        <Card variant="borderless">
          <p className="detail-text">{team.description}</p>
        </Card>
      )}
      {team.capabilities.length > 0 && (
        <Card variant="borderless" title={t('team.capabilities')}>
          {team.capabilities.map((c) => (
            <Tag key={c} color="geekblue">
              {c}
            </Tag>
          ))}
        </Card>
      )}
      <Card variant="borderless" title={t('team.members')}>
        <List
          dataSource={team.members}
          renderItem={(m) => (
            <List.Item>
              <List.Item.Meta
                title={
                  m.scientistId ? (
                    <Link to={`/scientists/${m.scientistId}`}>{m.displayName}</Link>
                  ) : (
                    m.displayName
                  )
                }
                description={[t(`team.role.${m.role}`), m.title].filter(Boolean).join(' · ')}
              />
            </List.Item>
          )}
        />
      </Card>
    </DetailFrame>
  );
}
