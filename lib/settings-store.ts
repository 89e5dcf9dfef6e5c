/**
 * Settings in `storage.sync` (they follow the reader across their browsers),
 * read through the migration every time so no caller sees an old shape.
 */
import { browser } from './browser';
import { migrateSettings, type Settings } from '../core/settings';

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return migrateSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: migrateSettings(settings) });
}

/** Applies `change` to the stored settings and returns the result. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = migrateSettings(change(await loadSettings()));
  await saveSettings(next);
  return next;
}

/** Calls `listener` with the new settings whenever they change; stops when `signal` aborts. */
export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes)
      listener(migrateSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged));
}
