/**
 * Storage is for the extension's own pages and this background only. By
 * default Chromium lets content scripts read and write `storage.local` and
 * `storage.sync`, so a compromised renderer could change the reader's
 * settings (unpause a site, say) or read the paused sites. Closed to them,
 * content scripts ask for the settings (`getSettings`) and hear of changes
 * from the background (`settingsChanged`, `packsChanged`).
 *
 * Firefox has no such control (no `setAccessLevel` on any area): there the
 * areas stay open to content scripts, which do not use them. README, "What a
 * page can see", says so.
 */
interface AccessControlled {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/** Closes each area to content scripts where the browser can; says whether every one is closed. */
export async function closeStorageToContentScripts(
  areas: readonly AccessControlled[],
): Promise<boolean> {
  const closed = await Promise.all(
    areas.map(async (area) => {
      if (typeof area.setAccessLevel !== 'function') return false;
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      return true;
    }),
  );
  return closed.every(Boolean);
}
