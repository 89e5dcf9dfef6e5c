/**
 * Writing and deleting one pack's records inside a transaction the caller
 * owns, so seeding, importing and removing are each one all-or-nothing
 * transaction. Only requests of that transaction are awaited here: awaiting
 * anything else lets the transaction auto-commit half-way (see idb's README,
 * "Transaction lifetime").
 */
import type { IDBPTransaction } from 'idb';
import { packKeyRange } from './keys';
import type { PackRecords } from './records';
import type { BriefingLensDB, PackStoreName } from './schema';

export type PackWriteTx = IDBPTransaction<BriefingLensDB, PackStoreName[], 'readwrite'>;

export type ProgressCallback = (done: number, total: number) => void;

/** Records per batch: large enough to keep the request queue full, small enough for smooth progress. */
export const DEFAULT_BATCH_SIZE = 500;

export async function deletePackRecords(tx: PackWriteTx, packId: string): Promise<void> {
  const range = packKeyRange(packId);
  await Promise.all([
    tx.objectStore('topics').delete(range),
    tx.objectStore('entities').delete(range),
    tx.objectStore('articles').delete(range),
    tx.objectStore('briefings').delete(range),
    tx.objectStore('packs').delete(packId),
  ]);
}

/** Total number of records putPackRecords() writes, the `total` of its progress. */
export function recordCount(records: PackRecords): number {
  return (
    records.topics.length +
    records.entities.length +
    records.articles.length +
    records.briefings.length +
    1
  );
}

/**
 * Puts every record of a pack, the meta record last. Puts are issued a batch
 * at a time and the batch's requests awaited before progress is reported, so
 * a failing put stops the loop and its error reaches the caller.
 */
export async function putPackRecords(
  tx: PackWriteTx,
  records: PackRecords,
  onProgress?: ProgressCallback,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<void> {
  const total = recordCount(records);
  const topics = tx.objectStore('topics');
  const entities = tx.objectStore('entities');
  const articles = tx.objectStore('articles');
  const briefings = tx.objectStore('briefings');
  const puts: Array<() => Promise<unknown>> = [
    ...records.topics.map((r) => () => topics.put(r)),
    ...records.entities.map((r) => () => entities.put(r)),
    ...records.articles.map((r) => () => articles.put(r)),
    ...records.briefings.map((r) => () => briefings.put(r)),
    () => tx.objectStore('packs').put(records.meta),
  ];
  const size = Math.max(1, batchSize);
  onProgress?.(0, total);
  for (let start = 0; start < puts.length; start += size) {
    const batch = puts.slice(start, start + size);
    const pending: Array<Promise<unknown>> = [];
    try {
      for (const put of batch) pending.push(put());
    } catch (error) {
      // A put that throws at once (a key or clone error) aborts the import; the
      // requests already queued then fail with AbortError, which is no news.
      for (const request of pending) request.catch(() => undefined);
      throw error;
    }
    await Promise.all(pending);
    onProgress?.(start + batch.length, total);
  }
}

/**
 * Aborts a transaction that is still running and waits until it has ended, so
 * the caller can report a result only once the rollback has happened.
 */
export async function abortAndSettle(tx: { abort(): void; done: Promise<void> }): Promise<void> {
  try {
    tx.abort();
  } catch {
    // already committed or aborted (e.g. by the failing request itself)
  }
  await tx.done.catch(() => undefined);
}
