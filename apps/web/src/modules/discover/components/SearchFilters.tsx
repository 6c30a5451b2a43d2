import { Button, Form, InputNumber, Select } from 'antd';
import { useT } from '../../../i18n/LocaleProvider';
import { DisciplineFilter, IndustryFilter } from '../../catalog/components/TaxonomySelect';
import { RegionCascader } from '../../regions/components/RegionCascader';
import type { SearchState } from '../hooks/useSearchState';

const MATURITY = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * Region (the Sichuan subtree), discipline, industry, price ceiling and maturity. Laid out as one
 * row on a desktop and stacked in the phone's filter drawer (`stacked`).
 */
export function SearchFilters({
  state,
  onChange,
  stacked = false,
}: {
  state: SearchState;
  onChange: (patch: Partial<SearchState>) => void;
  stacked?: boolean;
}) {
  const t = useT();
  const showMaturity = state.kind === null || state.kind === 'result';
  return (
    <Form
      size={stacked ? 'large' : 'middle'}
      layout={stacked ? 'vertical' : 'inline'}
      className={stacked ? 'search-filters stacked' : 'search-filters'}
    >
      <Form.Item label={t('search.region')}>
        <RegionCascader
          rootCode="51"
          value={state.region}
          onChange={(region) => onChange({ region })}
          placeholder={t('region.sichuan')}
          data-testid="filter-region"
        />
      </Form.Item>
      <Form.Item label={t('search.discipline')}>
        <DisciplineFilter
          value={state.discipline}
          onChange={(discipline) => onChange({ discipline })}
          placeholder={t('search.anyDiscipline')}
          data-testid="filter-discipline"
        />
      </Form.Item>
      <Form.Item label={t('search.industry')}>
        <IndustryFilter
          value={state.industry}
          onChange={(industry) => onChange({ industry })}
          placeholder={t('search.anyIndustry')}
          data-testid="filter-industry"
        />
      </Form.Item>
      <Form.Item label={t('search.priceMax')}>
        <InputNumber<number>
          min={0}
          step={1000}
          value={state.priceMax}
          onChange={(v) => onChange({ priceMax: v ?? null })}
          style={{ width: '100%' }}
          placeholder={t('search.any')}
          data-testid="filter-price"
        />
      </Form.Item>
      {showMaturity && (
        <Form.Item label={t('search.maturityMin')}>
          <Select<number>
            allowClear
            placeholder={t('search.any')}
            value={state.maturityMin ?? undefined}
            onChange={(v) => onChange({ maturityMin: v ?? null })}
            options={MATURITY.map((n) => ({ value: n, label: t('search.maturityOption', { n }) }))}
            data-testid="filter-maturity"
          />
        </Form.Item>
      )}
      <Form.Item>
        <Button
          onClick={() =>
            onChange({ region: null, discipline: null, industry: null, priceMax: null, maturityMin: null })
          }
        >
          {t('search.clear')}
        </Button>
      </Form.Item>
    </Form>
  );
}
