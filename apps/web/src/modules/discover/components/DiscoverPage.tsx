import { Badge, Button, Drawer, Empty, Input, Pagination, Select, Skeleton, Tabs } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { CATALOG_KINDS, type SearchSort } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useRemote } from '../../../lib/hooks/useRemote';
import { isStaff, useSession } from '../../auth/hooks/useSession';
import { searchCatalog } from '../../catalog/api/matchingApi';
import { CatalogCardView } from '../../catalog/components/CatalogCardView';
import { ExportButton } from '../../officer/components/ExportButtons';
import { RegionBrowser } from '../../regions/components/RegionBrowser';
import { LoadError } from '../../shell/components/LoadError';
import { toCriteria, toQuery, useSearchState } from '../hooks/useSearchState';
import { SaveSearchButton } from './SaveSearchButton';
import { SearchFilters } from './SearchFilters';

const PAGE_SIZE = 10;
// Which export list a kind tab corresponds to (teams have no export).
const EXPORT_OF = {
  need: 'needs',
  scientist: 'scientists',
  enterprise: 'enterprises',
  capability: 'capabilities',
  result: 'results',
} as const;
// The order of the kind tabs: what people come for first.
const TAB_KINDS = ['need', 'scientist', 'team', 'capability', 'result', 'enterprise'] as const;

/** Public catalog search: text, kind tabs, filters, sort, pages; every hit says why it matched. */
export function DiscoverPage() {
  const t = useT();
  const phone = useScreenSize() === 'phone';
  const [state, update] = useSearchState();
  const [draft, setDraft] = useState(state.text);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const { user } = useSession();
  const exportEntity = state.kind && state.kind !== 'team' ? EXPORT_OF[state.kind] : null;
  const results = useRemote(
    (signal) => searchCatalog(toQuery(state, PAGE_SIZE), signal),
    [JSON.stringify(state)],
  );
  const data = results.data;
  const filterCount = [
    state.region,
    state.discipline,
    state.industry,
    state.priceMax,
    state.maturityMin,
  ].filter((v) => v !== null).length;
  const sorts: SearchSort[] = state.text.trim() ? ['relevance', 'newest', 'price'] : ['newest', 'price'];

  return (
    <div className="page discover-page" data-testid="discover-page">
      {!phone && <h1 className="page-title">{t('search.title')}</h1>}
      {!phone && <p className="section-desc">{t('search.lead')}</p>}
      <Input.Search
        size="large"
        allowClear
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(value) => update({ text: value, sort: null })}
        placeholder={t('search.placeholder')}
        enterButton={t('common.search')}
        className="search-box"
        data-testid="search-input"
        aria-label={t('common.search')}
      />
      <Tabs
        className="kind-tabs"
        tabBarGutter={phone ? 14 : undefined}
        activeKey={state.kind ?? 'all'}
        onChange={(key) => update({ kind: key === 'all' ? null : (key as (typeof CATALOG_KINDS)[number]) })}
        items={[
          { key: 'all', label: <span data-testid="kind-tab-all">{t('search.all')}</span> },
          ...TAB_KINDS.map((k) => ({
            key: k,
            label: <span data-testid={`kind-tab-${k}`}>{t(`catalogKind.${k}` as MessageKey)}</span>,
          })),
        ]}
      />
      {phone ? (
        <div className="search-toolbar">
          <Badge count={filterCount} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen(true)} data-testid="open-filters">
              {t('search.filters')}
            </Button>
          </Badge>
          <Select<SearchSort>
            value={data?.sort ?? state.sort ?? sorts[0]}
            onChange={(sort) => update({ sort })}
            options={sorts.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
            className="sort-select"
            aria-label={t('search.sort')}
            data-testid="search-sort"
          />
        </div>
      ) : (
        <SearchFilters state={state} onChange={update} />
      )}
      <div className="search-summary">
        <span data-testid="search-count">{data ? t('search.count', { n: data.total }) : ' '}</span>
        <span className="search-summary-actions">
          {!phone && (
            <Select<SearchSort>
              value={data?.sort ?? state.sort ?? sorts[0]}
              onChange={(sort) => update({ sort })}
              options={sorts.map((s) => ({
                value: s,
                label: `${t('search.sort')}：${t(`search.sort.${s}`)}`,
              }))}
              className="sort-select"
              aria-label={t('search.sort')}
              data-testid="search-sort"
            />
          )}
          {isStaff(user) && exportEntity && (
            <ExportButton
              entity={exportEntity}
              filters={{
                q: state.text.trim() || undefined,
                region: state.region,
                discipline: state.discipline,
                industry: state.industry,
              }}
            />
          )}
          <SaveSearchButton
            criteria={toCriteria(state)}
            suggestedName={state.text.trim() || t('search.title')}
          />
        </span>
      </div>
      {results.error && !results.loading ? (
        <LoadError error={results.error} onRetry={results.reload} />
      ) : results.loading && !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : data && data.items.length === 0 ? (
        <Empty
          className="search-empty"
          description={
            <span>
              <strong>{t('search.empty')}</strong>
              <br />
              {t('search.emptyHint')}
            </span>
          }
        />
      ) : (
        <div className={results.loading ? 'result-list loading' : 'result-list'} data-testid="search-results">
          {data?.items.map((hit) => (
            <CatalogCardView key={`${hit.kind}:${hit.id}`} card={hit} explanation={hit.explanation} />
          ))}
        </div>
      )}
      {data && data.total > PAGE_SIZE && (
        <Pagination
          className="search-pages"
          current={state.page}
          pageSize={PAGE_SIZE}
          total={data.total}
          showSizeChanger={false}
          simple={phone}
          onChange={(page) => {
            update({ page });
            window.scrollTo(0, 0);
          }}
        />
      )}
      {!state.text.trim() && (
        <section className="discover-regions">
          <h2 className="section-title">{t('search.regionsTitle')}</h2>
          <p className="section-desc">{t('search.regionsDesc')}</p>
          <RegionBrowser rootCode="51" rootName={t('region.sichuan')} />
        </section>
      )}
      <Drawer
        open={filtersOpen}
        onClose={() => setFiltersOpen(false)}
        placement="bottom"
        size="85%"
        title={t('search.filters')}
        footer={
          <Button type="primary" block size="large" onClick={() => setFiltersOpen(false)}>
            {t('search.apply')}
          </Button>
        }
      >
        <SearchFilters state={state} onChange={update} stacked />
      </Drawer>
    </div>
  );
}
