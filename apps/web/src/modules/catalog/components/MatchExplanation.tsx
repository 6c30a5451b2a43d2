import { Tag } from 'antd';
import type { MatchExplanationView, MatchReasonView } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';

const KNOWN_REASONS = new Set([
  'same_discipline',
  'related_discipline',
  'same_industry',
  'same_county',
  'same_city',
  'same_province',
  'within_budget',
  'over_budget',
  'has_capacity',
  'no_capacity',
  'verified',
  'reputation',
  'best_doc',
  'semantic',
  'same_inferred_discipline',
]);

const NEGATIVE = new Set(['over_budget', 'no_capacity']);

/** The translation key of a reason code; unknown codes (a newer engine) read "other signal". */
export function reasonKey(reason: MatchReasonView): MessageKey {
  return (KNOWN_REASONS.has(reason.code) ? `reason.${reason.code}` : 'reason.other') as MessageKey;
}

/** The parameters a reason's text names (the inferred discipline's name). */
function reasonParams(reason: MatchReasonView): Record<string, string> {
  const concept = reason.params?.['concept'];
  return typeof concept === 'string' ? { concept } : {};
}

/** Distinct matched terms, heaviest first (all of them: the highlighter needs every piece). */
export function matchedTerms(explanation: MatchExplanationView | null | undefined): string[] {
  if (!explanation) return [];
  const weight = new Map<string, number>();
  for (const t of explanation.terms) weight.set(t.term, (weight.get(t.term) ?? 0) + t.weight);
  return [...weight.entries()].sort((a, b) => b[1] - a[1]).map(([term]) => term);
}

/**
 * The terms worth showing as a list: a term inside a longer matched term (`猕猴` in `猕猴桃`) adds
 * nothing, so it is left out.
 */
export function displayTerms(terms: readonly string[]): string[] {
  return terms.filter((term) => !terms.some((other) => other !== term && other.includes(term)));
}

/** Reasons as tags and the matched terms, under a result card or a recommendation. */
export function MatchExplanation({ explanation }: { explanation: MatchExplanationView | null | undefined }) {
  const t = useT();
  if (!explanation) return null;
  const terms = displayTerms(matchedTerms(explanation)).slice(0, 8);
  const seen = new Set<string>();
  const reasons = explanation.reasons.filter((r) => {
    const key = reasonKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (terms.length === 0 && reasons.length === 0) return null;
  return (
    <div className="match-why" data-testid="match-explanation">
      {reasons.map((r) => (
        <Tag
          key={reasonKey(r)}
          color={NEGATIVE.has(r.code) ? 'orange' : 'green'}
          bordered={false}
          data-testid="match-reason"
          data-code={r.code}
        >
          {t(reasonKey(r), reasonParams(r))}
        </Tag>
      ))}
      {terms.length > 0 && (
        <span className="match-terms" data-testid="match-terms">
          {t('match.terms')}：
          {terms.map((term) => (
            <mark key={term} className="hl">
              {term}
            </mark>
          ))}
        </span>
      )}
    </div>
  );
}
