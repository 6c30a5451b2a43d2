/**
 * Recommendations in both directions: a need → scientists / teams / capabilities / results, and
 * a scientist / team / capability / result → needs / enterprises. One pipeline:
 *
 *   engine search (the subject's own text as the query)
 *   → conflict-of-interest exclusion (reasons kept, counted for the owner, logged)
 *   → capacity and exposure re-ranking (`rerankHits` + the index's exposure ledger)
 *   → the top N hydrated from the database as public cards
 *   → a `shown` outcome per item (with the score parts the trainer learns from).
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { rerankHits, type MatchHit, type MatchKind, type MatchQuery } from '@tianfu/match';
import type { CatalogKind, MatchList } from '@tianfu/contracts';
import type { Db } from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import type { CatalogIndex, IndexDoc, IndexMeta } from './catalog-index.ts';
import { catalogIndexRepository } from './catalog-index.repository.ts';
import { excludeConflicting, expandParty, summarizeExclusions, type CoiParty } from './coi.ts';
import { matchingRepository, type OutcomeRow } from './matching.repository.ts';
import type { MatchSubject } from './matching.policy.ts';
import { presentExplanation, queryWords } from './matching.presenter.ts';

/** Kinds that have a `/matches` route. */
export type SubjectKind = 'need' | 'scientist' | 'team' | 'capability' | 'result';

/** A loaded subject: what the policy sees and what the engine is asked. */
export interface LoadedSubject {
  policy: MatchSubject;
  query: MatchQuery;
  party: CoiParty;
}

/** How many engine hits are fetched per wanted item (room for exclusions and re-ranking). */
const DEPTH_FACTOR = 3;

function partyOf(meta: Pick<IndexMeta, 'id' | 'people' | 'orgIds' | 'teamIds'>): CoiParty {
  return { id: meta.id, people: meta.people, orgIds: meta.orgIds, teamIds: meta.teamIds };
}

function queryOf(doc: IndexDoc): MatchQuery {
  const e = doc.entity;
  return {
    id: e.id,
    title: e.title,
    text: e.text,
    keywords: e.keywords,
    fields: e.fields,
    docs: e.docs,
    disciplines: e.disciplines,
    industries: e.industries,
    region: e.region,
    budget: e.budget,
    price: e.price,
  };
}

/** The matches service over the app's index. */
export function matchesService(deps: {
  db: Db;
  index: CatalogIndex;
  logger: FastifyBaseLogger;
  /** Called with the recorded `shown` rows (the outcome file log). */
  onShown?: (rows: OutcomeRow[]) => Promise<void>;
  /**
   * Whether a user owns a listing (need, capability, result) as the listings module decides: an
   * author of an organization's or team's listing counts only while still a member. When given,
   * it replaces the index's recorded people for listings.
   */
  isListingOwner?: (kind: 'need' | 'capability' | 'result', id: string, userId: string) => Promise<boolean>;
}) {
  const repo = matchingRepository(deps.db);
  const source = catalogIndexRepository(deps.db);

  /**
   * Loads the subject (any status: an owner may look at matches of a draft) with the parties
   * behind it. A need's query uses its full description (the list goes to its owner or an officer).
   * @throws AppError 404 `matching.subject_not_found`
   */
  async function loadSubject(actor: Actor | null, kind: SubjectKind, id: string): Promise<LoadedSubject> {
    const [doc] = await source.anyByIds(kind, [id]);
    if (!doc) throw new AppError('matching.subject_not_found', 404);
    const meta = doc.meta;
    const query = queryOf(doc);
    if (kind === 'need') {
      const row = await repo.needRow(id);
      if (!row) throw new AppError('matching.subject_not_found', 404);
      query.text = `${row.summary}\n${row.description}`;
    }
    let actorManagesOrg = false;
    if (actor && kind !== 'scientist' && kind !== 'team') {
      for (const org of meta.orgIds)
        if (await repo.isOrgManager(org, actor.userId)) {
          actorManagesOrg = true;
          break;
        }
    }
    // A listing's owners are decided by the listings module (a former employee who wrote a
    // company's need no longer sees its recommendations); profiles keep the index's people.
    let people = meta.people;
    if (deps.isListingOwner && (kind === 'need' || kind === 'capability' || kind === 'result')) {
      people = actor && (await deps.isListingOwner(kind, id, actor.userId)) ? [actor.userId] : [];
    }
    return {
      policy: {
        kind,
        id,
        regionCode: meta.regionCode,
        people,
        actorManagesOrg,
      },
      query,
      party: partyOf(meta),
    };
  }

  /**
   * The recommendation list for a loaded (and authorized) subject.
   * @example await svc.recommend(actor, subject, 'scientist', 20)
   */
  async function recommend(
    actor: Actor | null,
    subjectKind: SubjectKind,
    subject: LoadedSubject,
    kind: CatalogKind,
    top: number,
  ): Promise<MatchList> {
    const { index } = deps;
    const hits: MatchHit[] = (
      await index.search({
        ...subject.query,
        kinds: [kind as MatchKind],
        top: Math.min(1000, top * DEPTH_FACTOR + 20),
      })
    ).filter((h) => index.meta(h.id) !== undefined);

    const people = new Set(subject.party.people);
    for (const h of hits) for (const p of index.meta(h.id)!.people) people.add(p);
    const memberships = await repo.memberships([...people]);
    const requester = expandParty(subject.party, memberships);
    const { kept, excluded } = excludeConflicting(hits, requester, (h) => {
      const meta = index.meta(h.id);
      return meta ? expandParty(partyOf(meta), memberships) : undefined;
    });
    const queryId = randomUUID();
    if (excluded.length > 0) {
      deps.logger.info(
        {
          matching: {
            queryId,
            subject: { kind: subjectKind, id: subject.policy.id },
            excluded: excluded.map((e) => ({ id: e.hit.id, reasons: e.reasons })),
          },
        },
        'conflict-of-interest exclusions',
      );
    }

    index.ledger.population = Math.max(index.size, 1);
    const reranked = rerankHits(kept, {
      ledger: index.ledger,
      capacityOf: (h) => index.meta(h.id)?.capacity ?? undefined,
    }).slice(0, top);

    const cards = await repo.cards(
      kind,
      reranked.map((r) => r.hit.id),
    );
    const q = subject.query;
    const words = queryWords(
      [
        q.title,
        q.text,
        ...(q.keywords ?? []),
        ...Object.values(q.fields ?? {}).flat(),
        ...(q.docs ?? []).flatMap((d) => [d.title ?? '', d.text]),
      ]
        .filter(Boolean)
        .join('\n'),
    );
    const items = reranked
      .filter((r) => cards.has(r.hit.id))
      .map((r, i) => ({
        ...cards.get(r.hit.id)!,
        rank: i + 1,
        score: Math.round(r.hit.score * 1e4) / 1e4,
        recommended: r.recommended,
        capacity: r.capacity.status,
        explanation: presentExplanation(r.hit.explanation, words),
      }));
    // Exposure counts what was shown; nobody is shown a list nobody asked for.
    index.ledger.record(items.filter((i) => i.recommended).map((i) => i.id));

    const shownRows = await repo.insertOutcomes(
      items.map((item) => ({
        queryId,
        entityId: item.id,
        entityKind: kind,
        subjectType: subjectKind,
        subjectId: subject.policy.id,
        event: 'shown' as const,
        rank: item.rank,
        score: item.score,
        parts: item.explanation.parts,
        actorId: actor?.userId ?? null,
      })),
    );
    await deps.onShown?.(shownRows);

    return {
      queryId,
      subject: { kind: subjectKind, id: subject.policy.id },
      kind,
      items,
      excluded: summarizeExclusions(excluded),
    };
  }

  return { loadSubject, recommend };
}
