import { Alert, Button, Card, Skeleton } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../../i18n/LocaleProvider';
import { RequireAuth } from '../../shell/components/Guards';
import { LoadError } from '../../shell/components/LoadError';

/** The page around a listing editor: title, the form, an optional side column and the two save buttons. */
export function EditorFrame({
  testId,
  title,
  lead,
  loading,
  error,
  onRetry,
  editing,
  busy,
  onDraft,
  onSubmit,
  side,
  conflict,
  onReloadConflict,
  children,
}: {
  testId: string;
  title: string;
  lead?: ReactNode;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  editing: boolean;
  busy: 'draft' | 'submit' | null;
  onDraft: () => void;
  onSubmit: () => void;
  side?: ReactNode;
  /** Someone else saved this listing since it was loaded: saving is blocked until a reload. */
  conflict?: boolean;
  onReloadConflict?: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict) conflictRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [conflict]);
  return (
    <RequireAuth>
      <div className="page editor-page" data-testid={testId}>
        <h1 className="page-title">{title}</h1>
        {lead}
        {loading ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : error ? (
          <LoadError error={error} onRetry={onRetry} />
        ) : (
          <div className={side ? 'editor-grid' : 'editor-grid single'}>
            <Card variant="borderless" className="editor-main">
              {editing && <Alert type="info" showIcon className="card-alert" title={t('pub.versionNote')} />}
              {children}
              {/* Beside the save buttons, where the user is when the save is refused. */}
              {conflict && (
                <div ref={conflictRef}>
                  <Alert
                    type="warning"
                    showIcon
                    className="card-alert"
                    data-testid="version-conflict"
                    title={t('pub.conflictTitle')}
                    description={
                      <>
                        <p className="alert-text">{t('pub.conflictBody')}</p>
                        <Button
                          type="primary"
                          onClick={onReloadConflict}
                          data-testid="version-conflict-reload"
                        >
                          {t('pub.conflictReload')}
                        </Button>
                      </>
                    }
                  />
                </div>
              )}
              <div className="editor-actions">
                <Button
                  size="large"
                  onClick={onDraft}
                  loading={busy === 'draft'}
                  disabled={busy === 'submit' || conflict}
                  data-testid="save-draft"
                >
                  {t('pub.saveDraft')}
                </Button>
                <Button
                  size="large"
                  type="primary"
                  onClick={onSubmit}
                  loading={busy === 'submit'}
                  disabled={busy === 'draft' || conflict}
                  data-testid="save-submit"
                >
                  {t('pub.saveAndSubmit')}
                </Button>
              </div>
            </Card>
            {side && <aside className="editor-side">{side}</aside>}
          </div>
        )}
      </div>
    </RequireAuth>
  );
}
