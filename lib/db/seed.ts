/**
 * Seeding the pack that ships with the extension, on install and on every
 * update that changes its version. Imported packs are never touched.
 */
import type { CompiledPack } from '../../core/pack/types';
import { buildPackRecords } from './records';
import type { PackMeta } from '../../core/views';
import { PACK_STORES, type BriefingDb } from './schema';
import { abortAndSettle, deletePackRecords, putPackRecords } from './write';

function isCurrent(stored: PackMeta[], pack: CompiledPack): boolean {
  const bundled = stored.filter((p) => p.bundled);
  return bundled.length === 1 && bundled[0]?.id === pack.id && bundled[0].version === pack.version;
}

/**
 * Replaces the stored bundled pack by `pack` unless the same id and version
 * is already stored. Returns whether it wrote anything. Throws (and changes
 * nothing) if an imported pack already uses the bundled pack's id.
 */
export async function seedBundledPack(
  db: BriefingDb,
  pack: CompiledPack,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  // Cheap check first: on most service-worker starts the pack is current, and
  // building the records (alias keys, sizes) of a large pack is not free.
  if (isCurrent(await db.getAll('packs'), pack)) return false;

  const records = buildPackRecords(pack, { bundled: true, importedAt: now().toISOString() });
  const tx = db.transaction([...PACK_STORES], 'readwrite');
  try {
    // Checked again inside the write transaction: another context may have seeded meanwhile.
    const stored = await tx.objectStore('packs').getAll();
    if (isCurrent(stored, pack)) {
      await tx.done;
      return false;
    }
    const clash = stored.find((p) => p.id === pack.id && !p.bundled);
    if (clash)
      throw new Error(
        `Cannot install the bundled pack "${pack.id}": an imported pack ("${clash.title}") ` +
          'already uses that id. Remove the imported pack to restore the bundled one.',
      );
    const previous = stored.filter((p) => p.bundled);
    for (const old of previous) await deletePackRecords(tx, old.id);
    // A reader who switched the bundled pack off keeps it off across updates.
    const disabled = previous.some((p) => p.disabled);
    await putPackRecords(
      tx,
      disabled ? { ...records, meta: { ...records.meta, disabled } } : records,
    );
    await tx.done;
    return true;
  } catch (error) {
    await abortAndSettle(tx);
    throw error;
  }
}
