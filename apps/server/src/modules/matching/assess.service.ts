/**
 * `POST /api/needs/assess`: the pure quality checks of the contracts (`assessNeed`) plus what
 * only the index can say — which key terms of the draft match nothing published, and how many
 * scientists share at least one of them ("too vague to match").
 * @module
 */
import { canonicalTerm, displayTerm, extractKeywords } from '@tianfu/match';
import { assessNeed, type NeedAssessRequest, type NeedAssessResponse } from '@tianfu/contracts';
import type { CatalogIndex } from './catalog-index.ts';

/** Key terms examined per draft. */
export const ASSESS_TERMS = 15;
/** Supply kinds a need is matched with. */
const SUPPLY = ['scientist', 'team', 'capability', 'result'];

/** Lower-cased display form used to compare a draft term with explanation terms. */
const norm = (t: string) => displayTerm(canonicalTerm(t)).toLowerCase();

/** Key terms of a draft (words, not character bigrams), most telling first. */
export function draftTerms(draft: NeedAssessRequest): string[] {
  const text = [draft.title, draft.summary, draft.description, ...(draft.keywords ?? [])]
    .filter(Boolean)
    .join('\n');
  const words = extractKeywords(text, ASSESS_TERMS * 3)
    .map((k) => displayTerm(k.term))
    .filter((t) => t.length >= 2 && !/^\d+$/.test(t));
  // The segmenter also yields the parts of a long word (绿叶, 叶蝉 inside 茶小绿叶蝉): show the
  // word the author wrote, not its fragments (a fragment still counts when matching it, below).
  const lower = words.map((w) => w.toLowerCase());
  return words
    .filter((w, i) => !lower.some((o, j) => j !== i && o.length > w.length && o.includes(lower[i]!)))
    .slice(0, ASSESS_TERMS);
}

/** A draft term is matched by an explanation term that is the term itself or one of its words. */
const covers = (mine: string, theirs: string) =>
  theirs.length >= 2 && (theirs === mine || mine.includes(theirs));

/**
 * Quality report + matchability of a draft.
 * @example assessNeedDraft(app.catalogIndex, { title: '猕猴桃溃疡病防治', description: '…' })
 */
export function assessNeedDraft(
  index: CatalogIndex,
  draft: NeedAssessRequest,
  now: Date = new Date(),
): NeedAssessResponse {
  const report = assessNeed(draft, now);
  const terms = draftTerms(draft);
  const unmatchedTerms: string[] = [];
  for (const term of terms) {
    const [hit] = index.engine.search({ text: term, kinds: SUPPLY, top: 1 });
    const mine = norm(term);
    // Matched when an entity shares the word itself or one of its words (溃疡 inside 溃疡病).
    const matched = hit?.explanation.terms.some((t) => covers(mine, norm(t.term)));
    if (!matched) unmatchedTerms.push(term);
  }
  const keySet = new Set(terms.map(norm));
  let scientists = 0;
  const text = [draft.title, draft.summary, draft.description].filter(Boolean).join('\n');
  if (text.trim() || draft.keywords?.length) {
    const hits = index.engine.search({
      text,
      keywords: draft.keywords ?? undefined,
      kinds: ['scientist'],
      top: 1000,
    });
    const keys = [...keySet];
    for (const h of hits)
      if (h.explanation.terms.some((t) => keys.some((k) => covers(k, norm(t.term))))) scientists++;
  }
  const tooVague = terms.length === 0 || scientists === 0 || unmatchedTerms.length * 2 > terms.length;
  return { ...report, match: { terms, unmatchedTerms, scientists, tooVague } };
}
