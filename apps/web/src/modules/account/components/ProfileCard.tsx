import { App, Button, Card, Form, Input, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import type { Profile, ProfilePatch } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { useRemote } from '../../../lib/hooks/useRemote';
import { useFormRules } from '../../auth/hooks/useFormRules';
import { useSession } from '../../auth/hooks/useSession';
import { RegionCascader } from '../../regions/components/RegionCascader';
import { LoadError } from '../../shell/components/LoadError';
import { getProfile, updateProfile } from '../api/accountApi';

interface ProfileForm {
  displayName: string;
  email: string | null;
  regionCode: string | null;
  bio: string | null;
}

const emptyToNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** Name, e-mail, region and a short bio; saves only what changed. */
export function ProfileCard() {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const { refresh } = useSession();
  const [form] = Form.useForm<ProfileForm>();
  const profile = useRemote((signal) => getProfile(signal), []);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (profile.data) form.setFieldsValue(toForm(profile.data));
  }, [profile.data, form]);

  const save = async (values: ProfileForm) => {
    setSaving(true);
    try {
      const patch: ProfilePatch = {
        displayName: values.displayName.trim(),
        email: emptyToNull(values.email),
        regionCode: values.regionCode ?? null,
        bio: emptyToNull(values.bio),
      };
      await updateProfile(patch);
      await refresh();
      void message.success(t('common.saved'));
    } catch (err) {
      void message.error(applyFieldErrors(form, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card variant="borderless" title={t('profile.title')} data-testid="profile-card">
      {profile.loading && !profile.data ? (
        <Skeleton active />
      ) : !profile.data ? (
        <LoadError error={profile.error} onRetry={profile.reload} />
      ) : (
        <Form<ProfileForm> form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark={false}>
          <Form.Item name="displayName" label={t('field.displayName')} rules={[rules.required, { max: 60 }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="email" label={t('field.email')} rules={[rules.email]}>
            <Input type="email" autoComplete="email" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('profile.region')}>
            <RegionCascader />
          </Form.Item>
          <Form.Item name="bio" label={t('profile.bio')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} placeholder={t('profile.bioPlaceholder')} showCount maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function toForm(p: Profile): ProfileForm {
  return { displayName: p.displayName, email: p.email, regionCode: p.regionCode, bio: p.bio };
}
