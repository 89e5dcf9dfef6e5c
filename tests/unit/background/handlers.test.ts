/**
 * The background's answers over a fake IndexedDB, called through the local
 * client so that they go through the same envelope and error handling as
 * real messages.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocalClient, MessagingError } from '../../../lib/messaging';
import type { ToBackground } from '../../../lib/messaging/protocol';
import type { BriefingDb } from '../../../lib/db/schema';
import { seedBundledPack } from '../../../lib/db/seed';
import {
  createHandlers,
  MAX_BRIEFINGS_AT_ONCE,
  type BackgroundDeps,
} from '../../../entrypoints/background/handlers';
import { highlightCss } from '../../../core/highlight-css';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { highlightSheetOptions } from '../../../lib/platform';
import { FrameMentions, memoryArea } from '../../../entrypoints/background/frame-mentions';
import { PackManifest } from '../../../entrypoints/background/pack-manifest';
import { bundledPack, sourcePack } from '../db/fixtures';
import { freshDb } from '../db/helpers';

const BUNDLED_VERSION = 'bundled@1.0.0';
const WITH_USER_PACK = 'bundled@1.0.0,user-pack@1.0.0';

let db: BriefingDb;
let deps: {
  database: ReturnType<typeof vi.fn<() => Promise<BriefingDb>>>;
  openPage: ReturnType<typeof vi.fn<(path: string) => Promise<void>>>;
  reportProgress: ReturnType<typeof vi.fn<(done: number, total: number) => void>>;
  dataChanged: ReturnType<typeof vi.fn<(version: string) => Promise<void>>>;
  settings: BackgroundDeps['settings'];
  openSidePanel: ReturnType<typeof vi.fn<BackgroundDeps['openSidePanel']>>;
  frames: FrameMentions;
  setFrameCss: ReturnType<typeof vi.fn<BackgroundDeps['setFrameCss']>>;
  frameClient: BackgroundDeps['frameClient'];
  manifest: PackManifest;
  freeStorage?: () => Promise<number | null>;
};
let client: ReturnType<typeof createLocalClient<ToBackground>>;

beforeEach(async () => {
  db = await freshDb();
  await seedBundledPack(db, bundledPack());
  deps = {
    database: vi.fn(() => Promise.resolve(db)),
    openPage: vi.fn(() => Promise.resolve()),
    reportProgress: vi.fn(),
    dataChanged: vi.fn(() => Promise.resolve()),
    settings: () => Promise.resolve(DEFAULT_SETTINGS),
    openSidePanel: vi.fn<BackgroundDeps['openSidePanel']>(() => Promise.resolve()),
    frames: new FrameMentions(memoryArea()),
    setFrameCss: vi.fn<BackgroundDeps['setFrameCss']>(() => Promise.resolve()),
    frameClient: () => ({
      send: () => Promise.reject(new Error('these tests send nothing to frames')),
    }),
    manifest: new PackManifest(memoryArea()),
  };
  client = createLocalClient<ToBackground>(createHandlers(deps));
});

describe('getMatcherData', () => {
  it('gives pages the installed entities, their topics and the compiled matcher', async () => {
    const data = await client.send('getMatcherData', undefined);
    expect(data.version).toBe(BUNDLED_VERSION);
    expect(data.entities.map((e) => e.id).sort()).toEqual([
      'sanae-takaichi',
      'toshimitsu-motegi',
      'wang-yi',
    ]);
    // Only what a page needs to colour and name a mention: no aliases, no exclusions.
    expect(data.entities.find((e) => e.id === 'wang-yi')).toEqual({
      id: 'wang-yi',
      kind: 'person',
      name: 'Wang Yi',
      names: { ko: '왕이', 'zh-Hans': '王毅' },
      topics: ['diplomacy'],
    });
    expect(data.topics.map((t) => t.id).sort()).toEqual(['diplomacy', 'japan-politics']);
    expect([...data.matcher.entityIds].sort()).toEqual([
      'sanae-takaichi',
      'toshimitsu-motegi',
      'wang-yi',
    ]);
    // It crosses to pages as JSON (Chromium's messages are JSON).
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('compiles once per data version, however many pages ask', async () => {
    const first = await client.send('getMatcherData', undefined);
    const [second, third] = await Promise.all([
      client.send('getMatcherData', undefined),
      client.send('getMatcherData', undefined),
    ]);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(deps.database).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failure instead of keeping it', async () => {
    deps.database.mockRejectedValueOnce(new Error('blocked by another version'));
    await expect(client.send('getMatcherData', undefined)).rejects.toThrow(
      'blocked by another version',
    );
    await expect(client.send('getMatcherData', undefined)).resolves.toMatchObject({
      version: BUNDLED_VERSION,
    });
  });

  it('answers getEntities from the same data, in data order', async () => {
    const entities = await client.send('getEntities', { ids: ['wang-yi', 'nobody'] });
    expect(entities.map((e) => e.id)).toEqual(['wang-yi']);
    expect(deps.database).toHaveBeenCalledTimes(1);
    await client.send('getMatcherData', undefined);
    expect(deps.database).toHaveBeenCalledTimes(1);
  });
});

describe('importPack', () => {
  it('answers the pack, recompiles, and tells the pages the new version', async () => {
    const before = await client.send('getMatcherData', undefined);
    const outcome = await client.send('importPack', {
      text: JSON.stringify(sourcePack()),
      fileName: 'notes.json',
    });
    expect(outcome).toMatchObject({ ok: true, value: { id: 'user-pack', bundled: false } });
    expect(deps.dataChanged.mock.calls).toEqual([[WITH_USER_PACK]]);
    expect(deps.reportProgress).toHaveBeenCalled();
    const after = await client.send('getMatcherData', undefined);
    expect(after).not.toBe(before);
    expect(after.version).toBe(WITH_USER_PACK);
    expect(after.matcher.entityIds).toContain('lee-jae-myung');
    expect(after.entities.map((e) => e.id)).toContain('gyeongju');
  });

  it('says which entities of other packs the new one adds to', async () => {
    const first = await client.send('importPack', {
      text: JSON.stringify(sourcePack()),
      fileName: 'notes.json',
    });
    // Nothing in common with the bundled pack.
    expect(first.ok && 'extends' in first).toBe(false);
    const pack = sourcePack({ id: 'other' });
    pack.entities[0] = { ...pack.entities[0]!, id: 'wang-yi', name: 'Wang Yi (notes)' };
    const outcome = await client.send('importPack', {
      text: JSON.stringify(pack),
      fileName: 'other.json',
    });
    // Named as the packs already installed name them.
    expect(outcome).toMatchObject({ ok: true, extends: ['Wang Yi', 'Gyeongju'] });
  });

  it.each([
    ['a file that is not JSON', '{ not json', /JSON/i],
    ['a pack that does not validate', JSON.stringify({ ...sourcePack(), id: '' }), /id/i],
  ])('refuses %s with problems, changing nothing', async (_, text, message) => {
    const before = await client.send('getMatcherData', undefined);
    const outcome = await client.send('importPack', { text, fileName: 'bad.json' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.length).toBeGreaterThan(0);
    expect(outcome.problems.map((p) => p.message).join('\n')).toMatch(message);
    expect(deps.dataChanged).not.toHaveBeenCalled();
    expect(await client.send('getMatcherData', undefined)).toBe(before);
  });
});

/** A client of handlers that let pages receive no more data than they receive now. */
async function clientLimitedToWhatPagesGetNow() {
  const now = await client.send('getMatcherData', undefined);
  const limit = JSON.stringify({ entities: now.entities, matcher: now.matcher }).length;
  return createLocalClient<ToBackground>(createHandlers({ ...deps, maxPageDataChars: limit }));
}

/** Imports the source pack through `client`: refused with `message`, and only the bundled pack installed. */
async function expectImportRefused(
  client: ReturnType<typeof createLocalClient<ToBackground>>,
  message: RegExp,
): Promise<void> {
  const outcome = await client.send('importPack', {
    text: JSON.stringify(sourcePack()),
    fileName: 'notes.json',
  });
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.problems[0]?.message).toMatch(message);
  expect((await client.send('listPacks', undefined)).map((p) => p.id)).toEqual(['bundled']);
}

describe('the cost of a pack to every page', () => {
  it('refuses a pack that would take the page data past the limit, naming the size', async () => {
    await expectImportRefused(
      await clientLimitedToWhatPagesGetNow(),
      /would come to about \d+\.\d MB, more than the \d+\.\d MB a page can take in.*Nothing was changed\.$/,
    );
    expect(deps.dataChanged).not.toHaveBeenCalled();
  });
});

describe('storage', () => {
  it('refuses a pack the browser has no room for, before writing anything', async () => {
    await expectImportRefused(
      createLocalClient<ToBackground>(createHandlers({ ...deps, freeStorage: async () => 1024 })),
      /^there is not enough storage for this pack: it needs about \d+\.\d MB, and the browser lets the extension store only about 0\.0 MB more\..*Nothing was changed\.$/,
    );
  });

  it('keeps the list of imported packs current, and tells the packs lost', async () => {
    await client.send('importPack', { text: JSON.stringify(sourcePack()), fileName: 'n.json' });
    // The database loses the pack behind the extension's back.
    await db.clear('packs');
    await seedBundledPack(db, bundledPack());
    expect(await deps.manifest.check(await client.send('listPacks', undefined))).toHaveLength(1);
    expect(await client.send('listLostPacks', undefined)).toEqual([
      expect.objectContaining({ id: 'user-pack', title: 'My reading notes', version: '1.0.0' }),
    ]);
    await client.send('dismissLostPacks', undefined);
    expect(await client.send('listLostPacks', undefined)).toEqual([]);
  });
});

describe('setPackEnabled', () => {
  it('takes a pack out of what pages receive, and puts it back', async () => {
    await client.send('importPack', { text: JSON.stringify(sourcePack()), fileName: 'n.json' });
    deps.dataChanged.mockClear();

    const off = await client.send('setPackEnabled', { packId: 'user-pack', enabled: false });
    expect(off).toMatchObject({ ok: true, value: { id: 'user-pack', disabled: true } });
    expect(deps.dataChanged.mock.calls).toEqual([[BUNDLED_VERSION]]);
    const without = await client.send('getMatcherData', undefined);
    expect(without.matcher.entityIds).not.toContain('lee-jae-myung');
    expect(await client.send('getBriefing', { entityId: 'lee-jae-myung' })).toBeNull();
    expect((await client.send('listPacks', undefined)).map((p) => p.id)).toContain('user-pack');

    const on = await client.send('setPackEnabled', { packId: 'user-pack', enabled: true });
    expect(on.ok && on.value.disabled).toBe(undefined);
    expect(deps.dataChanged.mock.calls.at(-1)).toEqual([WITH_USER_PACK]);
    const back = await client.send('getMatcherData', undefined);
    expect(back.matcher.entityIds).toContain('lee-jae-myung');
    expect(await client.send('getBriefing', { entityId: 'lee-jae-myung' })).not.toBeNull();
  });

  it('will not switch on a pack that would take pages past the limit', async () => {
    await client.send('importPack', { text: JSON.stringify(sourcePack()), fileName: 'n.json' });
    await client.send('setPackEnabled', { packId: 'user-pack', enabled: false });
    const limited = await clientLimitedToWhatPagesGetNow();
    const outcome = await limited.send('setPackEnabled', { packId: 'user-pack', enabled: true });
    expect(outcome).toMatchObject({ ok: false });
    expect(
      (await limited.send('listPacks', undefined)).find((p) => p.id === 'user-pack'),
    ).toMatchObject({ disabled: true });
  });

  it('says so for a pack that is not installed', async () => {
    expect(await client.send('setPackEnabled', { packId: 'nope', enabled: false })).toEqual({
      ok: false,
      problems: [{ message: 'No pack with the id "nope" is installed.' }],
    });
  });
});

describe('removePack', () => {
  it('answers the removed pack, recompiles, and tells the pages', async () => {
    await client.send('importPack', { text: JSON.stringify(sourcePack()), fileName: 'n.json' });
    deps.dataChanged.mockClear();
    const outcome = await client.send('removePack', { packId: 'user-pack' });
    expect(outcome).toMatchObject({ ok: true, value: { id: 'user-pack' } });
    expect(deps.dataChanged.mock.calls).toEqual([[BUNDLED_VERSION]]);
    const data = await client.send('getMatcherData', undefined);
    expect(data.version).toBe(BUNDLED_VERSION);
    expect(data.matcher.entityIds).not.toContain('lee-jae-myung');
  });

  it.each([
    [
      'the bundled pack',
      'bundled',
      '"Bundled briefings" is the pack that comes with the extension and cannot be removed.',
    ],
    ['a pack that is not installed', 'nope', 'No pack with the id "nope" is installed.'],
  ])('refuses %s as problems, not as an error', async (_, packId, message) => {
    expect(await client.send('removePack', { packId })).toEqual({
      ok: false,
      problems: [{ message }],
    });
    expect(deps.dataChanged).not.toHaveBeenCalled();
  });
});

describe('exportPack', () => {
  it('answers the source of an imported pack', async () => {
    await client.send('importPack', { text: JSON.stringify(sourcePack()), fileName: 'n.json' });
    expect(await client.send('exportPack', { packId: 'user-pack' })).toEqual({
      ok: true,
      value: sourcePack(),
    });
  });

  it('refuses a pack that is not installed as problems', async () => {
    expect(await client.send('exportPack', { packId: 'nope' })).toEqual({
      ok: false,
      problems: [{ message: 'No pack "nope" is installed.' }],
    });
  });
});

describe('queries', () => {
  it('answers null for the briefing of an unknown entity, and the view of a known one', async () => {
    expect(await client.send('getBriefing', { entityId: 'nobody' })).toBeNull();
    const view = await client.send('getBriefing', { entityId: 'wang-yi' });
    expect(view).toMatchObject({ entity: { id: 'wang-yi' }, packIds: ['bundled'] });
  });

  it('answers the briefings as the packs now are, before and after an import and a removal', async () => {
    const lee = () => client.send('getBriefings', { entityIds: ['lee-jae-myung', 'wang-yi'] });
    expect((await lee())[0]).toBeNull();
    const imported = await client.send('importPack', {
      text: JSON.stringify(sourcePack()),
      fileName: 'notes.json',
    });
    expect(imported.ok).toBe(true);
    const [view, wang] = await lee();
    expect(view).toMatchObject({ entity: { id: 'lee-jae-myung' }, packIds: ['user-pack'] });
    expect(wang).toEqual(await client.send('getBriefing', { entityId: 'wang-yi' }));
    await client.send('removePack', { packId: 'user-pack' });
    expect(await client.send('getBriefing', { entityId: 'lee-jae-myung' })).toBeNull();
  });

  it('refuses a question for more briefings than a page can name', async () => {
    const entityIds = Array.from({ length: MAX_BRIEFINGS_AT_ONCE + 1 }, (_, i) => `e${i}`);
    await expect(client.send('getBriefings', { entityIds })).rejects.toThrow(/at most/);
  });

  it('answers null for an unknown article, and the article of a known one', async () => {
    expect(await client.send('getArticle', { packId: 'bundled', articleId: 'nope' })).toBeNull();
    expect(await client.send('getArticle', { packId: 'nope', articleId: 'call' })).toBeNull();
    expect(await client.send('getArticle', { packId: 'bundled', articleId: 'call' })).toMatchObject(
      { id: 'call', title: 'Article call' },
    );
  });

  it('lists packs and topics, and searches entities', async () => {
    expect((await client.send('listPacks', undefined)).map((p) => p.id)).toEqual(['bundled']);
    expect((await client.send('listTopics', undefined)).map((t) => t.id).sort()).toEqual([
      'diplomacy',
      'japan-politics',
    ]);
    const hits = await client.send('searchEntities', { query: 'wang', limit: 5 });
    expect(hits.map((h) => h.id)).toEqual(['wang-yi']);
  });

  it('fails, as an error, when the database cannot be opened', async () => {
    deps.database.mockRejectedValue(new Error('quota exceeded'));
    await expect(client.send('getBriefing', { entityId: 'wang-yi' })).rejects.toThrow(
      MessagingError,
    );
    await expect(client.send('listPacks', undefined)).rejects.toThrow('quota exceeded');
  });
});

describe('openPage', () => {
  it.each([
    [{ page: 'briefing' as const, hash: 'wang-yi' }, '/briefing.html#wang-yi'],
    [{ page: 'article' as const, hash: 'bundled/call/0-10' }, '/article.html#bundled/call/0-10'],
    [{ page: 'options' as const }, '/options.html'],
  ])('opens %o at %s', async (request, path) => {
    expect(await client.send('openPage', request)).toBe(true);
    expect(deps.openPage.mock.calls).toEqual([[path]]);
  });
});

describe('frames report what they found', () => {
  const wang = { id: 'wang-yi', count: 2 };
  const xi = { id: 'xi-jinping', count: 1 };

  it('sums the frames of a tab below its top frame, per entity', async () => {
    const handlers = createHandlers(deps);
    await handlers.reportFrameMentions({ entities: [wang, xi] }, { tabId: 7, frameId: 3 });
    await handlers.reportFrameMentions({ entities: [wang] }, { tabId: 7, frameId: 4 });
    await handlers.reportFrameMentions({ entities: [xi] }, { tabId: 8, frameId: 3 });
    expect(await client.send('getFrameMentions', { tabId: 7 })).toEqual([
      { id: 'wang-yi', count: 4 },
      { id: 'xi-jinping', count: 1 },
    ]);
  });

  it('replaces a frame’s counts, forgets a frame that went, and the tab when its page goes', async () => {
    const handlers = createHandlers(deps);
    await handlers.reportFrameMentions({ entities: [wang] }, { tabId: 7, frameId: 3 });
    await handlers.reportFrameMentions({ entities: [xi] }, { tabId: 7, frameId: 3 });
    expect(await client.send('getFrameMentions', { tabId: 7 })).toEqual([xi]);
    await handlers.reportFrameMentions({ entities: [wang] }, { tabId: 7, frameId: 5 });
    await handlers.reportFrameMentions({ entities: [] }, { tabId: 7, frameId: 3 });
    expect(await client.send('getFrameMentions', { tabId: 7 })).toEqual([wang]);
    await handlers.reportFrameMentions({ entities: [] }, { tabId: 7, frameId: 0 });
    expect(await client.send('getFrameMentions', { tabId: 7 })).toEqual([]);
  });

  it('keeps every report of frames that answer at once', async () => {
    const handlers = createHandlers(deps);
    await Promise.all(
      [1, 2, 3, 4, 5].map((frameId) =>
        handlers.reportFrameMentions({ entities: [wang] }, { tabId: 7, frameId }),
      ),
    );
    expect(await client.send('getFrameMentions', { tabId: 7 })).toEqual([
      { id: 'wang-yi', count: 10 },
    ]);
  });

  it('ignores reports from outside a content script, and counts of the wrong shape', async () => {
    const handlers = createHandlers(deps);
    await client.send('reportFrameMentions', { entities: [wang] });
    await handlers.reportFrameMentions(
      { entities: [{ id: 'x', count: -1 }, { id: 3, count: 1 } as never, xi] },
      { tabId: 7, frameId: 2 },
    );
    expect(await client.send('getFrameMentions', { tabId: 7 })).toEqual([xi]);
  });
});

describe('colourHighlights', () => {
  it('colours the asking frame with the style’s sheet, and takes it away on null', async () => {
    const handlers = createHandlers(deps);
    await handlers.colourHighlights({ style: 'subtle' }, { tabId: 4, frameId: 2 });
    await handlers.colourHighlights({ style: null }, { tabId: 4, frameId: 2 });
    expect(deps.setFrameCss.mock.calls).toEqual([
      [4, 2, highlightCss('subtle', highlightSheetOptions())],
      [4, 2, null],
    ]);
  });

  it('refuses a style it does not know, and ignores senders without a frame', async () => {
    const handlers = createHandlers(deps);
    await expect(
      handlers.colourHighlights(
        { style: 'x} body{display:none' as never },
        { tabId: 4, frameId: 0 },
      ),
    ).rejects.toThrow('is not a highlight style');
    await handlers.colourHighlights({ style: 'underline' }, {});
    expect(deps.setFrameCss).not.toHaveBeenCalled();
  });
});
