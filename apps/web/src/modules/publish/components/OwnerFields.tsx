import { Alert, Button, Form, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import type { OwnerType } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { ApiError } from '../../../lib/api/client';
import { useRemote } from '../../../lib/hooks/useRemote';
import { useSession } from '../../auth/hooks/useSession';
import { getMyScientist, listMyOrganizations, listMyTeams } from '../../catalog/api/catalogApi';

/** Who offers a new service or result: myself (my expert profile), a team I lead, or my organization. */
export function OwnerFields({ ownerType }: { ownerType: OwnerType | undefined }) {
  const t = useT();
  const navigate = useNavigate();
  const { user } = useSession();
  const profile = useRemote(
    (signal) =>
      getMyScientist(signal).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
    [],
  );
  const teams = useRemote((signal) => listMyTeams(signal), []);
  const orgs = useRemote((signal) => listMyOrganizations(signal), []);
  const ledTeams = (teams.data?.items ?? []).filter((team) => team.leadUserId === user?.id);
  const myOrgs = (orgs.data?.items ?? []).filter((o) => o.myRole !== 'member');

  // A new listing starts in the owner's region (the expert profile's, or the organization's) when
  // the account itself has none, so a newcomer does not meet "region required" after filling the rest.
  const form = Form.useFormInstance();
  const orgId = Form.useWatch('orgId', form) as string | undefined;
  const ownerRegion =
    ownerType === 'scientist'
      ? profile.data?.regionCode
      : ownerType === 'organization'
        ? myOrgs.find((o) => o.id === orgId)?.regionCode
        : undefined;
  useEffect(() => {
    if (ownerRegion && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', ownerRegion);
  }, [ownerRegion, form]);

  return (
    <>
      <Form.Item name="ownerType" label={t('pub.owner')} rules={[{ required: true }]}>
        <Radio.Group className="radio-stack" data-testid="owner-type">
          <Radio value="scientist">{t('pub.ownerType.scientist')}</Radio>
          <Radio value="team" disabled={ledTeams.length === 0}>
            {t('pub.ownerType.team')}
          </Radio>
          <Radio value="organization" disabled={myOrgs.length === 0}>
            {t('pub.ownerType.organization')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      {ownerType === 'scientist' && profile.data === null && (
        <Alert
          type="warning"
          showIcon
          className="card-alert"
          title={t('pub.noScientistProfile')}
          action={
            <Button size="small" onClick={() => void navigate('/publish/scientist')}>
              {t('pub.createProfile')}
            </Button>
          }
        />
      )}
      {ownerType === 'team' && (
        <Form.Item name="teamId" label={t('pub.pickTeam')} rules={[{ required: true }]}>
          <Select options={ledTeams.map((team) => ({ value: team.id, label: team.name }))} />
        </Form.Item>
      )}
      {ownerType === 'organization' && (
        <Form.Item name="orgId" label={t('pub.pickOrg')} rules={[{ required: true }]}>
          <Select options={myOrgs.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      )}
    </>
  );
}
