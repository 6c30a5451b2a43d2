import { Button, Card, Empty, Segmented, Skeleton, Tag } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { MatchList, NeedMatchKind, SupplyMatchKind, SupplySubject } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';
import { useRemote } from '../../../lib/hooks/useRemote';
import { getNeedMatches, getSupplyMatches } from '../../catalog/api/matchingApi';
import { CatalogCardView } from '../../catalog/components/CatalogCardView';
import { DismissButton } from '../../catalog/components/DismissButton';
import { LoadError } from '../../shell/components/LoadError';

type Subject = { kind: 'need'; id: string } | { kind: SupplySubject; id: string };

/** Shown before "more": a short list keeps the reasons readable, the rest is one tap away. */
const FIRST = 5;

const NEED_KINDS: NeedMatchKind[] = ['scientist', 'team', 'capability', 'result'];
const SUPPLY_KINDS: SupplyMatchKind[] = ['need', 'enterprise'];

/**
 * Recommendations for a need (scientists, teams, services, results) or for a supplier (needs,
 * enterprises), each with its explanation and a "不相关" button that logs a dismissal.
 */
export function Recommendations({ subject }: { subject: Subject }) {
  const t = useT();
  const kinds: (NeedMatchKind | SupplyMatchKind)[] = subject.kind === 'need' ? NEED_KINDS : SUPPLY_KINDS;
  const [kind, setKind] = useState(kinds[0]!);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState(false);
  const matches = useRemote<MatchList>(
    (signal) =>
      subject.kind === 'need'
        ? getNeedMatches(subject.id, kind as NeedMatchKind, signal)
        : getSupplyMatches(subject.kind, subject.id, kind as SupplyMatchKind, signal),
    [subject.kind, subject.id, kind],
  );
  const items = (matches.data?.items ?? []).filter((m) => !hidden.has(m.id));

  return (
    <Card
      variant="borderless"
      className="rec-card"
      data-testid="recommendations"
      title={
        <span>
          <BulbOutlined /> {t(subject.kind === 'need' ? 'rec.forNeed' : 'rec.forSupply')}
        </span>
      }
    >
      <Segmented
        block
        value={kind}
        onChange={(v) => {
          setKind(v);
          setExpanded(false);
        }}
        options={kinds.map((k) => ({
          value: k,
          label: <span data-testid={`rec-kind-${k}`}>{t(`rec.kind.${k}` as MessageKey)}</span>,
        }))}
        className="rec-kinds"
      />
      {matches.error && !matches.loading ? (
        <LoadError error={matches.error} onRetry={matches.reload} />
      ) : matches.loading && !matches.data ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={t('rec.empty')} />
      ) : (
        <div className="result-list" data-testid="recommendation-list">
          {(expanded ? items : items.slice(0, FIRST)).map((m) => (
            <CatalogCardView
              key={m.id}
              card={m}
              explanation={m.explanation}
              actions={
                <>
                  {!m.recommended && <Tag color="orange">{t('rec.notRecommended')}</Tag>}
                  <DismissButton
                    queryId={matches.data!.queryId}
                    entityId={m.id}
                    entityKind={m.kind}
                    rank={m.rank}
                    onDismissed={() => setHidden((prev) => new Set(prev).add(m.id))}
                  />
                </>
              }
            />
          ))}
        </div>
      )}
      {!expanded && items.length > FIRST && (
        <Button block className="rec-more" onClick={() => setExpanded(true)} data-testid="rec-more">
          {t('rec.more', { n: items.length - FIRST })}
        </Button>
      )}
      {matches.data && matches.data.excluded.count > 0 && (
        <p className="muted-small rec-excluded">{t('rec.excluded', { n: matches.data.excluded.count })}</p>
      )}
    </Card>
  );
}
