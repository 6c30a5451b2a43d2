/**
 * Extension points so every feature that stores personal data takes part in PIPL requests:
 * register an exporter (its section of `GET /api/account/export`) and an eraser (what
 * `DELETE /api/account` must remove or anonymize) from the feature's own module.
 * @module
 */
import type { Db } from '@tianfu/db';

/** Transaction-capable database handle given to erasers (same API as Db.orm). */
export type ErasureOrm = Db['orm'];

/** One feature's part of an account deletion; runs inside the deletion transaction. */
export interface AccountEraser {
  name: string;
  erase(orm: ErasureOrm, user: { id: string; phone: string | null }, now: Date): Promise<void>;
}

/** One feature's section of the data export. */
export interface AccountExporter {
  /** Key in the export's `more` object. */
  name: string;
  export(db: Db, userId: string): Promise<unknown>;
}

const erasers: AccountEraser[] = [];
const exporters: AccountExporter[] = [];

/** Adds an eraser (call at module load). */
export function registerAccountEraser(eraser: AccountEraser): void {
  if (!erasers.some((e) => e.name === eraser.name)) erasers.push(eraser);
}
/** Adds an exporter (call at module load). */
export function registerAccountExporter(exporter: AccountExporter): void {
  if (!exporters.some((e) => e.name === exporter.name)) exporters.push(exporter);
}
export const accountErasers = (): readonly AccountEraser[] => erasers;
export const accountExporters = (): readonly AccountExporter[] => exporters;
