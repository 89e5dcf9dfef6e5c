/**
 * Where the reader's settings live, read through the migration every time so
 * no caller sees an old shape.
 *
 * - Everything small stays in `storage.sync` (one item, `settings`): it
 *   follows the reader across their browsers.
 * - The paused sites, a list that grows with the reader, live in
 *   `storage.local` (`pausedSites`): a `storage.sync` item holds at most 8 KB
 *   and the whole area 100 KB, which about 350 sites filled, after which
 *   every save failed. `storage.local` holds thousands; they no longer
 *   follow the reader to other browsers.
 *
 * Earlier versions kept the paused sites inside the sync item; they are read
 * from there (and joined with the local list) until the next save moves them.
 * A failed write rejects with the browser's error, so the pages can say so.
 */
import { browser } from './browser';
import { migrateSettings, normaliseSite, type Settings } from '../core/settings';

export const SETTINGS_KEY = 'settings';
export const PAUSED_SITES_KEY = 'pausedSites';

export async function loadSettings(): Promise<Settings> {
  const [synced, local] = await Promise.all([
    browser.storage.sync.get(SETTINGS_KEY),
    browser.storage.local.get(PAUSED_SITES_KEY),
  ]);
  const stored = synced[SETTINGS_KEY] as Record<string, unknown> | undefined;
  const settings = migrateSettings(stored);
  const kept = local[PAUSED_SITES_KEY];
  if (!Array.isArray(kept)) return settings;
  // The local list, and any an older version (or another browser still on
  // it) left in the sync item.
  const sites = kept.filter((x): x is string => typeof x === 'string').map(normaliseSite);
  return {
    ...settings,
    pausedSites: [...new Set([...sites, ...settings.pausedSites])].filter(Boolean),
  };
}

export async function saveSettings(settings: Settings): Promise<void> {
  const migrated = migrateSettings(settings);
  const { pausedSites } = migrated;
  const synced = { ...migrated, pausedSites: [] };
  const [local, sync] = await Promise.all([
    browser.storage.local.get(PAUSED_SITES_KEY),
    browser.storage.sync.get(SETTINGS_KEY),
  ]);
  // Only what changed is written: storage.sync allows few writes a minute,
  // and each write is heard by every open page. The list first: a sync write
  // that then fails leaves no site unpaused.
  if (JSON.stringify(local[PAUSED_SITES_KEY] ?? []) !== JSON.stringify(pausedSites))
    await browser.storage.local.set({ [PAUSED_SITES_KEY]: pausedSites });
  if (JSON.stringify(sync[SETTINGS_KEY]) !== JSON.stringify(synced))
    await browser.storage.sync.set({ [SETTINGS_KEY]: synced });
}

/** Applies `change` to the stored settings and returns the result. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = migrateSettings(change(await loadSettings()));
  await saveSettings(next);
  return next;
}

/**
 * Calls `listener` with the whole new settings whenever either part changes
 * (a save writes both: it is heard once); stops when `signal` aborts. Reads
 * that finish out of order are dropped.
 */
export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
  let asked = 0;
  let heard: string | null = null;
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    const ours =
      (area === 'sync' && SETTINGS_KEY in changes) ||
      (area === 'local' && PAUSED_SITES_KEY in changes);
    if (!ours) return;
    const ask = ++asked;
    void loadSettings().then(
      (settings) => {
        const json = JSON.stringify(settings);
        if (ask !== asked || signal.aborted || json === heard) return;
        heard = json;
        listener(settings);
      },
      () => undefined,
    );
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged));
}

/** watchSettings for a page's props: subscribes, and returns the unsubscribe. */
export function subscribeToSettings(listener: (settings: Settings) => void): () => void {
  const stop = new AbortController();
  watchSettings(listener, stop.signal);
  return () => stop.abort();
}
