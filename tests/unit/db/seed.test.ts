import { describe, expect, it } from 'vitest';
import { listPacks } from '../../../lib/db/queries';
import { seedBundledPack } from '../../../lib/db/seed';
import { setPackEnabled } from '../../../lib/db/switch';
import { bundledPack, extraCompiledPack, WANG_YI } from './fixtures';
import { dump, freshDb } from './helpers';
import type { BriefingDb } from '../../../lib/db/schema';
import { storePack } from './store';

/** Stores a compiled pack as an imported one, without going through the validator. */
async function storeImported(db: BriefingDb, id = 'extra'): Promise<void> {
  await storePack(db, extraCompiledPack(id), {
    bundled: false,
    importedAt: '2025-11-05T00:00:00.000Z',
  });
}

describe('seedBundledPack', () => {
  it('seeds on install, then not again for the same version', async () => {
    const db = await freshDb();
    expect(await seedBundledPack(db, bundledPack())).toBe(true);
    const after = await dump(db);
    expect(await seedBundledPack(db, bundledPack())).toBe(false);
    expect(await dump(db)).toBe(after);

    const [meta] = await listPacks(db);
    expect(meta).toMatchObject({
      id: 'bundled',
      version: '1.0.0',
      bundled: true,
      counts: { topics: 2, entities: 3, articles: 2, briefings: 3 },
    });
    expect(meta?.sizeBytes).toBeGreaterThan(1000);
  });

  it('replaces the bundled records when the version changes', async () => {
    const db = await freshDb();
    await seedBundledPack(db, bundledPack('1.0.0'));
    const v2 = bundledPack('1.1.0');
    v2.entities = v2.entities.filter((e) => e.id !== WANG_YI.id);
    v2.briefings = v2.briefings.filter((b) => b.entityId !== WANG_YI.id);
    expect(await seedBundledPack(db, v2)).toBe(true);

    expect(await db.get('entities', ['bundled', 'wang-yi'])).toBeUndefined();
    expect(await db.get('briefings', ['bundled', 'wang-yi'])).toBeUndefined();
    expect((await db.get('packs', 'bundled'))?.version).toBe('1.1.0');
    expect(await db.count('entities')).toBe(2);
  });

  it('keeps the bundled pack switched off across an update, if the reader switched it off', async () => {
    const db = await freshDb();
    await seedBundledPack(db, bundledPack('1.0.0'));
    expect((await setPackEnabled(db, 'bundled', false)).ok).toBe(true);
    expect(await seedBundledPack(db, bundledPack('1.1.0'))).toBe(true);
    expect(await db.get('packs', 'bundled')).toMatchObject({ version: '1.1.0', disabled: true });
  });

  it('removes the old bundled pack when the bundled id itself changes', async () => {
    const db = await freshDb();
    await seedBundledPack(db, bundledPack());
    expect(await seedBundledPack(db, { ...bundledPack('2.0.0'), id: 'bundled-2026' })).toBe(true);
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['bundled-2026']);
    expect(await db.count('articles')).toBe(2);
  });

  it('never touches imported packs', async () => {
    const db = await freshDb();
    await seedBundledPack(db, bundledPack('1.0.0'));
    await storeImported(db);
    const imported = async () =>
      JSON.stringify(
        await Promise.all(
          (['topics', 'entities', 'articles', 'briefings'] as const).map((s) =>
            db.getAll(s, IDBKeyRange.bound(['extra'], ['extra', []])),
          ),
        ),
      ) + JSON.stringify(await db.get('packs', 'extra'));
    const before = await imported();
    expect(await seedBundledPack(db, bundledPack('2.0.0'))).toBe(true);
    expect(await imported()).toBe(before);
    expect((await listPacks(db)).map((p) => [p.id, p.version])).toEqual([
      ['bundled', '2.0.0'],
      ['extra', '0.1.0'],
    ]);
  });

  it('refuses, changing nothing, when an imported pack already has the bundled id', async () => {
    const db = await freshDb();
    await storeImported(db, 'bundled');
    const before = await dump(db);
    await expect(seedBundledPack(db, bundledPack())).rejects.toThrow(/already uses that id/);
    expect(await dump(db)).toBe(before);
  });
});
