/**
 * A list of the imported packs kept outside IndexedDB (in storage.local), so
 * that a database that comes back without them (the browser cleared the
 * site data under storage pressure, a disk that filled at a bad moment) is
 * noticed at the next start, and the reader is told which packs to import
 * again instead of finding them silently gone.
 *
 * The list may name fewer packs than the database holds, never more: it is
 * written after an import commits, and before a removal starts. So a worker
 * stopped in between can only make it miss a pack (and the next write mends
 * that), never report a pack lost that the reader removed.
 */
import type { PackMeta } from '../../core/views';
import type { SessionArea as StorageArea } from './frame-mentions';

export const PACK_MANIFEST_KEY = 'packManifest';
export const LOST_PACKS_KEY = 'lostPacks';

/** What the reader needs to find the file again. */
export interface PackRecord {
  id: string;
  title: string;
  version: string;
  importedAt: string;
}

const recordOf = ({ id, title, version, importedAt }: PackMeta): PackRecord => ({
  id,
  title,
  version,
  importedAt,
});

function isPackRecord(x: unknown): x is PackRecord {
  const r = x as Partial<PackRecord> | null;
  return (
    typeof r?.id === 'string' &&
    typeof r.title === 'string' &&
    typeof r.version === 'string' &&
    typeof r.importedAt === 'string'
  );
}

async function readList(area: StorageArea, key: string): Promise<PackRecord[]> {
  const value = (await area.get(key))[key];
  return Array.isArray(value) ? value.filter(isPackRecord) : [];
}

export class PackManifest {
  constructor(private readonly area: StorageArea) {}

  /** The imported packs installed now (after an import or a switch). */
  async record(packs: PackMeta[]): Promise<void> {
    await this.area.set({
      [PACK_MANIFEST_KEY]: packs.filter((p) => !p.bundled).map(recordOf),
    });
    // A lost pack imported again is no longer lost.
    const lost = await readList(this.area, LOST_PACKS_KEY);
    const back = new Set(packs.map((p) => p.id));
    if (lost.some((p) => back.has(p.id))) await this.setLost(lost.filter((p) => !back.has(p.id)));
  }

  /** Before removing `packId`: from now on its absence is expected. */
  async forget(packId: string): Promise<void> {
    const listed = await readList(this.area, PACK_MANIFEST_KEY);
    await this.area.set({ [PACK_MANIFEST_KEY]: listed.filter((p) => p.id !== packId) });
  }

  /**
   * At start, with the packs the database holds: the listed ones it lost are
   * added to the lost packs (kept until the reader dismisses them or imports
   * them again), and the list is made current.
   */
  async check(packs: PackMeta[]): Promise<PackRecord[]> {
    const installed = new Set(packs.map((p) => p.id));
    const missing = (await readList(this.area, PACK_MANIFEST_KEY)).filter(
      (p) => !installed.has(p.id),
    );
    if (missing.length) {
      const lost = await readList(this.area, LOST_PACKS_KEY);
      const known = new Set(lost.map((p) => p.id));
      await this.setLost([...lost, ...missing.filter((p) => !known.has(p.id))]);
    }
    await this.record(packs);
    return missing;
  }

  lost(): Promise<PackRecord[]> {
    return readList(this.area, LOST_PACKS_KEY);
  }

  async dismissLost(): Promise<void> {
    await this.area.remove(LOST_PACKS_KEY);
  }

  private async setLost(lost: PackRecord[]): Promise<void> {
    if (lost.length) await this.area.set({ [LOST_PACKS_KEY]: lost });
    else await this.area.remove(LOST_PACKS_KEY);
  }
}
