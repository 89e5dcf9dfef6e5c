/**
 * Whether an error says the browser's storage has no room left: a used-up
 * quota, or a disk with no space (Chromium's I/O errors name it). Read from
 * the error itself where it happened (the background's IndexedDB), and from
 * its message where it arrives relayed (an extension page's request).
 */
const FULL = /QuotaExceeded|NO_SPACE|full disk|no space/i;

export function isFullStorage(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'QuotaExceededError' || (typeof message === 'string' && FULL.test(message));
}
