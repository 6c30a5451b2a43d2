import { Alert, App, Button, Popconfirm, Space } from 'antd';
import { EditOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ListingStatus, ListingType } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { closeListing, submitListing } from '../../catalog/api/listingsApi';
import { StatusTag } from '../../catalog/components/CatalogBits';
import { HistoryButton } from './HistoryDrawer';

/**
 * What the author of a listing sees above it: the life-cycle state, the rejection reason, and
 * edit / submit / close. `editPath` is the editor's route.
 */
export function OwnerBar({
  type,
  id,
  status,
  rejectionReason,
  editPath,
  onChanged,
  version,
}: {
  type: ListingType;
  id: string;
  status: ListingStatus;
  rejectionReason: string | null;
  editPath: string;
  onChanged: () => void;
  /** The listing's current version: shows the "版本与审核记录" button. */
  version?: number;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const canSubmit = status === 'draft' || status === 'rejected';
  const canClose = status !== 'closed' && status !== 'expired';

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      void message.success(done);
      onChanged();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="owner-bar" data-testid="owner-bar">
      <div className="owner-bar-row">
        <StatusTag status={status} reason={rejectionReason} />
        <span className="muted-small">{t('detail.ownerHint')}</span>
      </div>
      {status === 'rejected' && rejectionReason && (
        <Alert
          type="error"
          showIcon
          title={t('catalog.rejectionReason', { reason: rejectionReason })}
          data-testid="rejection-reason"
        />
      )}
      <Space wrap>
        <Button icon={<EditOutlined />} onClick={() => void navigate(editPath)} data-testid="edit-listing">
          {t('detail.edit')}
        </Button>
        {canSubmit && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={busy}
            onClick={() => void run(() => submitListing(type, id), t('detail.submitted'))}
            data-testid="submit-listing"
          >
            {t('detail.submit')}
          </Button>
        )}
        {canClose && (
          <Popconfirm
            title={t('detail.closeConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => run(() => closeListing(type, id), t('detail.closed'))}
          >
            <Button danger icon={<StopOutlined />} disabled={busy} data-testid="close-listing">
              {t('detail.close')}
            </Button>
          </Popconfirm>
        )}
        {version !== undefined && <HistoryButton type={type} id={id} version={version} />}
      </Space>
    </div>
  );
}
