/**
 * The background owns the extension's IndexedDB: it seeds the bundled pack on
 * install and update, and answers every other part's questions through the
 * typed protocol. It may be stopped at any time (MV3), so the database handle
 * and the page data are re-created lazily.
 */
import { browser } from '../../lib/browser';
import { createMessageListener, pushToPages, tabClient } from '../../lib/messaging';
import { DATA_VERSION_KEY, type ToBackground } from '../../lib/messaging/protocol';
import { listPacks, openBriefingDb, seedBundledPack } from '../../lib/db';
import type { CompiledPack } from '../../core/pack/types';
import bundledPack from '../../assets/bundled-pack.json';
import { createHandlers, type Database } from './handlers';
import { FrameMentions, memoryArea } from './frame-mentions';
import { FrameSheets } from './frame-sheets';
import { PackManifest } from './pack-manifest';
import { freeStorage } from './storage-room';

export function startBackground(): void {
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
    dataChanged: async (version) => {
      await browser.storage.local.set({ [DATA_VERSION_KEY]: version });
    },
  });
  browser.runtime.onMessage.addListener(createMessageListener<ToBackground>(handlers) as never);

  // Seed on install and update, before any page asks.
  browser.runtime.onInstalled.addListener(() => void database());

  browser.commands?.onCommand.addListener((command, tab) => {
    const backwards = command === 'previous-mention';
    if ((command !== 'next-mention' && !backwards) || tab?.id === undefined) return;
    tabClient(tab.id)
      .send('focusNextMention', backwards ? { backwards } : {})
      .catch(() => undefined); // a page where content scripts cannot run
  });
}
