/**
 * The background owns the extension's IndexedDB: it seeds the bundled pack on
 * install and update, and answers every other part's questions through the
 * typed protocol. It may be stopped at any time (MV3), so the database handle
 * and the page data are re-created lazily.
 */
import { browser } from '../../lib/browser';
import { createMessageListener, pushToPages, pushToTabs, tabClient } from '../../lib/messaging';
import type { ToBackground } from '../../lib/messaging/protocol';
import { loadSettings, watchSettings } from '../../lib/settings-store';
import { openSidePanel } from '../../lib/platform';
import { listPacks, openBriefingDb, seedBundledPack } from '../../lib/db';
import type { CompiledPack } from '../../core/pack/types';
import bundledPack from '../../assets/bundled-pack.json';
import { createHandlers, type Database } from './handlers';
import { FrameMentions, memoryArea } from './frame-mentions';
import { FrameSheets } from './frame-sheets';
import { PackManifest } from './pack-manifest';
import { freeStorage } from './storage-room';
import { closeStorageToContentScripts } from './storage-access';

export function startBackground(): void {
  // On every start (whether Chromium keeps the level across restarts is not
  // documented), and the listener on onStartup below wakes us at browser start.
  void closeStorageToContentScripts([browser.storage.local, browser.storage.sync] as never).catch(
    () => undefined,
  );
  const manifest = new PackManifest(browser.storage.local);
  let db: Promise<Database> | null = null;
  const database = (): Promise<Database> => {
    db ??= (async () => {
      const opened = await openBriefingDb({ onVersionChange: () => (db = null) });
      await seedBundledPack(opened, bundledPack as unknown as CompiledPack);
      // Once per start: did the database lose packs since they were imported?
      await manifest.check(await listPacks(opened)).catch(() => undefined);
      return opened;
    })();
    db.catch(() => (db = null));
    return db;
  };

  const frames = new FrameMentions(browser.storage.session ?? memoryArea());
  const frameSheets = new FrameSheets();
  browser.tabs.onRemoved.addListener((tabId) => {
    void frames.forgetTab(tabId);
    frameSheets.forgetTab(tabId);
  });
  const handlers = createHandlers({
    frames,
    manifest,
    freeStorage,
    setFrameCss: frameSheets.set,
    frameClient: tabClient,
    database,
    openPage: async (path) => {
      await browser.tabs.create({ url: browser.runtime.getURL(path as never) });
    },
    reportProgress: (done, total) => void pushToPages('importProgress', { done, total }),
    dataChanged: (version) => pushToTabs('packsChanged', { version }),
    settings: loadSettings,
    openSidePanel,
  });
  browser.runtime.onMessage.addListener(createMessageListener<ToBackground>(handlers) as never);
  // Content scripts may not read storage (storage-access.ts): they hear changes from here.
  watchSettings(
    (settings) => void pushToTabs('settingsChanged', settings),
    new AbortController().signal,
  );

  // Seed on install and update, before any page asks.
  browser.runtime.onInstalled.addListener(() => void database());
  // Nothing to do but be started, so storage is closed before pages load.
  browser.runtime.onStartup.addListener(() => undefined);

  browser.commands?.onCommand.addListener((command, tab) => {
    // At once, inside the key's handling: the browser opens a panel only then.
    if (command === 'open-side-panel') {
      void openSidePanel({ windowId: tab?.windowId }).catch(() => undefined);
      return;
    }
    const backwards = command === 'previous-mention';
    if ((command !== 'next-mention' && !backwards) || tab?.id === undefined) return;
    tabClient(tab.id)
      .send('focusNextMention', backwards ? { backwards } : {})
      .catch(() => undefined); // a page where content scripts cannot run
  });
}
