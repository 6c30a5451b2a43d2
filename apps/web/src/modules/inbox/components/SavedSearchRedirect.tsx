import { Spin } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { listSavedSearches } from '../../catalog/api/matchingApi';
import { criteriaUrl } from '../criteriaUrl';

/**
 * `/search?saved=<id>` (the link in a saved-search notification): opens the discover page with that
 * search's criteria; any other `/search?…` goes to `/discover?…` as it is.
 */
export function SavedSearchRedirect() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const saved = params.get('saved');

  useEffect(() => {
    if (!saved) {
      void navigate(`/discover${params.size > 0 ? `?${params.toString()}` : ''}`, { replace: true });
      return;
    }
    const controller = new AbortController();
    listSavedSearches(controller.signal)
      .then((list) => {
        const hit = list.items.find((s) => s.id === saved);
        void navigate(hit ? criteriaUrl(hit.criteria) : '/messages?tab=saved', { replace: true });
      })
      .catch(() => {
        if (!controller.signal.aborted) void navigate('/messages?tab=saved', { replace: true });
      });
    return () => controller.abort();
  }, [saved, params, navigate]);

  return (
    <div className="page-center">
      <Spin size="large" />
    </div>
  );
}
