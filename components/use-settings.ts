/**
 * The reader's settings for a page of the extension (the popup, the options):
 * loaded once, followed while they change elsewhere, changed through the
 * store. The storage functions come in as arguments, as the pages receive
 * them as props, so this hook knows nothing of `browser.storage` and tests
 * pass fakes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';

/** Applies `update` to the stored settings; resolves to what was stored. */
export type SettingsChange = (update: (s: Settings) => Settings) => Promise<Settings>;

/** Where the settings live; both pages' props have this shape. */
export interface SettingsSource {
  loadSettings: () => Promise<Settings>;
  updateSettings: SettingsChange;
  /** subscribe to settings changed elsewhere (another page, another window); returns the unsubscribe */
  watchSettings?: (listener: (s: Settings) => void) => () => void;
}

/** What a page does besides showing the settings when they arrive from the store. */
export interface SettingsListeners {
  /** the settings as first loaded */
  loaded?: (settings: Settings) => void;
  /** settings changed elsewhere, once they are shown; not called for the page's own changes */
  watched?: (settings: Settings) => void;
}

/**
 * Returns the settings (null until loaded), `change`, which stores an update
 * and shows its result, and whether the last change failed to be stored. A
 * failed change (a full disk, a quota) shows the settings as they are
 * stored, so the page never shows what was not kept. The source's functions
 * are taken when the page mounts; the subscription ends when it unmounts.
 */
export function useSettings(
  source: SettingsSource,
  listeners: SettingsListeners = {},
): [Settings | null, SettingsChange, boolean] {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failed, setFailed] = useState(false);
  // The listeners are fresh closures on every render; call the latest.
  const latest = useRef(listeners);
  latest.current = listeners;

  useEffect(() => {
    void source.loadSettings().then((loaded) => {
      setSettings(loaded);
      latest.current.loaded?.(loaded);
    });
    return source.watchSettings?.((next) => {
      setSettings(next);
      latest.current.watched?.(next);
    });
  }, []);

  const change: SettingsChange = async (update) => {
    try {
      const next = await source.updateSettings(update);
      setSettings(next);
      setFailed(false);
      return next;
    } catch {
      setFailed(true);
      const kept = await source.loadSettings().catch(() => settings!);
      setSettings(kept);
      return kept;
    }
  };
  return [settings, change, failed];
}
