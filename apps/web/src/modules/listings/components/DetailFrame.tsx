import { Button, Card, Result, Skeleton, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../lib/api/client';
import { useT } from '../../../i18n/LocaleProvider';
import { LoadError } from '../../shell/components/LoadError';

/** Whether this tab came to the page from another page of the app (react-router's history index). */
function canGoBack(): boolean {
  const state = window.history.state as { idx?: number } | null;
  return (state?.idx ?? 0) > 0;
}

/** A page frame for one catalog entry: back, title with tags, the body and an optional side column. */
export function DetailFrame({
  testId,
  kindLabel,
  title,
  tags,
  meta,
  children,
  side,
}: {
  testId: string;
  kindLabel: string;
  title: ReactNode;
  tags?: ReactNode;
  meta?: ReactNode;
  children: ReactNode;
  side?: ReactNode;
}) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <div className="page detail-page" data-testid={testId}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        // Opened from a shared link there is nothing to go back to inside the app: go to the catalog.
        onClick={() => void (canGoBack() ? navigate(-1) : navigate('/discover'))}
        className="detail-back"
      >
        {t('detail.back')}
      </Button>
      <Card variant="borderless" className="detail-head">
        <div className="detail-title-row">
          <Tag color="blue">{kindLabel}</Tag>
          <h1 className="detail-title" data-testid="detail-title">
            {title}
          </h1>
        </div>
        {tags && <div className="detail-tags">{tags}</div>}
        {meta && <div className="detail-meta">{meta}</div>}
      </Card>
      <div className={side ? 'detail-grid' : 'detail-grid single'}>
        <div className="detail-main card-stack">{children}</div>
        {side && <aside className="detail-side card-stack">{side}</aside>}
      </div>
    </div>
  );
}

/** Loading and failure states of a detail page (404 reads "not found", others can be retried). */
export function DetailState({
  error,
  loading,
  onRetry,
}: {
  error: unknown;
  loading: boolean;
  onRetry: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  if (loading)
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  if (error instanceof ApiError && error.status === 404)
    return (
      <Result
        status="404"
        title={t('catalog.notFound')}
        data-testid="detail-not-found"
        extra={
          <Button type="primary" onClick={() => void navigate('/discover')}>
            {t('detail.toDiscover')}
          </Button>
        }
      />
    );
  return (
    <div className="page">
      <LoadError error={error} onRetry={onRetry} />
    </div>
  );
}
