/**
 * Schema upgrades, one step per version. A fresh install runs every step from
 * 0; an existing database runs the steps after its version. Steps migrate
 * records in place and never delete a store that holds user data: imported
 * packs exist nowhere else.
 *
 * Schema changes (createObjectStore, createIndex) happen synchronously in the
 * upgrade callback; record migrations then await only requests of the upgrade
 * transaction itself, so it stays alive until they finish. If a migration
 * fails, the transaction is aborted and the database stays at its old
 * version with its old data.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { CompiledArticle, EntitySource, TopicSource } from '../../core/pack/types';
import { aliasKeysOf } from './keys';
import { jsonSize } from './records';
import type { ArticleRecord, BriefingLensDB, EntityRecord, TopicRecord } from './schema';
import type { PackCounts, PackMeta } from '../../core/views';

/** A pack's meta record as version 1 stored it: topics inline, no counts or size. */
export interface PackMetaV1 {
  id: string;
  title: string;
  version: string;
  description?: string;
  compiledAt: string;
  importedAt: string;
  bundled: boolean;
  topics: TopicSource[];
}
export type EntityRecordV1 = EntitySource & { packId: string };
export type ArticleRecordV1 = CompiledArticle & { packId: string };

/** What the migration log in the meta store holds. */
export interface MigrationLogEntry {
  from: number;
  to: number;
  at: string;
}
export const MIGRATION_LOG_KEY = 'migrations';

// Migrations run across shapes that the current schema type no longer
// describes, so they work on the untyped database and cast at the edges.
type AnyDb = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** Version 1: packs, entities (by id), articles, briefings, meta. */
function createV1(db: AnyDb): void {
  db.createObjectStore('packs', { keyPath: 'id' });
  const entities = db.createObjectStore('entities', { keyPath: ['packId', 'id'] });
  entities.createIndex('by-id', 'id');
  db.createObjectStore('articles', { keyPath: ['packId', 'id'] });
  db.createObjectStore('briefings', { keyPath: ['packId', 'entityId'] });
  db.createObjectStore('meta', { keyPath: 'key' });
}

/** Version 2, schema part: the topics store and the entity indexes for topics and search. */
function createV2(db: AnyDb, tx: UpgradeTx): void {
  const topics = db.createObjectStore('topics', { keyPath: ['packId', 'id'] });
  topics.createIndex('by-id', 'id');
  const entities = tx.objectStore('entities');
  entities.createIndex('by-topic', 'topics', { multiEntry: true });
  entities.createIndex('by-alias', 'aliasKeys', { multiEntry: true });
}

function emptyCounts(): PackCounts {
  return { topics: 0, entities: 0, articles: 0, briefings: 0 };
}

/**
 * Version 2, data part: entities get their alias keys and order, articles
 * their order, inline topics move to the topics store, and each pack's meta
 * gets its counts and size, counted from the records actually stored.
 */
async function migrateV1ToV2(tx: UpgradeTx): Promise<void> {
  const counts = new Map<string, PackCounts>();
  const sizes = new Map<string, number>();
  const tally = (packId: string, store: keyof PackCounts, record: unknown): void => {
    const c = counts.get(packId) ?? emptyCounts();
    c[store] += 1;
    counts.set(packId, c);
    sizes.set(packId, (sizes.get(packId) ?? 0) + jsonSize(record));
  };

  // Key order within a pack is id order; v1 kept no other, so that becomes seq.
  let seq = 0;
  let lastPack: string | undefined;
  for await (const cursor of tx.objectStore('entities')) {
    const old = cursor.value as EntityRecordV1;
    seq = old.packId === lastPack ? seq + 1 : 0;
    lastPack = old.packId;
    const next: EntityRecord = { ...old, seq, aliasKeys: aliasKeysOf(old) };
    tally(old.packId, 'entities', next);
    await cursor.update(next);
  }
  lastPack = undefined;
  for await (const cursor of tx.objectStore('articles')) {
    const old = cursor.value as ArticleRecordV1;
    seq = old.packId === lastPack ? seq + 1 : 0;
    lastPack = old.packId;
    const next: ArticleRecord = { ...old, seq };
    tally(old.packId, 'articles', next);
    await cursor.update(next);
  }
  for await (const cursor of tx.objectStore('briefings')) {
    const record = cursor.value as { packId: string };
    tally(record.packId, 'briefings', record);
  }

  const topicStore = tx.objectStore('topics');
  for await (const cursor of tx.objectStore('packs')) {
    const { topics = [], ...rest } = cursor.value as PackMetaV1;
    for (const [i, topic] of topics.entries()) {
      const record: TopicRecord = { ...topic, packId: rest.id, seq: i };
      tally(rest.id, 'topics', record);
      await topicStore.put(record);
    }
    const meta: PackMeta = {
      ...rest,
      counts: counts.get(rest.id) ?? emptyCounts(),
      sizeBytes: sizes.get(rest.id) ?? 0,
    };
    await cursor.update(meta);
  }
}

async function logMigration(tx: UpgradeTx, entry: MigrationLogEntry): Promise<void> {
  const store = tx.objectStore('meta');
  const existing = (await store.get(MIGRATION_LOG_KEY)) as { value?: unknown } | undefined;
  const log = Array.isArray(existing?.value) ? (existing.value as MigrationLogEntry[]) : [];
  await store.put({ key: MIGRATION_LOG_KEY, value: [...log, entry] });
}

/**
 * The idb `upgrade` callback. Returns the promise of the record migrations so
 * the caller can report why an upgrade failed; the transaction is already
 * aborted by then.
 */
export function upgrade(
  database: IDBPDatabase<BriefingLensDB>,
  oldVersion: number,
  newVersion: number | null,
  transaction: IDBPTransaction<BriefingLensDB, StoreNames<BriefingLensDB>[], 'versionchange'>,
  now: () => Date = () => new Date(),
): Promise<void> {
  const db = database as unknown as AnyDb;
  const tx = transaction as unknown as UpgradeTx;
  if (oldVersion < 1) createV1(db);
  if (oldVersion < 2) createV2(db, tx);

  const steps: Array<() => Promise<void>> = [];
  // A fresh database has nothing to migrate; only an existing one gets a log entry.
  if (oldVersion >= 1 && oldVersion < 2) steps.push(() => migrateV1ToV2(tx));
  if (oldVersion >= 1)
    steps.push(() =>
      logMigration(tx, { from: oldVersion, to: newVersion ?? oldVersion, at: now().toISOString() }),
    );

  return (async () => {
    for (const step of steps) await step();
  })().catch((error: unknown) => {
    try {
      tx.abort();
    } catch {
      // already finished or aborted: nothing more to undo
    }
    throw error;
  });
}
