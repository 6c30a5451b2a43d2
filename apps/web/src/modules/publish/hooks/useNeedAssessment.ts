import { useEffect, useMemo, useState } from 'react';
import {
  assessNeed,
  type NeedAssessResponse,
  type NeedQualityDraft,
  type NeedQualityReport,
} from '@tianfu/contracts';
import { assessNeedDraft } from '../../catalog/api/matchingApi';

/** What the assistant shows: the local report at once, the server's matchability a moment later. */
export interface NeedAssessment {
  report: NeedQualityReport;
  match: NeedAssessResponse['match'] | null;
  checking: boolean;
}

const DEBOUNCE_MS = 700;

/**
 * Scores the draft on every change with the shared `assessNeed` (no network), and asks
 * `POST /api/needs/assess` for the unmatched terms once typing pauses. Stale answers are dropped.
 */
export function useNeedAssessment(draft: NeedQualityDraft & { regionCode?: string | null }): NeedAssessment {
  const key = JSON.stringify(draft);
  const report = useMemo(() => assessNeed(draft), [key]);
  const [match, setMatch] = useState<NeedAssessResponse['match'] | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    const text = `${draft.title ?? ''}${draft.description ?? ''}`.trim();
    if (text.length < 4) {
      setMatch(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setChecking(true);
      assessNeedDraft(
        {
          kind: draft.kind ?? null,
          title: draft.title ?? null,
          summary: draft.summary ?? null,
          description: draft.description ?? null,
          confidential: draft.confidential ?? null,
          keywords: draft.keywords ? [...draft.keywords] : null,
          disciplines: draft.disciplines ? [...draft.disciplines] : null,
          industries: draft.industries ? [...draft.industries] : null,
          budgetMin: draft.budgetMin ?? null,
          budgetMax: draft.budgetMax ?? null,
          deadline: draft.deadline ?? null,
          regionCode: draft.regionCode ?? null,
        },
        controller.signal,
      )
        .then((res) => {
          if (!controller.signal.aborted) setMatch(res.match);
        })
        .catch(() => {
          // The local score still works offline; only the term check is missing.
        })
        .finally(() => {
          if (!controller.signal.aborted) setChecking(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  return { report, match, checking };
}
