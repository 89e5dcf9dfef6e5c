/** Removing an imported pack: all its records in one transaction. */
import type { PackMeta } from '../../core/views';
import { PACK_STORES, type BriefingDb } from './schema';
import { abortAndSettle, deletePackRecords } from './write';

export type RemoveResult = { ok: true; pack: PackMeta } | { ok: false; message: string };

export async function removePack(db: BriefingDb, packId: string): Promise<RemoveResult> {
  const tx = db.transaction([...PACK_STORES], 'readwrite');
  try {
    const meta = await tx.objectStore('packs').get(packId);
    if (!meta || meta.bundled) {
      await abortAndSettle(tx);
      return {
        ok: false,
        // The bundled pack would come back at the next update anyway, and
        // without it the extension has nothing to show.
        message: meta
          ? `"${meta.title}" is the pack that comes with the extension and cannot be removed.`
          : `No pack with the id "${packId}" is installed.`,
      };
    }
    await deletePackRecords(tx, packId);
    await tx.done;
    return { ok: true, pack: meta };
  } catch (error) {
    await abortAndSettle(tx);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ok: false,
      message: `Could not remove the pack "${packId}": ${reason}. Nothing was changed.`,
    };
  }
}
