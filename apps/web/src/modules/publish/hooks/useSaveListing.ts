import { App, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ListingStatusResponse, ListingType } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { applyFieldErrors, scrollToFirstInvalid } from '../../../lib/api/formErrors';
import { submitListing } from '../../catalog/api/listingsApi';
import { listingProblem } from '../../catalog/listingErrors';

/**
 * Saving a listing editor: create or patch (server field errors land under the fields), then either
 * stay as a draft or submit and open the listing's page, where its status and matches show.
 * An edit sends the version the page loaded (moved on by each save of this page); when someone
 * else saved meanwhile the server answers 409 and `conflict` turns on until `reload` (which
 * reloads the listing into the form).
 */
export function useSaveListing<V>({
  type,
  id,
  form,
  save,
  editPath,
  viewPath,
  rename,
  loadedVersion,
  onReload,
}: {
  type: ListingType;
  id: string | undefined;
  form: FormInstance<V>;
  /** Create, or patch with `version` (the one this page last loaded or saved). */
  save: (values: V, version: number | undefined) => Promise<{ id: string; version: number }>;
  editPath: (id: string) => string;
  viewPath: (id: string) => string;
  rename?: Record<string, string>;
  /** The version of the listing as loaded (undefined for a new one). */
  loadedVersion?: number;
  /** Loads the listing again (after a conflict). */
  onReload?: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [conflict, setConflict] = useState(false);
  const version = useRef(loadedVersion);
  useEffect(() => {
    version.current = loadedVersion;
  }, [loadedVersion]);

  const run = async (submit: boolean) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch (invalid) {
      scrollToFirstInvalid(form, invalid);
      void message.error(t('pub.fixErrors'));
      return;
    }
    setBusy(submit ? 'submit' : 'draft');
    let saved: { id: string; version: number };
    try {
      saved = await save(values, id ? version.current : undefined);
      version.current = saved.version;
    } catch (err) {
      if (listingProblem(err) === 'conflict') setConflict(true);
      else void message.error(applyFieldErrors(form, err, rename));
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

  const reload = () => {
    setConflict(false);
    onReload?.();
  };

  return {
    busy,
    conflict,
    reload,
    saveDraft: () => void run(false),
    saveAndSubmit: () => void run(true),
  };
}
