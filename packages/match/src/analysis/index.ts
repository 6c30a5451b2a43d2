/**
 * Text analysis: normalisation, tokenisation (jieba + domain dictionary + bigrams + English
 * words), stop words, synonyms and keyword extraction.
 *
 * @module
 */
export { normalizeText, stripHtml, MAX_TEXT_CHARS } from './normalize.ts';
export {
  tokenize,
  tokenizeNormalized,
  displayTerm,
  getJieba,
  BIGRAM_MARK,
  type TokenizeOptions,
} from './tokenize.ts';
export { isStopWord, ZH_STOP_WORDS, EN_STOP_WORDS } from './stopwords.ts';
export { stemEnglish } from './stem.ts';
export { canonicalTerm, domainTerms, synonymMap } from './domain.ts';
export { extractKeywords, type Keyword } from './keywords.ts';
export { parseLexicon, lexiconEntries, type LexiconEntry } from './lexicon.ts';
export {
  buildConceptBase,
  lexiconConceptBase,
  conceptsNamed,
  type ConceptBase,
  type TermConcepts,
} from './concept-base.ts';
