/**
 * What the background answers, as plain async functions over the database, so
 * they can be tested with fake-indexeddb and called in-process by the fake
 * client (createLocalClient).
 */
import type { Client, Handlers, Sender } from '../../lib/messaging';
import type { MatcherData, ToBackground, ToContent } from '../../lib/messaging/protocol';
import type { BriefingView } from '../../core/views';
import { frameCardHandlers } from './frame-cards';
import {
  exportPack,
  getArticle,
  getBriefings,
  getMatchableRecords,
  importPack,
  listPacks,
  listTopics,
  removePack,
  searchEntities,
  setPackEnabled,
} from '../../lib/db';
import type { MatchableRecords } from '../../lib/db/queries';
import {
  dataVersionOf,
  preparePageData,
  tooLargeForPages,
  type PreparedPageData,
} from './page-data';
import type { PackManifest } from './pack-manifest';
import { notEnoughStorage, storageNeeded } from './storage-room';
import type { BriefingDb } from '../../lib/db/schema';
import type { FrameMentions } from './frame-mentions';
import { highlightCss } from '../../core/highlight-css';
import { highlightSheetOptions } from '../../lib/platform';
import { HIGHLIGHT_STYLES, type Settings } from '../../core/settings';

export type Database = BriefingDb;

export interface BackgroundDeps {
  database: () => Promise<Database>;
  /** opens an extension page, e.g. "/briefing.html#wang-yi" */
  openPage: (path: string) => Promise<void>;
  reportProgress: (done: number, total: number) => void;
  /** the installed packs changed: open pages should fetch their data again */
  dataChanged: (version: string) => Promise<void>;
  /** opens the side panel for a tab (lib/platform.ts) */
  openSidePanel: (where: { tabId?: number }) => Promise<void>;
  /** the reader's settings (lib/settings-store.ts's loadSettings) */
  settings: () => Promise<Settings>;
  /** what the frames of each tab found */
  frames: FrameMentions;
  /** a client for one frame's content script (the card relay: frame-cards.ts) */
  frameClient: (tabId: number, frameId: number) => Client<ToContent>;
  /** puts a frame's highlight sheet in place (css), or takes it away (null) */
  setFrameCss: (tabId: number, frameId: number, css: string | null) => Promise<void>;
  /** the clock, for tests (Date.now) */
  now?: () => number;
  /** the imported packs, listed outside the database (pack-manifest.ts) */
  manifest: PackManifest;
  /** bytes the extension may still store (navigator.storage.estimate()), null when unknown */
  freeStorage?: () => Promise<number | null>;
  /** the most page data a pack may take pages to (page-data.ts's MAX_PAGE_DATA_CHARS), for tests */
  maxPageDataChars?: number;
}

/**
 * What only the extension's own pages may ask: a content script runs in a
 * page its owner controls (a compromised renderer can send anything a
 * content script can), so it may not read, change or export the reader's
 * packs, nor learn what other frames found.
 */
export const EXTENSION_PAGES_ONLY: ReadonlySet<keyof ToBackground> = new Set([
  'listPacks',
  'importPack',
  'removePack',
  'setPackEnabled',
  'listLostPacks',
  'dismissLostPacks',
  'exportPack',
  'getFrameMentions',
]);

/** More than a page names; a bigger question is refused, not answered slowly. */
export const MAX_BRIEFINGS_AT_ONCE = 500;
/** How many briefings the background keeps read (a few pages' worth). */
const MAX_KEPT_BRIEFINGS = 1000;

/** A card may open at most CARD_OPENS briefing or article pages per tab in CARD_OPENS_WINDOW_MS. */
export const CARD_OPENS = 4;
export const CARD_OPENS_WINDOW_MS = 10_000;

/** The handlers, with the senders each may answer: see EXTENSION_PAGES_ONLY. */
export function createHandlers(deps: BackgroundDeps): Handlers<ToBackground> {
  const handlers = createOpenHandlers(deps);
  const opened = new Map<number, number[]>();
  const guarded = { ...handlers } as Record<string, (request: unknown, sender: Sender) => unknown>;
  for (const type of EXTENSION_PAGES_ONLY)
    guarded[type] = (request, sender) => {
      if (!sender.extensionPage)
        throw new Error(`"${type}" is answered only to the extension's own pages`);
      return (handlers[type] as (r: unknown, s: Sender) => unknown)(request, sender);
    };
  // A card's "open" buttons (sent on trusted clicks only): from a web page,
  // only the briefing and article pages, and a few at a time per tab, so a
  // renderer that fakes the message cannot flood the reader with tabs.
  guarded.openPage = (request, sender) => {
    if (!sender.extensionPage) {
      const { page } = (request ?? {}) as { page?: unknown };
      if (page !== 'briefing' && page !== 'article')
        throw new Error('a web page may open only a briefing or an article');
      const now = deps.now?.() ?? Date.now();
      const tab = sender.tabId ?? -1;
      const recent = (opened.get(tab) ?? []).filter((at) => now - at < CARD_OPENS_WINDOW_MS);
      if (recent.length >= CARD_OPENS) return false;
      opened.set(tab, [...recent, now]);
    }
    return handlers.openPage(request as never, sender);
  };
  return guarded as unknown as Handlers<ToBackground>;
}

function createOpenHandlers(deps: BackgroundDeps): Handlers<ToBackground> {
  let matcherData: Promise<MatcherData> | null = null;
  /** counts the changes to the packs, so work prepared before one is not used after it */
  let changes = 0;

  const withTopics = async (db: Database, version: string, prepared: PreparedPageData) => ({
    version,
    ...prepared,
    topics: (await listTopics(db)).map(({ id, name, color }) => ({ id, name, color })),
  });
  const loadMatcherData = async (): Promise<MatcherData> => {
    const db = await deps.database();
    const [packs, records] = await Promise.all([listPacks(db), getMatchableRecords(db)]);
    return withTopics(db, dataVersionOf(packs), preparePageData(records));
  };
  const currentMatcherData = () => {
    matcherData ??= loadMatcherData();
    matcherData.catch(() => (matcherData = null));
    return matcherData;
  };
  /**
   * The briefings read so far, until the packs change: a card, the popup and
   * the side panel ask for the same few again and again, and each read goes
   * through every pack's records and articles.
   */
  const views = new Map<string, Promise<BriefingView | null>>();
  const viewsOf = async (ids: readonly string[]): Promise<Array<BriefingView | null>> => {
    const missing = [...new Set(ids.filter((id) => !views.has(id)))];
    if (missing.length) {
      const read = deps.database().then((db) => getBriefings(db, missing));
      missing.forEach((id, i) => {
        const view = read.then((found) => found[i] ?? null);
        views.set(id, view);
        view.catch(() => views.get(id) === view && views.delete(id));
      });
    }
    const answer = ids.map((id) => views.get(id)!);
    // The oldest go first: a large pack's briefings never all stay in memory.
    for (const old of views.keys()) {
      if (views.size <= MAX_KEPT_BRIEFINGS) break;
      views.delete(old);
    }
    return Promise.all(answer);
  };
  /**
   * The packs changed: pages hear of it at once (a cheap version, told
   * before the reader is answered), and the data they then ask for is built
   * when first asked, unless the change already prepared it.
   */
  const invalidate = async (prepared: PreparedPageData | null = null) => {
    changes++;
    views.clear();
    const db = await deps.database();
    const packs = await listPacks(db);
    const version = dataVersionOf(packs);
    matcherData = prepared ? withTopics(db, version, prepared) : null;
    matcherData?.catch(() => (matcherData = null));
    await deps.dataChanged(version);
    await deps.manifest.record(packs);
  };
  /** What pages would receive with the packs in use plus `records` (a pack about to replace itself). */
  const pageDataWith = (installed: MatchableRecords, records: MatchableRecords) =>
    preparePageData({
      entities: [...installed.entities, ...records.entities],
      briefings: [...installed.briefings, ...records.briefings],
    });

  return {
    ...frameCardHandlers(deps.frameClient),
    reportFrameMentions: async ({ entities }, { tabId, frameId }) => {
      // Only a content script has a tab and a frame.
      if (tabId === undefined || frameId === undefined || !Array.isArray(entities)) return;
      await deps.frames.report(tabId, frameId, entities.filter(isEntityCount));
    },
    getFrameMentions: ({ tabId }) => deps.frames.of(tabId),
    colourHighlights: async ({ style }, { tabId, frameId }) => {
      if (tabId === undefined || frameId === undefined) return;
      if (style !== null && !(HIGHLIGHT_STYLES as readonly unknown[]).includes(style))
        throw new Error(`"${String(style)}" is not a highlight style`);
      await deps.setFrameCss(
        tabId,
        frameId,
        style === null ? null : highlightCss(style, highlightSheetOptions()),
      );
    },
    getMatcherData: () => currentMatcherData(),
    getSettings: () => deps.settings(),
    openSidePanel: (_, { tabId }) => deps.openSidePanel({ tabId }),
    getBriefing: async ({ entityId }) => (await viewsOf([String(entityId)]))[0]!,
    getBriefings: ({ entityIds }) => {
      if (!Array.isArray(entityIds) || entityIds.length > MAX_BRIEFINGS_AT_ONCE)
        throw new Error(`ask for at most ${MAX_BRIEFINGS_AT_ONCE} briefings at once`);
      return viewsOf(entityIds.map(String));
    },
    searchEntities: async ({ query, limit }) => searchEntities(await deps.database(), query, limit),
    getEntities: async ({ ids }) => {
      const wanted = new Set(ids);
      const { entities } = await currentMatcherData();
      return entities.filter((e) => wanted.has(e.id));
    },
    listTopics: async () => listTopics(await deps.database()),
    listPacks: async () => listPacks(await deps.database()),
    importPack: async ({ text, fileName, replace }) => {
      const db = await deps.database();
      const before = changes;
      let prepared: PreparedPageData | null = null;
      let extended: string[] = [];
      const result = await importPack(db, text, fileName, deps.reportProgress, {
        replace: replace === true,
        vet: async (records) => {
          const free = await deps.freeStorage?.().catch(() => null);
          const needed = storageNeeded(records.meta.sizeBytes);
          if (free != null && free < needed) return notEnoughStorage(needed, free);
          const installed = await getMatchableRecords(db, { except: records.meta.id });
          // Entities other packs have too: their briefings will merge.
          const known = new Map(installed.entities.map((e) => [e.id, e.name]));
          extended = [...new Set(records.entities.flatMap((e) => known.get(e.id) ?? []))];
          // Imported now, the pack comes last in pack order: after the installed ones.
          prepared = pageDataWith(installed, records);
          return tooLargeForPages(prepared, deps.maxPageDataChars);
        },
      });
      if (!result.ok) return result;
      // Prepared with the pack on, and before any change since: use it only then.
      await invalidate(changes === before && !result.pack.disabled ? prepared : null);
      return {
        ok: true,
        value: result.pack,
        ...(result.replaced !== undefined && { replaced: result.replaced }),
        ...(extended.length > 0 && { extends: extended }),
      };
    },
    removePack: async ({ packId }) => {
      // First, so that a removal cut short is never reported as a lost pack.
      await deps.manifest.forget(packId);
      const result = await removePack(await deps.database(), packId);
      if (!result.ok) return { ok: false, problems: [{ message: result.message }] };
      await invalidate();
      return { ok: true, value: result.pack };
    },
    setPackEnabled: async ({ packId, enabled }) => {
      const db = await deps.database();
      const before = changes;
      let prepared: PreparedPageData | null = null;
      if (enabled) {
        // Switching a pack on must not take pages past what they can take in;
        // the data checked is the data pages then receive.
        prepared = preparePageData(await getMatchableRecords(db, { include: packId }));
        const objection = tooLargeForPages(prepared, deps.maxPageDataChars);
        if (objection) return { ok: false, problems: [{ message: objection }] };
      }
      const result = await setPackEnabled(db, packId, enabled === true);
      if (!result.ok) return { ok: false, problems: [{ message: result.message }] };
      await invalidate(changes === before ? prepared : null);
      return { ok: true, value: result.pack };
    },
    listLostPacks: async () => {
      // Opening the database is what checks for lost packs (once per start).
      await deps.database();
      return deps.manifest.lost();
    },
    dismissLostPacks: () => deps.manifest.dismissLost(),
    exportPack: async ({ packId }) => {
      const source = await exportPack(await deps.database(), packId).catch(() => null);
      return source
        ? { ok: true, value: source }
        : { ok: false, problems: [{ message: `No pack "${packId}" is installed.` }] };
    },
    getArticle: async ({ packId, articleId }) =>
      (await getArticle(await deps.database(), packId, articleId)) ?? null,
    openPage: async ({ page, hash }) => {
      await deps.openPage(`/${page}.html${hash ? `#${hash}` : ''}`);
      return true;
    },
  };
}

/** A content script's message is trusted only as far as its shape. */
function isEntityCount(x: unknown): x is { id: string; count: number } {
  const c = x as { id?: unknown; count?: unknown } | null;
  return typeof c?.id === 'string' && Number.isInteger(c.count) && (c.count as number) > 0;
}
