import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { MeUser } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { ApiError } from '../../../lib/api/client';
import { useRemote } from '../../../lib/hooks/useRemote';
import { getMyScientist, listMyOrganizations } from '../../catalog/api/catalogApi';

/**
 * The first thing a newcomer has to do before matching can work for them: a scientist without an
 * expert profile, or an enterprise account without a registered organization. Nothing otherwise.
 */
export function NextStepCard({ user }: { user: MeUser }) {
  const t = useT();
  const navigate = useNavigate();
  const scientist = user.kinds.includes('scientist');
  const organization = user.kinds.includes('organization');
  const profile = useRemote(
    (signal) =>
      scientist
        ? getMyScientist(signal).then(
            () => true,
            (err: unknown) => {
              if (err instanceof ApiError && err.status === 404) return false;
              throw err;
            },
          )
        : Promise.resolve(true),
    [scientist],
  );
  const orgs = useRemote(
    (signal) => (organization ? listMyOrganizations(signal) : Promise.resolve(null)),
    [organization],
  );

  const step =
    profile.data === false
      ? {
          text: t('account.next.scientist'),
          action: t('account.next.scientistAction'),
          to: '/publish/scientist',
        }
      : orgs.data && orgs.data.items.length === 0
        ? {
            text: t('account.next.organization'),
            action: t('account.next.organizationAction'),
            to: '/publish/enterprise',
          }
        : null;
  if (!step) return null;
  return (
    <Alert
      className="card-alert next-step"
      type="info"
      showIcon
      title={step.text}
      data-testid="next-step"
      action={
        <Button type="primary" size="small" onClick={() => void navigate(step.to)}>
          {step.action}
        </Button>
      }
    />
  );
}
