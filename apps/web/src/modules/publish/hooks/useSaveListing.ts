import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ListingStatusResponse, ListingType } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { submitListing } from '../../catalog/api/listingsApi';

/**
 * Saving a listing editor: create or patch (server field errors land under the fields), then either
 * stay as a draft or submit and open the listing's page, where its status and matches show.
 */
export function useSaveListing<V>({
  type,
  id,
  form,
  save,
  editPath,
  viewPath,
  rename,
}: {
  type: ListingType;
  id: string | undefined;
  form: FormInstance<V>;
  save: (values: V) => Promise<{ id: string }>;
  editPath: (id: string) => string;
  viewPath: (id: string) => string;
  rename?: Record<string, string>;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);

  const run = async (submit: boolean) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      void message.error(t('pub.fixErrors'));
      return;
    }
    setBusy(submit ? 'submit' : 'draft');
    let saved: { id: string };
    try {
      saved = await save(values);
    } catch (err) {
      void message.error(applyFieldErrors(form, err, rename));
      setBusy(null);
      return;
    }
    try {
      if (!submit) {
        void message.success(t('pub.saved'));
        if (!id) void navigate(editPath(saved.id), { replace: true });
        return;
      }
      const status: ListingStatusResponse = await submitListing(type, saved.id);
      void message.success(status.status === 'published' ? t('pub.published') : t('pub.submittedReview'));
      void navigate(viewPath(saved.id));
    } catch (err) {
      // The draft is saved even though the submit was refused (a sensitive word, a past deadline):
      // keep editing that draft rather than creating another one on the next try.
      void message.error(applyFieldErrors(form, err, rename));
      if (!id) void navigate(editPath(saved.id), { replace: true });
    } finally {
      setBusy(null);
    }
  };

  return { busy, saveDraft: () => void run(false), saveAndSubmit: () => void run(true) };
}
