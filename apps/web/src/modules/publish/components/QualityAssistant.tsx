import { Card, Progress, Spin, Tag } from 'antd';
import { BulbOutlined, CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { needQualityMessage, type NeedQualitySuggestion } from '@tianfu/contracts';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import type { NeedAssessment } from '../hooks/useNeedAssessment';

const COLOR = { good: '#14915a', fair: '#d48806', poor: '#cf1322' } as const;

/**
 * The need quality assistant beside (desktop) or above (phone) the form: the completeness score,
 * concrete suggestions (click one to jump to its field) and the words that match nothing.
 */
export function QualityAssistant({
  assessment,
  onFocusField,
}: {
  assessment: NeedAssessment;
  onFocusField: (field: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { report, match, checking } = assessment;
  return (
    <Card
      variant="borderless"
      className="quality-card"
      data-testid="quality-assistant"
      title={
        <span>
          <BulbOutlined /> {t('quality.title')}
        </span>
      }
    >
      <div className="quality-score">
        <Progress
          type="circle"
          size={72}
          percent={report.score}
          strokeColor={COLOR[report.level]}
          format={(p) => <span data-testid="quality-score">{p}</span>}
        />
        <div>
          <strong
            style={{ color: COLOR[report.level] }}
            data-testid="quality-level"
            data-level={report.level}
          >
            {t(`quality.${report.level}`)}
          </strong>
          <div className="muted-small">{t('quality.score')}</div>
          {match && <div className="muted-small">{t('quality.matchedCount', { n: match.scientists })}</div>}
        </div>
      </div>
      {report.suggestions.length === 0 ? (
        <p className="quality-ok">
          <CheckCircleOutlined /> {t('quality.allGood')}
        </p>
      ) : (
        <ul className="quality-list" data-testid="quality-suggestions">
          {report.suggestions.map((s: NeedQualitySuggestion) => (
            <li key={s.code} data-code={s.code}>
              <button type="button" className="quality-item" onClick={() => onFocusField(s.field)}>
                <ExclamationCircleOutlined />
                <span>{needQualityMessage(s, locale)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {checking && !match ? (
        <Spin size="small" />
      ) : match && match.unmatchedTerms.length > 0 ? (
        <div className="quality-unmatched" data-testid="quality-unmatched">
          <p>{t('quality.unmatched')}</p>
          {match.unmatchedTerms.map((term) => (
            <Tag key={term} color="orange">
              {term}
            </Tag>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
