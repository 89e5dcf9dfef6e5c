/** Putting compiled fixture packs straight into a test database (bypassing validate/compile). */
import type { CompiledPack } from '../../../core/pack/types';
import { buildPackRecords } from '../../../lib/db/records';
import { PACK_STORES, type BriefingDb } from '../../../lib/db/schema';
import { putPackRecords } from '../../../lib/db/write';

export async function storePack(
  db: BriefingDb,
  pack: CompiledPack,
  origin: { bundled: boolean; importedAt: string },
): Promise<void> {
  const tx = db.transaction([...PACK_STORES], 'readwrite');
  await putPackRecords(tx, buildPackRecords(pack, origin));
  await tx.done;
}
