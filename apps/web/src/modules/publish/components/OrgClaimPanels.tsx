import { Alert, App, Button, Card, Input, List, Space, Tag } from 'antd';
import { useState } from 'react';
import type { OrganizationProfileDetail, OrgJoinRequest } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useRemote } from '../../../lib/hooks/useRemote';
import {
  claimUnownedOrg,
  decideJoinRequest,
  listOrgJoinRequests,
  requestToJoin,
  submitOrgClaim,
} from '../../catalog/api/catalogApi';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Where the organization's claim stands, for its members: unverified (submit), pending, verified,
 * or rejected with the officer's reason (submit again). Only the owner submits.
 */
export function OrgVerificationPanel({
  org,
  onChanged,
}: {
  org: OrganizationProfileDetail;
  onChanged: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const v = org.verification;
  const submit = async () => {
    setBusy(true);
    try {
      await submitOrgClaim(org.id);
      void message.success(t('ent.verify.submitted'));
      onChanged();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const canSubmit = org.myRole === 'owner' && (v.status === 'unverified' || v.status === 'rejected');
  const type =
    v.status === 'verified'
      ? 'success'
      : v.status === 'rejected'
        ? 'error'
        : v.status === 'pending'
          ? 'warning'
          : 'info';
  const description =
    v.status === 'verified'
      ? t('ent.verify.verifiedDesc', { date: formatDate(v.decidedAt) })
      : v.status === 'rejected'
        ? t('ent.verify.rejectedDesc', { reason: v.reason ?? '—' })
        : v.status === 'pending'
          ? t('ent.verify.pendingDesc', { date: formatDate(v.submittedAt) })
          : t('ent.verify.unverifiedDesc');
  return (
    <Alert
      type={type}
      showIcon
      className="card-alert"
      data-testid="org-claim-status"
      data-status={v.status}
      title={t(`ent.verify.${v.status}`)}
      description={
        <>
          <p className="alert-text">{description}</p>
          {v.status === 'rejected' && canSubmit && (
            <p className="alert-text">{t('ent.verify.rejectedNext')}</p>
          )}
          {canSubmit && (
            <Button
              type="primary"
              loading={busy}
              onClick={() => void submit()}
              data-testid="org-claim-submit"
            >
              {t(v.status === 'rejected' ? 'ent.verify.resubmit' : 'ent.verify.submit')}
            </Button>
          )}
        </>
      }
    />
  );
}

const JOIN_COLOR: Record<OrgJoinRequest['status'], string> = {
  pending: 'processing',
  accepted: 'success',
  declined: 'default',
};

/** Requests to join the organization, for its owner and admins: accept (a member) or decline. */
export function JoinRequestsCard({ orgId, onChanged }: { orgId: string; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const list = useRemote((signal) => listOrgJoinRequests(orgId, signal), [orgId]);
  const decide = async (r: OrgJoinRequest, accept: boolean) => {
    setBusy(r.id);
    try {
      await decideJoinRequest(r.id, accept ? 'accept' : 'decline');
      void message.success(t(accept ? 'ent.join.accepted' : 'ent.join.declined'));
      list.reload();
      onChanged();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card variant="borderless" title={t('ent.joinRequests')} data-testid="join-requests">
      <List<OrgJoinRequest>
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('ent.joinRequestsEmpty') }}
        renderItem={(r) => (
          <List.Item className="join-request" data-testid="join-request" data-status={r.status}>
            <div className="join-request-body">
              <div className="join-request-head">
                <strong>{r.userName}</strong>
                <Tag color={JOIN_COLOR[r.status]}>{t(`ent.join.status.${r.status}`)}</Tag>
                <span className="muted-small">{formatDateTime(r.createdAt)}</span>
              </div>
              {r.message && <p className="join-request-message">{r.message}</p>}
              {r.status === 'pending' && (
                <Space wrap>
                  <Button
                    type="primary"
                    loading={busy === r.id}
                    onClick={() => void decide(r, true)}
                    data-testid="join-accept"
                  >
                    {t('ent.join.accept')}
                  </Button>
                  <Button disabled={busy === r.id} onClick={() => void decide(r, false)}>
                    {t('ent.join.decline')}
                  </Button>
                </Space>
              )}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * The answer to registering a credit code that is already on the platform, with the server's
 * message (which names the organization). Claimed by someone (`unowned` false): ask to join it,
 * with a note for its owner. Entered by association staff and acted for by nobody yet (`unowned`):
 * claim it; an officer of its region checks, and the claimant becomes its owner.
 */
export function UsccTakenNotice({
  uscc,
  serverMessage,
  unowned,
}: {
  uscc: string;
  serverMessage: string;
  unowned: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const ids = unowned
    ? {
        box: 'uscc-unclaimed',
        message: 'uscc-unclaimed-message',
        sent: 'claim-sent',
        submit: 'claim-unowned-submit',
      }
    : {
        box: 'uscc-claimed',
        message: 'uscc-claimed-message',
        sent: 'join-sent',
        submit: 'join-request-submit',
      };
  const texts = unowned
    ? ({ title: 'ent.unclaimed.title', sent: 'ent.unclaimed.sent', submit: 'ent.unclaimed.claim' } as const)
    : ({ title: 'ent.claimed.title', sent: 'ent.claimed.sent', submit: 'ent.claimed.join' } as const);
  const act = async () => {
    setBusy(true);
    try {
      if (unowned) await claimUnownedOrg(uscc);
      else await requestToJoin(uscc, note.trim() || undefined);
      setSent(true);
      void message.success(t(texts.sent));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      type={unowned ? 'info' : 'warning'}
      showIcon
      className="card-alert"
      data-testid={ids.box}
      title={t(texts.title)}
      description={
        <div className="claimed-body">
          <p className="alert-text" data-testid={ids.message}>
            {serverMessage}
          </p>
          {sent ? (
            <p className="alert-text" data-testid={ids.sent}>
              {t(texts.sent)}
            </p>
          ) : (
            <>
              {!unowned && (
                <>
                  <p className="alert-text">{t('ent.claimed.ask')}</p>
                  <label className="claimed-label" htmlFor="join-note">
                    {t('ent.claimed.message')}
                  </label>
                  <Input.TextArea
                    id="join-note"
                    rows={2}
                    maxLength={500}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                    placeholder={t('ent.claimed.messagePlaceholder')}
                  />
                </>
              )}
              <Button
                type="primary"
                className="claimed-join"
                loading={busy}
                onClick={() => void act()}
                data-testid={ids.submit}
              >
                {t(texts.submit)}
              </Button>
            </>
          )}
        </div>
      }
    />
  );
}
