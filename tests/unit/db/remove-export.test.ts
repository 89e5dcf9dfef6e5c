import { beforeEach, describe, expect, it } from 'vitest';
import { exportPack } from '../../../lib/db/export';
import { importPack } from '../../../lib/db/import';
import { getBriefing, listPacks } from '../../../lib/db/queries';
import { removePack } from '../../../lib/db/remove';
import type { BriefingDb } from '../../../lib/db/schema';
import { seedBundledPack } from '../../../lib/db/seed';
import { bundledPack, sourcePack } from './fixtures';
import { dump, freshDb } from './helpers';

let db: BriefingDb;
beforeEach(async () => {
  db = await freshDb();
  await seedBundledPack(db, bundledPack());
});

describe('removePack', () => {
  it('removes every record of an imported pack and nothing else', async () => {
    const before = await dump(db);
    await importPack(db, JSON.stringify(sourcePack()), 'notes.json');
    expect(await removePack(db, 'user-pack')).toMatchObject({
      ok: true,
      pack: { id: 'user-pack' },
    });
    expect(await dump(db)).toBe(before);
  });

  it('refuses the bundled pack and unknown ids, changing nothing', async () => {
    const before = await dump(db);
    expect(await removePack(db, 'bundled')).toEqual({
      ok: false,
      message:
        '"Bundled briefings" is the pack that comes with the extension and cannot be removed.',
    });
    expect(await removePack(db, 'nope')).toEqual({
      ok: false,
      message: 'No pack with the id "nope" is installed.',
    });
    expect(await dump(db)).toBe(before);
  });
});

describe('exportPack', () => {
  it('gives back the source pack that was imported, in its order', async () => {
    const source = sourcePack();
    // out of id order, to prove the export keeps the pack's own order
    source.articles.reverse();
    await importPack(db, JSON.stringify(source), 'notes.json');
    expect(await exportPack(db, 'user-pack')).toEqual(source);
  });

  it('round-trips: export, import under a new id, identical briefings', async () => {
    await importPack(db, JSON.stringify(sourcePack()), 'notes.json');
    const exported = await exportPack(db, 'user-pack');
    const again = await importPack(
      db,
      JSON.stringify({ ...exported, id: 'user-pack-copy' }),
      'copy.json',
    );
    expect(again.ok).toBe(true);

    const range = (id: string) => IDBKeyRange.bound([id], [id, []]);
    const withoutPack = (list: Array<{ packId: string }>) =>
      list.map(({ packId: _packId, ...rest }) => rest);
    for (const store of ['briefings', 'articles', 'entities', 'topics'] as const)
      expect(withoutPack(await db.getAll(store, range('user-pack-copy')))).toEqual(
        withoutPack(await db.getAll(store, range('user-pack'))),
      );

    const merged = await getBriefing(db, 'lee-jae-myung');
    expect(merged?.packIds).toEqual(['user-pack', 'user-pack-copy']);
    // same sentences from two packs are shown once
    const single = (await getBriefing(db, 'lee-jae-myung'))?.briefing.facts.length;
    await removePack(db, 'user-pack-copy');
    expect((await getBriefing(db, 'lee-jae-myung'))?.briefing.facts.length).toBe(single);
  });

  it('throws a clear error for an unknown pack', async () => {
    await expect(exportPack(db, 'nope')).rejects.toThrow(
      'No pack with the id "nope" is installed.',
    );
  });

  it('lists packs bundled first, then in import order', async () => {
    await importPack(db, JSON.stringify(sourcePack({ id: 'b-pack' })), 'b.json', undefined, {
      now: () => new Date('2025-11-02T00:00:00Z'),
    });
    await importPack(db, JSON.stringify(sourcePack({ id: 'a-pack' })), 'a.json', undefined, {
      now: () => new Date('2025-11-03T00:00:00Z'),
    });
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['bundled', 'b-pack', 'a-pack']);
  });
});
