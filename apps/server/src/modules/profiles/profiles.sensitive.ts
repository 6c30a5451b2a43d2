/**
 * The sensitive-word check on public profiles, the same list as listings use
 * (`listings/sensitive-words.ts`, plus `CATALOG_SENSITIVE_WORDS_FILE`). A profile that is or
 * becomes published is checked on the merged record before anything is written; a 400
 * `listing.sensitive_words` names the words per field. Drafts and closed profiles are not public
 * and are checked when they are published.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { assertNoSensitiveWords, loadSensitiveWords } from '../listings/sensitive-words.ts';

type Texts = Record<string, string | readonly string[] | null | undefined>;

const joined = (items: readonly Record<string, unknown>[] | undefined, keys: string[]): string[] =>
  (items ?? []).map((i) =>
    keys
      .map((k) => i[k])
      .filter((v) => typeof v === 'string')
      .join(' '),
  );

/** The public text fields of a scientist profile (stored row or merged patch). */
export function scientistTexts(p: {
  name?: string | null;
  title?: string | null;
  affiliation?: string | null;
  bio?: string | null;
  skills?: readonly string[] | null;
  experience?: readonly Record<string, unknown>[] | null;
  papers?: readonly Record<string, unknown>[] | null;
  patents?: readonly Record<string, unknown>[] | null;
  projects?: readonly Record<string, unknown>[] | null;
  deliveredServices?: readonly Record<string, unknown>[] | null;
}): Texts {
  return {
    name: p.name,
    title: p.title,
    affiliation: p.affiliation,
    bio: p.bio,
    skills: p.skills,
    experience: joined(p.experience ?? [], ['organization', 'role']),
    papers: joined(p.papers ?? [], ['title', 'journal']),
    patents: joined(p.patents ?? [], ['number', 'title']),
    projects: joined(p.projects ?? [], ['title', 'funder', 'role']),
    deliveredServices: joined(p.deliveredServices ?? [], ['title', 'description']),
  };
}

/** Checks `texts` with the app's word list when the record is (or becomes) public. */
export function checkProfileWords(app: FastifyInstance, texts: Texts, published: boolean): void {
  if (!published) return;
  assertNoSensitiveWords(loadSensitiveWords(app.config.CATALOG_SENSITIVE_WORDS_FILE), texts);
}
