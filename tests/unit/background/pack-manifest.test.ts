import { describe, expect, it } from 'vitest';
import { memoryArea } from '../../../entrypoints/background/frame-mentions';
import {
  LOST_PACKS_KEY,
  PACK_MANIFEST_KEY,
  PackManifest,
} from '../../../entrypoints/background/pack-manifest';
import type { PackMeta } from '../../../core/views';

const meta = (id: string, bundled = false): PackMeta => ({
  id,
  title: `Pack ${id}`,
  version: '1.0.0',
  compiledAt: '2025-10-01T00:00:00Z',
  importedAt: `2025-11-0${id.length}T00:00:00.000Z`,
  bundled,
  counts: { topics: 0, entities: 1, articles: 1, briefings: 1 },
  sizeBytes: 100,
});
const BUNDLED = meta('bundled', true);
const A = meta('a');
const BB = meta('bb');
const record = ({ id, title, version, importedAt }: PackMeta) => ({
  id,
  title,
  version,
  importedAt,
});

describe('PackManifest', () => {
  it('lists the imported packs only', async () => {
    const area = memoryArea();
    await new PackManifest(area).record([BUNDLED, A, BB]);
    expect(await area.get(PACK_MANIFEST_KEY)).toEqual({
      [PACK_MANIFEST_KEY]: [record(A), record(BB)],
    });
  });

  it('finds at start the packs the database lost, and keeps them until dismissed', async () => {
    const manifest = new PackManifest(memoryArea());
    await manifest.record([BUNDLED, A, BB]);
    // The database came back with the bundled pack only (re-seeded).
    expect(await manifest.check([BUNDLED])).toEqual([record(A), record(BB)]);
    expect(await manifest.lost()).toEqual([record(A), record(BB)]);
    // Another start finds nothing new missing, and the lost ones are still there to tell.
    expect(await manifest.check([BUNDLED])).toEqual([]);
    expect(await manifest.lost()).toEqual([record(A), record(BB)]);
    await manifest.dismissLost();
    expect(await manifest.lost()).toEqual([]);
  });

  it('takes a lost pack off the list when it is imported again', async () => {
    const area = memoryArea();
    const manifest = new PackManifest(area);
    await manifest.record([BUNDLED, A, BB]);
    await manifest.check([BUNDLED]);
    await manifest.record([BUNDLED, A]);
    expect(await manifest.lost()).toEqual([record(BB)]);
    await manifest.record([BUNDLED, A, BB]);
    expect(await area.get(LOST_PACKS_KEY)).toEqual({});
  });

  it('never reports a removed pack as lost, even if the removal was cut short', async () => {
    const manifest = new PackManifest(memoryArea());
    await manifest.record([BUNDLED, A]);
    await manifest.forget('a');
    // The worker stopped before it could record the packs after the removal.
    expect(await manifest.check([BUNDLED])).toEqual([]);
    expect(await manifest.lost()).toEqual([]);
  });

  it('ignores what is not a list of packs', async () => {
    const area = memoryArea();
    await area.set({ [PACK_MANIFEST_KEY]: [{ id: 3 }, 'x', record(A)], [LOST_PACKS_KEY]: 'junk' });
    const manifest = new PackManifest(area);
    expect(await manifest.lost()).toEqual([]);
    expect(await manifest.check([BUNDLED])).toEqual([record(A)]);
  });
});
