/**
 * Snapshots: placeholder until the binary format lands (next commit).
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import type { IndexCore } from './core.ts';
import type { MatchEngineOptions } from '../types.ts';

/** Writes a snapshot of the index. */
export function saveSnapshotFile(core: IndexCore, options: MatchEngineOptions, path: string): void {
  const entities = core.records.filter((r) => r).map((r) => r!.entity);
  writeFileSync(path, JSON.stringify({ v: 0, options, entities }));
}

/** Loads an engine from a snapshot written by `saveSnapshot`. */
export async function loadMatchEngine(path: string): Promise<import('../types.ts').MatchEngine> {
  const { readFileSync } = await import('node:fs');
  const { createMatchEngine } = await import('./engine.ts');
  const data = JSON.parse(readFileSync(path, 'utf8')) as { options: MatchEngineOptions; entities: import('../types.ts').MatchEntity[] };
  const engine = createMatchEngine(data.options);
  engine.upsertMany(data.entities);
  return engine;
}
