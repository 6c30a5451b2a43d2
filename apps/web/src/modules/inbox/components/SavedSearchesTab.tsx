import { App, Button, Empty, List, Popconfirm, Switch, Tag } from 'antd';
import { DeleteOutlined, SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { SavedSearchView } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';
import { formatDateTime } from '../../../lib/format';
import { useRemote } from '../../../lib/hooks/useRemote';
import { deleteSavedSearch, listSavedSearches, updateSavedSearch } from '../../catalog/api/matchingApi';
import { LoadError } from '../../shell/components/LoadError';
import { criteriaUrl } from '../criteriaUrl';

/** Saved searches: re-run, switch alerts on or off, delete. */
export function SavedSearchesTab() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const list = useRemote((signal) => listSavedSearches(signal), []);

  const run = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) void message.success(done);
      list.reload();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  if (list.error && !list.loading) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <List<SavedSearchView>
      data-testid="saved-searches"
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      locale={{
        emptyText: (
          <Empty
            description={
              <span>
                <strong>{t('inbox.savedEmpty')}</strong>
                <br />
                {t('inbox.savedEmptyDesc')}
              </span>
            }
          />
        ),
      }}
      renderItem={(s) => {
        const c = s.criteria;
        const extra = [c.region, c.discipline, c.industry, c.priceMax, c.maturityMin].filter(
          (v) => v !== undefined,
        ).length;
        return (
          <List.Item className="saved-item" data-testid="saved-search">
            <div className="saved-body">
              <strong>{s.name}</strong>
              <div className="saved-criteria">
                {c.text && <Tag>{t('inbox.criteria.text', { text: c.text })}</Tag>}
                {c.kinds && c.kinds.length > 0 && (
                  <Tag>
                    {t('inbox.criteria.kinds', {
                      kinds: c.kinds.map((k) => t(`catalogKind.${k}` as MessageKey)).join('、'),
                    })}
                  </Tag>
                )}
                {extra > 0 && <Tag>{t('inbox.criteria.filters', { n: extra })}</Tag>}
              </div>
              <div className="muted-small">{t('inbox.lastRun', { date: formatDateTime(s.lastRunAt) })}</div>
            </div>
            <div className="saved-actions">
              <label className="inbox-toggle">
                <Switch
                  size="small"
                  checked={s.notify}
                  onChange={(notify) => void run(() => updateSavedSearch(s.id, { notify }))}
                />{' '}
                {t('inbox.notify')}
              </label>
              <Button size="small" icon={<SearchOutlined />} onClick={() => void navigate(criteriaUrl(c))}>
                {t('inbox.run')}
              </Button>
              <Popconfirm
                title={t('inbox.deleteConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => run(() => deleteSavedSearch(s.id), t('inbox.deleted'))}
              >
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
