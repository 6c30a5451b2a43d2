/**
 * Tianfu match engine: entities in, ranked and explained hits out.
 *
 * @example
 * import { createMatchEngine } from '@tianfu/match';
 * const engine = createMatchEngine();
 * engine.upsert({ id: 's1', kind: 'scientist', title: '水稻育种专家', docs: [{ text: '杂交水稻高产栽培' }] });
 * engine.search({ text: '水稻高产技术', kinds: ['scientist'], top: 10 });
 *
 * @module
 */
export type * from './types.ts';
export * from './analysis/index.ts';
export * from './rerank/index.ts';
export * from './coi/index.ts';
export * from './embed/index.ts';
export * from './learn/index.ts';
export { createMatchEngine, DEFAULT_TOP } from './engine/engine.ts';
export { loadMatchEngine } from './engine/snapshot.ts';
export { DEFAULT_WEIGHTS, DEFAULT_FIELD_WEIGHTS } from './engine/defaults.ts';
export { regionCloseness, regionPrefix, codeMatch, budgetFit } from './engine/structured.ts';
