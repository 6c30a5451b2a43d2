import { Card, Col, Row, Tag } from 'antd';
import { AimOutlined, ProjectOutlined, ReadOutlined, SwapOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';
import { RegionBrowser } from '../../regions/components/RegionBrowser';

const FUNCTIONS: { icon: ReactNode; title: MessageKey; desc: MessageKey; tone: string }[] = [
  { icon: <AimOutlined />, title: 'home.f1.title', desc: 'home.f1.desc', tone: 'blue' },
  { icon: <SwapOutlined />, title: 'home.f2.title', desc: 'home.f2.desc', tone: 'green' },
  { icon: <ProjectOutlined />, title: 'home.f3.title', desc: 'home.f3.desc', tone: 'orange' },
  { icon: <ReadOutlined />, title: 'home.f4.title', desc: 'home.f4.desc', tone: 'red' },
];

/** Public browsing: the four functions (search arrives with the matching issue) and Sichuan's regions. */
export function DiscoverPage() {
  const t = useT();
  return (
    <div className="page" data-testid="discover-page">
      <h1 className="page-title">{t('discover.title')}</h1>
      <p className="section-desc">{t('discover.desc')}</p>
      <Row gutter={[12, 12]}>
        {FUNCTIONS.map((f) => (
          <Col key={f.title} xs={24} sm={12} lg={6}>
            <Card variant="borderless" className="discover-card">
              <div className="discover-card-head">
                <span className={`feature-icon small tone-${f.tone}`}>{f.icon}</span>
                <strong>{t(f.title)}</strong>
              </div>
              <p>{t(f.desc)}</p>
              <Tag>{t('discover.comingSoon')}</Tag>
            </Card>
          </Col>
        ))}
      </Row>
      <h2 className="section-title discover-regions-title">{t('discover.regionsTitle')}</h2>
      <p className="section-desc">{t('discover.regionsDesc')}</p>
      <RegionBrowser rootCode="51" rootName={t('region.sichuan')} />
    </div>
  );
}
