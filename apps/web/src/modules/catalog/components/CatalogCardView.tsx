import { Card, Tag } from 'antd';
import { SafetyCertificateFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { CatalogCard, MatchExplanationView } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';
import { formatDate } from '../../../lib/format';
import { excerptAround } from '../highlight';
import { catalogPath } from '../paths';
import { RegionName, TaxonomyTags, useYuan } from './CatalogBits';
import { Highlight } from './Highlight';
import { MatchExplanation, matchedTerms } from './MatchExplanation';

const KIND_COLOR: Record<CatalogCard['kind'], string> = {
  need: 'volcano',
  scientist: 'blue',
  team: 'geekblue',
  capability: 'green',
  result: 'purple',
  enterprise: 'gold',
};

/** The money line of a card: a price, a budget range or nothing. */
function useMoney(card: CatalogCard): string | null {
  const t = useT();
  const yuan = useYuan();
  if (card.kind === 'need') {
    const min = yuan(card.budgetMin);
    const max = yuan(card.budgetMax);
    if (card.budgetMin !== null && card.budgetMax !== null)
      return card.budgetMin === card.budgetMax
        ? `${t('catalog.budget')} ${max ?? ''}`
        : `${t('catalog.budget')} ${min ?? ''} – ${max ?? ''}`;
    if (max) return `${t('catalog.budget')} ≤ ${max}`;
    if (min) return `${t('catalog.budget')} ≥ ${min}`;
    return null;
  }
  const price = yuan(card.price);
  return price ? `${t('catalog.price')} ${price}` : null;
}

/**
 * One catalog entry as a card: kind, title and summary with the matched terms highlighted, region,
 * disciplines / industries, price or budget, and the match explanation (reasons as tags).
 */
export function CatalogCardView({
  card,
  explanation,
  actions,
  showKind = true,
}: {
  card: CatalogCard;
  explanation?: MatchExplanationView | null;
  actions?: ReactNode;
  showKind?: boolean;
}) {
  const t = useT();
  const terms = matchedTerms(explanation);
  const money = useMoney(card);
  const summary = card.summary ? excerptAround(card.summary, terms, 140) : null;
  return (
    <Card
      variant="borderless"
      className="catalog-card"
      data-testid="catalog-card"
      data-kind={card.kind}
      data-id={card.id}
    >
      <div className="catalog-card-head">
        {showKind && (
          <Tag color={KIND_COLOR[card.kind]} className="catalog-card-kind">
            {t(`catalogKindOne.${card.kind}` as MessageKey)}
          </Tag>
        )}
        <Link
          to={catalogPath(card.kind, card.id)}
          className="catalog-card-title"
          data-testid="catalog-card-title"
        >
          <Highlight text={card.title} terms={terms} />
        </Link>
        {card.verified && (
          <SafetyCertificateFilled className="verified-icon" aria-label={t('catalog.verified')} />
        )}
      </div>
      {summary && (
        <p className="catalog-card-summary">
          <Highlight text={summary} terms={terms} />
        </p>
      )}
      <div className="catalog-card-meta">
        <RegionName code={card.regionCode} />
        {money && <span className="catalog-money">{money}</span>}
        {card.maturity !== null && <span>{t('catalog.trl', { n: card.maturity })}</span>}
        {card.availability && <span>{t(`availability.${card.availability}` as MessageKey)}</span>}
        {card.publishedAt && <span className="muted">{formatDate(card.publishedAt)}</span>}
      </div>
      <TaxonomyTags disciplines={card.disciplines} industries={card.industries} max={4} />
      <MatchExplanation explanation={explanation} />
      {actions && <div className="catalog-card-actions">{actions}</div>}
    </Card>
  );
}
