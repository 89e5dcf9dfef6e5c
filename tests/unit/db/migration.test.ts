/**
 * Upgrading a database written by version 1 of the schema. The v1 database
 * is built here by hand with the raw IndexedDB API (not with the migration
 * code), as the v1 extension wrote it.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Briefing, CompiledArticle, EntitySource } from '../../../core/pack/types';
import { MIGRATION_LOG_KEY } from '../../../lib/db/migrations';
import { openBriefingDb } from '../../../lib/db/open';
import {
  entitiesByTopic,
  getArticle,
  getBriefing,
  listPacks,
  listTopics,
  searchEntities,
} from '../../../lib/db/queries';
import { DB_NAME, DB_VERSION } from '../../../lib/db/schema';
import { exportPack } from '../../../lib/db/export';
import { bundledPack, extraCompiledPack } from './fixtures';
import { dump } from './helpers';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** A user's note in the v1 meta store: not pack data, must survive too. */
const NOTE = { key: 'last-import-dir', value: { path: '~/Downloads', at: '2025-09-01' } };

async function createV1(factory: IDBFactory, corrupt = false): Promise<void> {
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('packs', { keyPath: 'id' });
    db.createObjectStore('entities', { keyPath: ['packId', 'id'] }).createIndex('by-id', 'id');
    db.createObjectStore('articles', { keyPath: ['packId', 'id'] });
    db.createObjectStore('briefings', { keyPath: ['packId', 'entityId'] });
    db.createObjectStore('meta', { keyPath: 'key' });
  };
  const db = await request(open);
  const tx = db.transaction(['packs', 'entities', 'articles', 'briefings', 'meta'], 'readwrite');
  const packs = [
    { pack: bundledPack(), bundled: true, importedAt: '2025-09-01T00:00:00.000Z' },
    { pack: extraCompiledPack('notes'), bundled: false, importedAt: '2025-10-01T00:00:00.000Z' },
  ];
  for (const { pack, bundled, importedAt } of packs) {
    tx.objectStore('packs').put({
      id: pack.id,
      title: pack.title,
      version: pack.version,
      ...(pack.description && { description: pack.description }),
      compiledAt: pack.compiledAt,
      importedAt,
      bundled,
      topics: pack.topics,
    });
    for (const e of pack.entities) tx.objectStore('entities').put({ ...e, packId: pack.id });
    for (const a of pack.articles) tx.objectStore('articles').put({ ...a, packId: pack.id });
    for (const b of pack.briefings) tx.objectStore('briefings').put({ ...b, packId: pack.id });
  }
  tx.objectStore('meta').put(NOTE);
  if (corrupt)
    // A record the v2 migration cannot read: a name that is not text.
    tx.objectStore('entities').put({ id: 'broken', packId: 'notes', name: 42, aliases: {} });
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

const strip = <T extends object>(r: T, ...keys: string[]): Partial<T> =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))) as Partial<T>;

describe('v1 → current', () => {
  it('keeps every record, moves topics out of the pack records, and the new indexes work', async () => {
    const factory = new IDBFactory();
    await createV1(factory);
    const db = await openBriefingDb({ factory, now: () => new Date('2025-11-01T00:00:00Z') });
    expect(db.version).toBe(DB_VERSION);

    // the user's imported pack and the meta note are intact
    expect(await db.get('meta', NOTE.key)).toEqual(NOTE);
    const notes = extraCompiledPack('notes');
    const entities = await db.getAll('entities', IDBKeyRange.bound(['notes'], ['notes', []]));
    expect(entities.map((e) => strip(e, 'packId', 'seq', 'aliasKeys'))).toEqual(
      [...notes.entities].sort((a, b) => (a.id < b.id ? -1 : 1)) as Array<Partial<EntitySource>>,
    );
    expect(await getArticle(db, 'notes', 'visit')).toEqual(notes.articles[0] as CompiledArticle);
    const briefing = await db.get('briefings', ['notes', 'toshimitsu-motegi']);
    expect(briefing && strip(briefing, 'packId')).toEqual(notes.briefings[0] as Partial<Briefing>);
    expect(await db.count('entities')).toBe(5);
    expect(await db.count('articles')).toBe(3);
    expect(await db.count('briefings')).toBe(5);

    // pack meta: v1 fields kept, counts and size added, topics moved to their store
    const packs = await listPacks(db);
    expect(packs.map((p) => [p.id, p.bundled, p.importedAt, p.counts])).toEqual([
      [
        'bundled',
        true,
        '2025-09-01T00:00:00.000Z',
        { topics: 2, entities: 3, articles: 2, briefings: 3 },
      ],
      [
        'notes',
        false,
        '2025-10-01T00:00:00.000Z',
        { topics: 2, entities: 2, articles: 1, briefings: 2 },
      ],
    ]);
    expect(packs.every((p) => p.sizeBytes > 500 && !('topics' in p))).toBe(true);
    expect((await listTopics(db)).map((t) => [t.id, t.entityCount])).toEqual([
      ['japan-politics', 2],
      ['diplomacy', 2],
      ['places', 1],
    ]);

    // indexes added by v2
    expect((await searchEntities(db, '모테'))[0]?.id).toBe('toshimitsu-motegi');
    expect((await searchEntities(db, 'takai'))[0]?.id).toBe('sanae-takaichi');
    expect((await entitiesByTopic(db, 'places')).map((e) => e.id)).toEqual(['motegi-town']);
    expect((await getBriefing(db, 'toshimitsu-motegi'))?.packIds).toEqual(['bundled', 'notes']);
    // the migrated pack can be exported with its topics
    expect((await exportPack(db, 'notes')).topics).toEqual(notes.topics);

    expect(await db.get('meta', MIGRATION_LOG_KEY)).toEqual({
      key: MIGRATION_LOG_KEY,
      value: [{ from: 1, to: 2, at: '2025-11-01T00:00:00.000Z' }],
    });
    db.close();

    // Opening again migrates nothing more.
    const again = await openBriefingDb({ factory });
    const snapshot = await dump(again);
    again.close();
    const third = await openBriefingDb({ factory });
    expect(await dump(third)).toBe(snapshot);
  });

  it('a migration that fails leaves the v1 database as it was', async () => {
    const factory = new IDBFactory();
    await createV1(factory, true);
    const readV1 = async () => {
      const db = await request(factory.open(DB_NAME));
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, 'readonly');
      const all = await Promise.all(names.map((n) => request(tx.objectStore(n).getAll())));
      const out = { version: db.version, names, all };
      db.close();
      return JSON.stringify(out);
    };
    const before = await readV1();
    await expect(openBriefingDb({ factory })).rejects.toThrow(
      /Could not open the briefing-lens database/,
    );
    expect(await readV1()).toBe(before);
    expect(JSON.parse(before).version).toBe(1);
  });
});

describe('a fresh database', () => {
  it('has every store and index of the current version and no migration log', async () => {
    const db = await openBriefingDb({ factory: new IDBFactory() });
    expect([...db.objectStoreNames].sort()).toEqual(
      ['articles', 'briefings', 'entities', 'meta', 'packs', 'topics'].sort(),
    );
    const tx = db.transaction('entities');
    expect([...tx.store.indexNames].sort()).toEqual(['by-alias', 'by-id', 'by-topic']);
    expect(tx.store.index('by-alias').multiEntry).toBe(true);
    expect(await db.get('meta', MIGRATION_LOG_KEY)).toBeUndefined();
  });
});
