import { Button, Card, Col, Input, Row } from 'antd';
import {
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  ExperimentOutlined,
  HomeOutlined,
  ProjectOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  TrophyOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AccountKind } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';
import { useSession } from '../../auth/hooks/useSession';

const FUNCTIONS: { icon: ReactNode; title: MessageKey; desc: MessageKey; tone: string }[] = [
  { icon: <AimOutlined />, title: 'home.f1.title', desc: 'home.f1.desc', tone: 'blue' },
  { icon: <SwapOutlined />, title: 'home.f2.title', desc: 'home.f2.desc', tone: 'green' },
  { icon: <ProjectOutlined />, title: 'home.f3.title', desc: 'home.f3.desc', tone: 'orange' },
  { icon: <ReadOutlined />, title: 'home.f4.title', desc: 'home.f4.desc', tone: 'red' },
];

const ROLES: { kind: AccountKind; icon: ReactNode; desc: MessageKey }[] = [
  { kind: 'scientist', icon: <ExperimentOutlined />, desc: 'home.role.scientist.desc' },
  { kind: 'team', icon: <TeamOutlined />, desc: 'home.role.team.desc' },
  { kind: 'organization', icon: <BankOutlined />, desc: 'home.role.organization.desc' },
  { kind: 'citizen', icon: <HomeOutlined />, desc: 'home.role.citizen.desc' },
];

const MECHANISMS: { icon: ReactNode; title: MessageKey; desc: MessageKey }[] = [
  { icon: <SafetyCertificateOutlined />, title: 'home.m1.title', desc: 'home.m1.desc' },
  { icon: <TrophyOutlined />, title: 'home.m2.title', desc: 'home.m2.desc' },
  { icon: <AuditOutlined />, title: 'home.m3.title', desc: 'home.m3.desc' },
  { icon: <BarChartOutlined />, title: 'home.m4.title', desc: 'home.m4.desc' },
];

/** Public landing page: what the platform does, for whom, and a way in for each role. */
export function HomePage() {
  const t = useT();
  const navigate = useNavigate();
  const { user } = useSession();

  return (
    <div className="home" data-testid="home-page">
      <section className="hero">
        <div className="hero-inner">
          <p className="hero-kicker">
            {t('app.name')} · {t('app.org')}
          </p>
          <h1 className="hero-title">{t('home.heroTitle')}</h1>
          <p className="hero-desc">{t('home.heroDesc')}</p>
          {/* A visitor who came to find someone starts searching right here. */}
          <Input.Search
            size="large"
            enterButton={t('common.search')}
            placeholder={t('home.searchPlaceholder')}
            aria-label={t('common.search')}
            className="hero-search"
            data-testid="home-search"
            onSearch={(q) =>
              void navigate(q.trim() ? `/discover?q=${encodeURIComponent(q.trim())}` : '/discover')
            }
          />
          <div className="hero-actions">
            {user ? (
              <Button
                size="large"
                type="primary"
                className="hero-primary"
                onClick={() => void navigate('/account')}
              >
                {t('home.ctaAccount')}
              </Button>
            ) : (
              <>
                <Button
                  size="large"
                  type="primary"
                  className="hero-primary"
                  onClick={() => void navigate('/register')}
                >
                  {t('home.ctaRegister')}
                </Button>
                <Button size="large" ghost onClick={() => void navigate('/login')}>
                  {t('home.ctaLogin')}
                </Button>
              </>
            )}
          </div>
        </div>
      </section>

      <section className="section">
        <h2 className="section-title">{t('home.functionsTitle')}</h2>
        <p className="section-desc">{t('home.functionsDesc')}</p>
        <Row gutter={[16, 16]}>
          {FUNCTIONS.map((f) => (
            <Col key={f.title} xs={24} sm={12} lg={6}>
              <Card className="feature-card" variant="borderless">
                <div className={`feature-icon tone-${f.tone}`}>{f.icon}</div>
                <div>
                  <h3>{t(f.title)}</h3>
                  <p>{t(f.desc)}</p>
                </div>
              </Card>
            </Col>
          ))}
        </Row>
      </section>

      <section className="section">
        <h2 className="section-title">{t('home.rolesTitle')}</h2>
        <p className="section-desc">{t('home.rolesDesc')}</p>
        <Row gutter={[16, 16]}>
          {ROLES.map((r) => (
            <Col key={r.kind} xs={24} sm={12} lg={6}>
              <Card className="role-card" variant="borderless">
                <div className="role-head">
                  <span className="role-icon">{r.icon}</span>
                  <h3>{t(`kind.${r.kind}`)}</h3>
                </div>
                <p>{t(r.desc)}</p>
                {!user && (
                  <Button
                    block
                    onClick={() => void navigate(`/register?kind=${r.kind}`)}
                    data-testid={`cta-${r.kind}`}
                  >
                    {t('home.role.cta', { kind: t(`kind.${r.kind}`) })}
                  </Button>
                )}
              </Card>
            </Col>
          ))}
        </Row>
      </section>

      <section className="section">
        <h2 className="section-title">{t('home.stepsTitle')}</h2>
        <ol className="steps">
          {(['home.step1', 'home.step2', 'home.step3'] as const).map((key, i) => (
            <li key={key}>
              <span className="step-no">{i + 1}</span>
              <span>{t(key)}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="section section-last">
        <h2 className="section-title">{t('home.mechanismsTitle')}</h2>
        <Row gutter={[16, 16]}>
          {MECHANISMS.map((m) => (
            <Col key={m.title} xs={24} sm={12} lg={6}>
              <div className="mechanism">
                <span className="mechanism-icon">{m.icon}</span>
                <div>
                  <h4>{t(m.title)}</h4>
                  <p>{t(m.desc)}</p>
                </div>
              </div>
            </Col>
          ))}
        </Row>
      </section>
    </div>
  );
}
