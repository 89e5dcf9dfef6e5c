/**
 * Whether an import fits in what the browser still lets the extension store,
 * asked before anything is written: a disk that fills during the write is
 * rolled back, but one that is full already should not get that far.
 */

/**
 * What storing records of `sizeBytes` (their JSON size) takes: IndexedDB keeps
 * each record with its keys and index entries, and a transaction needs room
 * for its journal until it commits, so about twice the records' size.
 */
export function storageNeeded(sizeBytes: number): number {
  return sizeBytes * 2;
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export function notEnoughStorage(needed: number, free: number): string {
  return (
    `there is not enough storage for this pack: it needs about ${mb(needed)}, and the browser ` +
    `lets the extension store only about ${mb(free)} more. Free some disk space and try again.`
  );
}

/** The bytes the extension may still store, or null where the browser does not say. */
export async function freeStorage(): Promise<number | null> {
  const estimate = await globalThis.navigator?.storage?.estimate?.();
  if (!estimate || estimate.quota === undefined || estimate.usage === undefined) return null;
  return Math.max(0, estimate.quota - estimate.usage);
}
