import { App, Button, Card, Checkbox, Modal, Result } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { NDA_AGREEMENT_VERSION } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { useSession } from '../../auth/hooks/useSession';
import { acceptNda } from '../../catalog/api/listingsApi';

/**
 * The locked details of a confidential need: the agreement in a dialog, accepted with an explicit
 * tick; the server records the acceptance and the page reloads with the details. `reaccept`: the
 * viewer accepted an earlier version of the agreement, which no longer opens the details.
 */
export function NdaGate({
  needId,
  reaccept = false,
  onAccepted,
}: {
  needId: string;
  reaccept?: boolean;
  onAccepted: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const [saving, setSaving] = useState(false);

  const accept = async () => {
    setSaving(true);
    try {
      await acceptNda(needId);
      void message.success(t('nda.accepted'));
      setOpen(false);
      onAccepted();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card variant="borderless" data-testid="nda-gate" data-reaccept={reaccept}>
      <Result
        icon={<LockOutlined />}
        title={reaccept ? t('nda.updatedTitle') : t('nda.locked')}
        subTitle={
          reaccept
            ? t('nda.updatedDesc', { version: NDA_AGREEMENT_VERSION })
            : user
              ? t('nda.lockedDesc')
              : t('nda.signIn')
        }
        extra={
          user ? (
            <Button type="primary" size="large" onClick={() => setOpen(true)} data-testid="nda-open">
              {reaccept ? t('nda.viewUpdated') : t('nda.view')}
            </Button>
          ) : (
            <Button
              type="primary"
              size="large"
              onClick={() => void navigate(`/login?next=${encodeURIComponent(location.pathname)}`)}
            >
              {t('nav.login')}
            </Button>
          )
        }
      />
      <Modal
        open={open}
        title={t('nda.title')}
        onCancel={() => setOpen(false)}
        onOk={() => void accept()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !agreed, 'data-testid': 'nda-accept' } as { disabled: boolean }}
        confirmLoading={saving}
      >
        <p className="nda-text">{t('nda.text')}</p>
        <p className="muted-small">{t('nda.version', { version: NDA_AGREEMENT_VERSION })}</p>
        <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)} data-testid="nda-agree">
          {t('nda.agree')}
        </Checkbox>
      </Modal>
    </Card>
  );
}
