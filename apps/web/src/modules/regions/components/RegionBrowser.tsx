import { Breadcrumb, Card, Empty, List, Spin, Tag } from 'antd';
import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { Region } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { useRemote } from '../../../lib/hooks/useRemote';
import { listRegions } from '../api/regionsApi';

/**
 * Drill-down list of administrative divisions starting at `rootCode` (all provinces when omitted),
 * with a breadcrumb back up. Used on the public discover page and in administration.
 */
export function RegionBrowser({ rootCode, rootName }: { rootCode?: string; rootName?: string }) {
  const t = useT();
  const [trail, setTrail] = useState<Region[]>([]);
  const current = trail[trail.length - 1];
  const parent = current?.code ?? rootCode;
  const regions = useRemote((signal) => listRegions(parent, signal), [parent]);
  const items = regions.data?.items ?? [];

  return (
    <Card variant="borderless" className="region-browser" data-testid="region-browser">
      <Breadcrumb
        items={[
          { title: <a onClick={() => setTrail([])}>{rootName ?? t('region.china')}</a> },
          ...trail.map((r, i) => ({
            title:
              i === trail.length - 1 ? (
                r.name
              ) : (
                <a onClick={() => setTrail(trail.slice(0, i + 1))}>{r.name}</a>
              ),
          })),
        ]}
      />
      <div className="region-count">{!regions.loading && t('region.count', { n: items.length })}</div>
      {regions.loading ? (
        <div className="page-center">
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <Empty description={regions.error ? t('common.loadFailed') : t('common.none')} />
      ) : (
        <List
          grid={{ gutter: 8, xs: 2, sm: 3, md: 4, lg: 5, xl: 5, xxl: 6 }}
          dataSource={items}
          renderItem={(r) => {
            const drill = r.level !== 'county';
            return (
              <List.Item>
                <button
                  type="button"
                  className={drill ? 'region-cell' : 'region-cell leaf'}
                  onClick={() => drill && setTrail([...trail, r])}
                  disabled={!drill}
                  title={r.name}
                >
                  <EnvironmentOutlined />
                  <span className="region-name">{r.name}</span>
                  {drill ? (
                    <RightOutlined className="region-arrow" />
                  ) : (
                    <Tag className="region-code">{r.code}</Tag>
                  )}
                </button>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
