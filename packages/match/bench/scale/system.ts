/** What every system in the scale benchmark implements (one instance per child process). */
import type { ScaleNeed, ScaleProfile } from './generate.ts';

/** A search system under test. */
export interface ScaleSystem {
  /** Short name printed in the table. */
  readonly name: string;
  /** Adds a batch of profiles (build time is the sum of these calls plus `finish`). */
  add(batch: readonly ScaleProfile[]): void | Promise<void>;
  /** Completes the build (index creation, training); counted in build time. */
  finish?(): void | Promise<void>;
  /** Top-k profile ids for a need, with the need's filter applied exactly. */
  search(need: ScaleNeed, k: number): string[] | Promise<string[]>;
  /**
   * The same system's own scoring evaluated exhaustively (no pruning): the reference for its
   * "recall@20 vs own exact" column. Omitted by systems that are exhaustive by construction.
   */
  searchExhaustive?(need: ScaleNeed, k: number): string[] | Promise<string[]>;
  /** Extra facts for the report (index size, server memory…). */
  facts?(): Record<string, string | number> | Promise<Record<string, string | number>>;
  /** Releases resources (drops scratch schemas). */
  close?(): void | Promise<void>;
}

/** Profile ids are `s` + 7-digit sequence numbers; peers store the number only. */
export const profileId = (seq: number): string => `s${String(seq).padStart(7, '0')}`;
