/**
 * The catalog index: one `@tianfu/match` engine per app holding every published scientist, team,
 * enterprise, capability, result and need, plus a small side table (`IndexMeta`) for filters,
 * sorting, conflict-of-interest checks and change detection.
 *
 * Kept in step with the database three ways, all through one serial queue (so a later read always
 * wins over an earlier one):
 * - `rebuild()` at start: every published row, read in keyset-paged batches into a fresh engine
 *   that replaces the current one when it is complete (searches meanwhile see the previous index);
 * - `apply(changes)`: the fast path, fed by `app.catalogEvents` right after a commit;
 * - `poll()` every `MATCH_INDEX_POLL_MS`: rows whose `updated_at` is after the previous poll's
 *   start minus an overlap for late commits (the worker, imports, another API node), and every
 *   `reconcileEvery` polls a comparison of the published id sets (catches hard deletes and rows
 *   committed by transactions longer than the overlap). A change set past `bulkThreshold` (a bulk
 *   import) is handled as a rebuild: one bulk load into a fresh engine, then a swap.
 *
 * A capability or result is also part of its owner's multi-document profile, so a change to one
 * re-reads the owner too.
 * @module
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import {
  createEmbeddingFusion,
  createMatchEngine,
  ExposureLedger,
  loadMatchEngine,
  type EmbeddingFusion,
  type EmbeddingFusionOptions,
  type EmbeddingProvider,
  type ExposureLedgerState,
  type MatchEngine,
  type MatchEntity,
  type MatchHit,
  type MatchQuery,
} from '@tianfu/match';
import type { CatalogKind } from '@tianfu/contracts';
import type { CatalogChange, CatalogEntityType } from '../../events/catalog-events.ts';
import { CATALOG_FIELD_WEIGHTS } from './catalog-index.fields.ts';

/** Owner of a capability or result whose profile includes it. */
export interface OwnerRef {
  kind: 'scientist' | 'team';
  id: string;
}

/** What the index keeps beside the engine entity for one row. */
export interface IndexMeta {
  kind: CatalogKind;
  id: string;
  /** Canonical (significant-digit) region code. */
  regionCode: string | null;
  disciplines: string[];
  industries: string[];
  /** Capability price or result asking price (yuan). */
  price: number | null;
  budgetMin: number | null;
  budgetMax: number | null;
  /** Result maturity (TRL). */
  maturity: number | null;
  /** Epoch ms; the "newest" order. */
  publishedAt: number;
  /** Epoch ms of the row's `updated_at`: a poll skips rows it already holds at this version. */
  updatedAt: number;
  /** People behind the entity (user ids): the scientist, a need's author, an organization's owner… */
  people: string[];
  /** Organizations it belongs to or is (an enterprise is its own organization). */
  orgIds: string[];
  /** Teams it is (a team) or belongs to (a scientist's active memberships, an owning team). */
  teamIds: string[];
  /** For capabilities and results: whose profile lists it. */
  owner: OwnerRef | null;
  capacity: { open: number; total: number } | null;
}

/** One row ready for the index. */
export interface IndexDoc {
  entity: MatchEntity;
  meta: IndexMeta;
}

/** A changed row as seen by the poll. */
export interface ChangedRow {
  id: string;
  updatedAt: Date;
  owner: OwnerRef | null;
}

/** Position in the (updated_at, id) order; `id: null` = before every row of that instant. */
export interface ChangeCursor {
  at: Date;
  id: string | null;
}

/** Where the index reads from (the database, through matching's catalog repository). */
export interface CatalogSource {
  /** Published rows of one kind after `afterId` in id order (keyset paging). */
  page(kind: CatalogKind, afterId: string | null, limit: number): Promise<IndexDoc[]>;
  /** The published rows among `ids`; ids not returned are not (or no longer) public. */
  byIds(kind: CatalogKind, ids: readonly string[]): Promise<IndexDoc[]>;
  /**
   * Rows of any status after `cursor` in (`updated_at` truncated to milliseconds, id) order, so a
   * bulk write sharing one timestamp pages without gaps.
   */
  changedSince(kind: CatalogKind, cursor: ChangeCursor, limit: number): Promise<ChangedRow[]>;
  /** Ids of all published rows of a kind. */
  publishedIds(kind: CatalogKind): Promise<string[]>;
  /** Number of published rows of a kind (sizes a rebuild before it reads). */
  count?(kind: CatalogKind): Promise<number>;
}

/** Options of {@link CatalogIndex}. */
export interface CatalogIndexOptions {
  source: CatalogSource;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Milliseconds between polls; 0 = no polling (events and `refresh()` only). */
  pollMs: number;
  /** Every this many polls, compare published id sets (default 30 ≈ one minute at 2 s). */
  reconcileEvery?: number;
  /** Rows per database read (default 500). */
  batchSize?: number;
  /**
   * A poll or `refresh()` that finds at least this many changed rows (default 5,000), and at least
   * a quarter of the index, builds a fresh engine from the whole catalog and swaps it in (a bulk
   * import) instead of re-reading and upserting the rows one batch at a time.
   */
  bulkThreshold?: number;
  /** Seconds each poll looks back before the previous poll started, for late commits (default 5). */
  overlapSeconds?: number;
  /** Train the semantic model right after the rebuild (default true) so the first search is fast. */
  trainOnRebuild?: boolean;
  /**
   * A rebuild of at least this many entities (default {@link ENGINE_LARGE_CORPUS}) is swapped in as
   * soon as its postings are built, answering lexically (lexical, concept and structured parts);
   * the semantic model is trained right after, as the next queued task, in slices between which
   * searches are served. Smaller rebuilds train fully before the swap.
   */
  lexicalFirstAbove?: number;
  /** Dimension of the engine's corpus-trained semantic model (0 = off); see `MATCH_SEMANTIC_DIM`. */
  semanticDim?: number;
}

/**
 * An engine configured for catalog entities (field weights of the mapper; semantic dimension
 * from configuration, the engine's default when not given).
 */
export function createCatalogEngine(semanticDim?: number, expected = 0): MatchEngine {
  return createMatchEngine({
    fieldWeights: CATALOG_FIELD_WEIGHTS,
    ...(semanticDim === undefined ? {} : { semanticDim }),
    // A corpus known to be large is built in the engine's large-corpus form from the first row
    // (no character bigrams, no stored text), the form its first training would convert it to;
    // this skips analysing and then dropping the bigrams of the first 50,000 rows.
    ...(expected >= ENGINE_LARGE_CORPUS ? { largeCorpus: 0 } : {}),
  });
}

/** Entities from which the engine takes its large-corpus form (`@tianfu/match` README, "Scale"). */
export const ENGINE_LARGE_CORPUS = 50_000;

/** Every kind the index holds, in rebuild order (owners before what they own is not needed). */
export const INDEX_KINDS: readonly CatalogKind[] = [
  'scientist',
  'team',
  'enterprise',
  'capability',
  'result',
  'need',
];

/** Catalog event type → index kind (`organization` rows are indexed as enterprises). */
export function kindOfEvent(type: CatalogEntityType): CatalogKind {
  return type === 'organization' ? 'enterprise' : type;
}

/** Statistics of the last rebuild. */
export interface RebuildReport {
  count: number;
  byKind: Record<string, number>;
  ms: number;
  trainMs: number;
  /** Time the build waited for database pages (reads overlapping the indexing not counted). */
  readWaitMs: number;
  /** Swapped in before its semantic training, which follows as the next queued task. */
  lexicalFirst: boolean;
}

/** Format version of the snapshot's side file; a mismatch means "rebuild". */
const SNAPSHOT_VERSION = 2;
const ENGINE_FILE = 'engine.snap';
/** Provider vectors beside the engine snapshot (only with `useEmbeddings`). */
const VECTORS_FILE = 'vectors.bin';
const META_FILE = 'meta.json';

interface SnapshotMeta {
  version: number;
  savedAt: string;
  semanticDim: number | null;
  pollFrom: string;
  metas: IndexMeta[];
  ledger: ExposureLedgerState;
}

const newLedger = () => new ExposureLedger({ halfLifeLists: 5000 });

/** The per-app index; see the module comment. */
export class CatalogIndex {
  private current: MatchEngine;
  private tally: ExposureLedger = newLedger();
  private metas = new Map<string, IndexMeta>();
  /**
   * Start (app clock) of the last completed rebuild or poll: every row changed before it minus
   * the overlap has been seen, so the next poll looks from there. The window slides with time
   * instead of staying pinned to the last change, so an idle catalog costs next to nothing.
   */
  private pollFrom = new Date(0);
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private polls = 0;
  /** Index size at the last training we asked for. */
  private trainedSize = 0;
  private stopped = false;
  private readonly source: CatalogSource;
  private readonly logger: CatalogIndexOptions['logger'];
  private readonly batch: number;
  private readonly overlapMs: number;
  /** Provider vectors fused into `search` (`MATCH_EMBEDDINGS`); null = the engine alone. */
  private fusion: EmbeddingFusion | null = null;
  private embeddingSetup: { provider: EmbeddingProvider; options: EmbeddingFusionOptions } | null = null;
  private readonly bulkThreshold: number;

  constructor(private readonly options: CatalogIndexOptions) {
    this.current = createCatalogEngine(options.semanticDim);
    this.source = options.source;
    this.logger = options.logger;
    this.batch = options.batchSize ?? 500;
    this.overlapMs = (options.overlapSeconds ?? 5) * 1000;
    this.bulkThreshold = options.bulkThreshold ?? 5000;
  }

  /** The engine holding the index (replaced when a snapshot is loaded). */
  get engine(): MatchEngine {
    return this.current;
  }

  /**
   * Fuses an embedding provider's vectors into `search` from now on; rows already indexed are
   * queued for embedding. Call before `rebuild` / `loadSnapshot` (the plugin does, when configured).
   */
  useEmbeddings(provider: EmbeddingProvider, options: EmbeddingFusionOptions = {}): void {
    this.fusion?.close();
    this.embeddingSetup = { provider, options };
    this.fusion = createEmbeddingFusion(this.current, provider, options);
    this.fusion.embedMissing(this.metas.keys());
  }

  /** The embedding fusion when a provider is configured (stats, tests). */
  get embeddings(): EmbeddingFusion | null {
    return this.fusion;
  }

  /** Resolves when no entity is waiting for its embedding batch (at once without a provider). */
  async embeddingsIdle(): Promise<void> {
    await this.fusion?.idle();
  }

  /**
   * Ranked hits: the engine's, with provider vectors fused in when configured (a provider failure
   * gives the engine's own result). Never rejects on a provider problem.
   */
  search(query: MatchQuery): Promise<MatchHit[]> {
    return this.fusion ? this.fusion.search(query) : Promise.resolve(this.current.search(query));
  }

  /** Exposure tally for re-ranking recommendations (position-discounted, slowly forgetting). */
  get ledger(): ExposureLedger {
    return this.tally;
  }

  /** Entities in the index. */
  get size(): number {
    return this.metas.size;
  }

  /** The side-table entry of an indexed row. */
  meta(id: string): IndexMeta | undefined {
    return this.metas.get(id);
  }

  /** All indexed rows (for browsing by filters). */
  allMeta(): IterableIterator<IndexMeta> {
    return this.metas.values();
  }

  /** Number of indexed rows per kind. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const m of this.metas.values()) out[m.kind] = (out[m.kind] ?? 0) + 1;
    return out;
  }

  /** Runs `task` after everything queued before it. Errors are returned to the caller only. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every queued change has been applied. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Reads every published row and replaces the index contents. */
  rebuild(): Promise<RebuildReport> {
    return this.enqueue(() => this.build());
  }

  /**
   * Reads every published row in keyset-paged batches into a fresh engine (one bulk load, no
   * per-row replacement in a live index), trains it, then swaps it in; the previous engine and
   * side table are released. Each page is handed to the engine and dropped, so memory holds the
   * index and one page of rows.
   */
  private async build(): Promise<RebuildReport> {
    const started = performance.now();
    const from = new Date();
    let expected = 0;
    if (this.source.count) for (const kind of INDEX_KINDS) expected += await this.source.count(kind);
    const engine = createCatalogEngine(this.options.semanticDim, expected);
    // With embeddings, a fusion over the fresh engine takes over the vectors of unchanged texts.
    const setup = this.embeddingSetup;
    const fusion = setup
      ? createEmbeddingFusion(engine, setup.provider, { ...setup.options, reuse: this.fusion ?? undefined })
      : null;
    const metas = new Map<string, IndexMeta>();
    const byKind: Record<string, number> = {};
    const pageSize = Math.max(this.batch, 1000);
    let readWaitMs = 0;
    for (const kind of INDEX_KINDS) {
      let n = 0;
      // The next page is asked for before this one is indexed, so a database server works on it
      // meanwhile (one page ahead: memory holds at most two).
      let next = this.source.page(kind, null, pageSize);
      for (;;) {
        const waitFrom = performance.now();
        const docs = await next;
        readWaitMs += performance.now() - waitFrom;
        const more = docs.length >= pageSize;
        if (more) {
          next = this.source.page(kind, docs[docs.length - 1]!.meta.id, pageSize);
          // Awaited on the next round; a failure meanwhile must not count as unhandled.
          next.catch(() => undefined);
        }
        for (const doc of docs) {
          if (fusion) fusion.upsert(doc.entity);
          else engine.upsert(doc.entity);
          metas.set(doc.meta.id, doc.meta);
        }
        n += docs.length;
        if (!more) break;
      }
      byKind[kind] = n;
    }
    const loaded = performance.now();
    const train = (this.options.trainOnRebuild ?? true) && engine.size > 0;
    const lexicalFirst = train && engine.size >= (this.options.lexicalFirstAbove ?? ENGINE_LARGE_CORPUS);
    // Lexical first: searchable now, the semantic model follows (see `finishTraining`).
    if (train) engine.train(lexicalFirst ? { semantic: false } : {});
    this.current = engine;
    if (fusion) {
      this.fusion?.close();
      this.fusion = fusion;
    }
    this.metas = metas;
    this.trainedSize = engine.size;
    // Rows changed while reading are polled again (the next poll looks from before the read).
    this.pollFrom = from;
    const done = performance.now();
    if (lexicalFirst) void this.enqueue(() => this.finishTraining(engine)).catch(() => undefined);
    return {
      count: metas.size,
      byKind,
      ms: Math.round(done - started),
      trainMs: Math.round(done - loaded),
      readWaitMs: Math.round(readWaitMs),
      lexicalFirst,
    };
  }

  /**
   * Trains the semantic model a lexical-first rebuild left, unless that engine was replaced
   * meanwhile. Queued like any change, so nothing writes to the engine while it trains; searches
   * keep being answered (lexically) until the model is complete.
   */
  private async finishTraining(engine: MatchEngine): Promise<void> {
    // Slices of 50 ms with the event loop in between: what waits on it (a search, the caller of
    // the rebuild) runs first.
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    await pause();
    if (this.current !== engine) return;
    const started = performance.now();
    try {
      if (!(await engine.finishTrainingInSlices(pause, 50))) return;
    } catch (err) {
      this.logger.warn({ err }, 'catalog index semantic training failed');
      return;
    }
    this.logger.info(
      { index: { entities: engine.size, ms: Math.round(performance.now() - started) } },
      'catalog index semantic model trained',
    );
  }

  /**
   * Writes the index to `dir` (engine snapshot + side table + poll position + exposure), each file
   * written beside and renamed into place so a crash never leaves half a snapshot.
   */
  saveSnapshot(dir: string): Promise<void> {
    return this.enqueue(async () => {
      await mkdir(dir, { recursive: true });
      const suffix = `.${process.pid}.tmp`;
      this.current.saveSnapshot(join(dir, ENGINE_FILE + suffix));
      const meta: SnapshotMeta = {
        version: SNAPSHOT_VERSION,
        savedAt: new Date().toISOString(),
        semanticDim: this.options.semanticDim ?? null,
        pollFrom: this.pollFrom.toISOString(),
        metas: [...this.metas.values()],
        ledger: this.tally.toJSON(),
      };
      await writeFile(join(dir, META_FILE + suffix), JSON.stringify(meta));
      this.fusion?.saveVectors(join(dir, VECTORS_FILE));
      await rename(join(dir, ENGINE_FILE + suffix), join(dir, ENGINE_FILE));
      await rename(join(dir, META_FILE + suffix), join(dir, META_FILE));
    });
  }

  /**
   * Replaces the index with the snapshot in `dir`; false (index untouched) when there is none or
   * it does not fit (other format, other semantic dimension, unreadable). Call `refresh()` after a
   * successful load to catch up with the database.
   */
  loadSnapshot(dir: string): Promise<boolean> {
    return this.enqueue(async () => {
      let meta: SnapshotMeta;
      try {
        meta = JSON.parse(await readFile(join(dir, META_FILE), 'utf8')) as SnapshotMeta;
      } catch {
        return false;
      }
      if (meta.version !== SNAPSHOT_VERSION || meta.semanticDim !== (this.options.semanticDim ?? null))
        return false;
      let engine: MatchEngine;
      try {
        engine = await loadMatchEngine(join(dir, ENGINE_FILE));
      } catch (err) {
        this.logger.warn({ err }, 'catalog index snapshot unreadable; rebuilding');
        return false;
      }
      if (engine.size !== meta.metas.length) return false;
      this.current = engine;
      if (this.embeddingSetup) {
        this.fusion?.close();
        const { provider, options } = this.embeddingSetup;
        this.fusion = createEmbeddingFusion(engine, provider, options);
        this.fusion.loadVectors(join(dir, VECTORS_FILE));
      }
      this.trainedSize = engine.size;
      this.metas.clear();
      for (const m of meta.metas) this.metas.set(m.id, m);
      this.fusion?.embedMissing(this.metas.keys());
      this.pollFrom = new Date(meta.pollFrom);
      try {
        this.tally = ExposureLedger.fromJSON(meta.ledger);
      } catch {
        this.tally = newLedger();
      }
      return true;
    });
  }

  /** Applies change notifications (the fast path). */
  apply(changes: readonly CatalogChange[]): Promise<void> {
    return this.enqueue(async () => {
      const byKind = new Map<CatalogKind, Set<string>>();
      const add = (kind: CatalogKind, id: string) => {
        const set = byKind.get(kind) ?? new Set<string>();
        set.add(id);
        byKind.set(kind, set);
      };
      for (const c of changes) {
        const kind = kindOfEvent(c.type);
        const owner = this.metas.get(c.id)?.owner;
        if (owner) add(owner.kind, owner.id);
        add(kind, c.id);
      }
      await this.reload(byKind);
    });
  }

  /**
   * Polls now (what imports call after a bulk write); resolves when applied. When the index has
   * doubled since it was last trained, the semantic model is retrained here rather than inside the
   * next search (the engine would do it there), so searches after a bulk import stay fast.
   */
  refresh(): Promise<void> {
    return this.enqueue(async () => {
      if (await this.pollOnce(true)) return;
      if (this.current.size > 2 * this.trainedSize + 100 && (this.options.trainOnRebuild ?? true)) {
        this.current.train();
        this.trainedSize = this.current.size;
      }
    });
  }

  /** Starts the periodic poll. */
  start(): void {
    this.stopped = false;
    if (this.options.pollMs > 0) this.schedule();
  }

  /** Stops polling and waits for queued work. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.idle();
    this.fusion?.close();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.enqueue(() => this.pollOnce(false))
        .catch((err: unknown) => this.logger.warn({ err }, 'catalog index poll failed'))
        .finally(() => this.schedule());
    }, this.options.pollMs);
    this.timer.unref();
  }

  /**
   * One poll: changed rows per kind (and their owners), then maybe a reconciliation. A change set
   * past the bulk threshold stops the scan and rebuilds instead (returns true).
   */
  private async pollOnce(reconcile: boolean): Promise<boolean> {
    this.polls++;
    const started = new Date();
    const byKind = new Map<CatalogKind, Set<string>>();
    let pending = 0;
    const add = (kind: CatalogKind, id: string) => {
      const set = byKind.get(kind) ?? new Set<string>();
      if (!set.has(id)) pending++;
      set.add(id);
      byKind.set(kind, set);
    };
    const bulk = () => pending >= this.bulkThreshold && pending >= this.metas.size / 4;
    for (const kind of INDEX_KINDS) {
      const cursor: ChangeCursor = { at: new Date(this.pollFrom.getTime() - this.overlapMs), id: null };
      const limit = this.batch * 4;
      for (;;) {
        const rows = await this.source.changedSince(kind, cursor, limit);
        for (const row of rows) {
          const held = this.metas.get(row.id);
          // Already indexed at this version: nothing to do. (An unpublished row we never held is
          // re-read once and found gone; cheap, and it keeps this loop free of status rules.)
          if (held && held.updatedAt === row.updatedAt.getTime()) continue;
          add(kind, row.id);
          if (row.owner) add(row.owner.kind, row.owner.id);
          const oldOwner = held?.owner;
          if (oldOwner) add(oldOwner.kind, oldOwner.id);
        }
        if (rows.length < limit) break;
        if (bulk()) break;
        // A large change set: continue after the last row seen.
        const last = rows[rows.length - 1]!;
        cursor.at = last.updatedAt;
        cursor.id = last.id;
      }
      if (bulk()) {
        // A bulk import: one fresh build is far cheaper than re-reading and replacing row by row.
        const report = await this.build();
        this.logger.info(
          {
            index: {
              changed: pending,
              entities: report.count,
              ms: report.ms,
              trainMs: report.trainMs,
              readWaitMs: report.readWaitMs,
              lexicalFirst: report.lexicalFirst,
            },
          },
          'catalog index rebuilt after a bulk change',
        );
        return true;
      }
    }
    // A changed organization (a claim decided on another node, a new name) changes what its needs
    // and the listings it offers itself carry (`verified`): re-read those too.
    const orgs = byKind.get('enterprise');
    if (orgs && orgs.size > 0) {
      for (const m of this.metas.values()) {
        if (m.kind === 'need' || ((m.kind === 'capability' || m.kind === 'result') && m.owner === null)) {
          if (m.orgIds.some((o) => orgs.has(o))) add(m.kind, m.id);
        }
      }
    }
    if (byKind.size > 0) await this.reload(byKind);
    this.pollFrom = started;
    const every = this.options.reconcileEvery ?? 30;
    if (reconcile || this.polls % every === 0) await this.reconcile();
    return false;
  }

  /** Re-reads these rows; published ones are (re)indexed, the rest leave the index. */
  private async reload(byKind: Map<CatalogKind, Set<string>>): Promise<void> {
    for (const [kind, idSet] of byKind) {
      const ids = [...idSet];
      for (let i = 0; i < ids.length; i += this.batch) {
        const chunk = ids.slice(i, i + this.batch);
        const docs = await this.source.byIds(kind, chunk);
        const found = new Set(docs.map((d) => d.meta.id));
        for (const doc of docs) this.put(doc);
        for (const id of chunk) if (!found.has(id)) this.drop(id);
      }
    }
  }

  /** Adds rows the index lacks and drops rows that are no longer published. */
  private async reconcile(): Promise<void> {
    for (const kind of INDEX_KINDS) {
      const ids = new Set(await this.source.publishedIds(kind));
      const missing: string[] = [];
      for (const id of ids) if (!this.metas.has(id)) missing.push(id);
      for (const m of [...this.metas.values()]) if (m.kind === kind && !ids.has(m.id)) this.drop(m.id);
      if (missing.length > 0) await this.reload(new Map([[kind, new Set(missing)]]));
    }
  }

  private put(doc: IndexDoc): void {
    if (this.fusion) this.fusion.upsert(doc.entity);
    else this.current.upsert(doc.entity);
    this.metas.set(doc.meta.id, doc.meta);
  }

  private drop(id: string): void {
    if (this.fusion) this.fusion.remove(id);
    else this.current.remove(id);
    this.metas.delete(id);
  }
}
