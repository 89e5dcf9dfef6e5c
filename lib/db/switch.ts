/**
 * Switching a pack off and on without deleting it: only its meta record
 * changes, and every read (queries.ts, through merge.ts's packRanks) leaves
 * out the records of a pack that is off.
 */
import type { PackMeta } from '../../core/views';
import type { BriefingDb } from './schema';
import { abortAndSettle } from './write';

export type SwitchResult = { ok: true; pack: PackMeta } | { ok: false; message: string };

export async function setPackEnabled(
  db: BriefingDb,
  packId: string,
  enabled: boolean,
): Promise<SwitchResult> {
  const tx = db.transaction('packs', 'readwrite');
  try {
    const meta = await tx.store.get(packId);
    if (!meta) {
      await abortAndSettle(tx);
      return { ok: false, message: `No pack with the id "${packId}" is installed.` };
    }
    const { disabled: _was, ...rest } = meta;
    const next: PackMeta = enabled ? rest : { ...rest, disabled: true };
    await tx.store.put(next);
    await tx.done;
    return { ok: true, pack: next };
  } catch (error) {
    await abortAndSettle(tx);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ok: false,
      message: `Could not switch the pack "${packId}" ${enabled ? 'on' : 'off'}: ${reason}. Nothing was changed.`,
    };
  }
}
