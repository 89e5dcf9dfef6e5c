/**
 * The background as the extension runs it, with WXT's fake browser and a
 * fresh fake IndexedDB per test: messages come in through runtime.onMessage,
 * commands through commands.onCommand, and what it sends goes out through
 * tabs.sendMessage, runtime.sendMessage (pushes) and storage.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import bundled from '../../../assets/bundled-pack.json';
import { backgroundClient, onPush } from '../../../lib/messaging';
import type { Pushes } from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { SETTINGS_KEY } from '../../../lib/settings-store';
import { listPacks, openBriefingDb } from '../../../lib/db';
import { startBackground } from '../../../entrypoints/background/service';
import { CARD_OPENS } from '../../../entrypoints/background/handlers';
import { sourcePack } from '../db/fixtures';
import { fakeEvent } from '../content/helpers';

const BUNDLED_VERSION = `${bundled.id}@${bundled.version}`;

let factory: IDBFactory;
let onCommand: ReturnType<typeof fakeEvent<[string, { id?: number } | undefined]>>;
let sendToTab: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  // Each test gets its own empty database.
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  // WXT's fake browser implements neither commands.onCommand nor tabs.sendMessage.
  onCommand = fakeEvent();
  (fakeBrowser.commands as unknown as { onCommand: unknown }).onCommand = onCommand;
  sendToTab = vi.fn(() => Promise.resolve({ ok: true, value: true }));
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(sendToTab as never);
  // What runtime.sendMessage carries in a browser: the sender's address, here
  // the options page's (the fake browser gives none).
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, {
      url: fakeBrowser.runtime.getURL('/options.html'),
    } as never);
    return answers.find((answer) => answer !== undefined);
  }) as never);
  startBackground();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('startBackground: messages', () => {
  it('answers requests through runtime.onMessage, seeding the bundled pack first', async () => {
    const packs = await backgroundClient.send('listPacks', undefined);
    expect(packs).toEqual([
      expect.objectContaining({ id: bundled.id, version: bundled.version, bundled: true }),
    ]);
    const data = await backgroundClient.send('getMatcherData', undefined);
    expect(data.version).toBe(BUNDLED_VERSION);
    expect(data.entities.map((e) => e.id)).toContain('wang-yi');
  });

  it('leaves messages that are not its own to other listeners', async () => {
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { channel: 'briefing-lens', type: 'getPageMentions', request: undefined },
      {},
    );
    expect(answers).toEqual([undefined]);
  });

  it('opens extension pages in a new tab', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await backgroundClient.send('openPage', { page: 'briefing', hash: 'wang-yi' })).toBe(
      true,
    );
    expect(created).toHaveBeenCalledWith({
      url: fakeBrowser.runtime.getURL('/briefing.html#wang-yi'),
    });
  });

  it('seeds on install, before any page asks', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () => {
      const db = await openBriefingDb({ factory });
      try {
        expect((await listPacks(db)).map((p) => p.id)).toEqual([bundled.id]);
      } finally {
        db.close();
      }
    });
  });
});

describe('startBackground: importing a pack', () => {
  it('pushes its progress to the extension’s pages and tells open pages the new version', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/story' });
    const progress: Array<Pushes['importProgress']> = [];
    const unsubscribe = onPush('importProgress', (payload) => progress.push(payload));
    const outcome = await backgroundClient.send('importPack', {
      text: JSON.stringify(sourcePack()),
      fileName: 'notes.json',
    });
    unsubscribe();
    expect(outcome).toMatchObject({ ok: true, value: { id: 'user-pack' } });
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(progress.map((p) => p.done)).toEqual(
      [...progress.map((p) => p.done)].sort((a, b) => a - b),
    );
    const version = `${BUNDLED_VERSION},user-pack@1.0.0`;
    // To every frame of the tab: no frame id.
    expect(sendToTab).toHaveBeenCalledWith(tab.id, {
      channel: 'briefing-lens',
      push: 'packsChanged',
      payload: { version },
    });
    expect((await backgroundClient.send('getMatcherData', undefined)).version).toBe(version);
  });
});

describe('startBackground: settings', () => {
  it('tells every tab a change of the settings, which content scripts may not read themselves', async () => {
    const tabs = await Promise.all(
      ['https://a.example/', 'https://b.example/'].map((url) => fakeBrowser.tabs.create({ url })),
    );
    const paused = { ...DEFAULT_SETTINGS, pausedSites: ['a.example'] };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: paused });
    await vi.waitFor(() => {
      for (const tab of tabs)
        expect(sendToTab).toHaveBeenCalledWith(tab.id, {
          channel: 'briefing-lens',
          push: 'settingsChanged',
          payload: expect.objectContaining({ pausedSites: ['a.example'] }),
        });
    });
  });
});

describe('startBackground: the next-mention command', () => {
  it('asks the tab’s top frame to focus its next mention', async () => {
    await onCommand.trigger('next-mention', { id: 7 });
    expect(sendToTab).toHaveBeenCalledWith(
      7,
      { channel: 'briefing-lens', type: 'focusNextMention', request: {} },
      { frameId: 0 },
    );
  });

  it('asks it for the previous mention on the previous-mention command', async () => {
    await onCommand.trigger('previous-mention', { id: 7 });
    expect(sendToTab).toHaveBeenCalledWith(
      7,
      { channel: 'briefing-lens', type: 'focusNextMention', request: { backwards: true } },
      { frameId: 0 },
    );
  });

  it.each([
    ['another command', 'something-else', { id: 7 }],
    ['a command without a tab', 'next-mention', undefined],
    ['a tab without an id', 'next-mention', {}],
  ])('sends nothing for %s', async (_, command, tab) => {
    await onCommand.trigger(command, tab);
    expect(sendToTab).not.toHaveBeenCalled();
  });

  it('stays quiet on a page where content scripts cannot run', async () => {
    // An unhandled rejection would fail the run: vitest reports every one.
    sendToTab.mockRejectedValueOnce(new Error('Could not establish connection.'));
    await expect(onCommand.trigger('next-mention', { id: 7 })).resolves.toBeDefined();
    expect(sendToTab).toHaveBeenCalledTimes(1);
  });
});

describe('startBackground: packs the database lost', () => {
  it('notices at its next start that an imported pack is gone, and says which', async () => {
    const outcome = await backgroundClient.send('importPack', {
      text: JSON.stringify(sourcePack()),
      fileName: 'notes.json',
    });
    expect(outcome.ok).toBe(true);
    expect(await backgroundClient.send('listLostPacks', undefined)).toEqual([]);

    // The browser clears the extension's IndexedDB (storage pressure, a full
    // disk): the next worker finds an empty database and re-seeds it.
    vi.stubGlobal('indexedDB', new IDBFactory());
    fakeBrowser.runtime.onMessage.removeAllListeners?.();
    startBackground();
    // Asked first, before anything else opened the database.
    const lost = backgroundClient.send('listLostPacks', undefined);
    const packs = await backgroundClient.send('listPacks', undefined);
    expect(packs.map((p) => p.id)).toEqual([bundled.id]);
    expect(await lost).toEqual([
      {
        id: 'user-pack',
        title: 'My reading notes',
        version: '1.0.0',
        importedAt: expect.any(String),
      },
    ]);
  });
});

describe('startBackground: who may ask what', () => {
  /** A message as a content script sends it: from a web page of a tab. */
  const fromPage = async (type: string, request: unknown) => {
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { channel: 'briefing-lens', type, request },
      { tab: { id: 4 }, frameId: 0, url: 'https://news.example/story' } as never,
    );
    return answers.find((answer) => answer !== undefined) as unknown as {
      ok: boolean;
      value?: unknown;
      error?: string;
    };
  };

  it.each([
    ['listPacks', undefined],
    ['exportPack', { packId: 'bundled' }],
    ['removePack', { packId: 'bundled' }],
    ['setPackEnabled', { packId: 'bundled', enabled: false }],
    ['importPack', { text: JSON.stringify(sourcePack()), fileName: 'pack.json' }],
    ['getFrameMentions', { tabId: 4 }],
  ])('refuses %s from a web page, and answers the options page', async (type, request) => {
    const reply = await fromPage(type, request);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/only to the extension/) });
    const packs = await backgroundClient.send('listPacks', undefined);
    expect(packs.map((p) => [p.id, p.disabled])).toEqual([[bundled.id, undefined]]);
  });

  it('lets a card open a briefing or an article, a few at a time, and nothing else', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    // The clock stands still: every request below comes within the second.
    vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    expect(await fromPage('openPage', { page: 'briefing', hash: 'wang-yi' })).toEqual({
      ok: true,
      value: true,
    });
    // Ten more at once, as a renderer faking clicks would send them: the
    // first few open, the rest do not.
    const answers = [];
    for (let i = 0; i < 10; i++)
      answers.push(await fromPage('openPage', { page: 'briefing', hash: `x${i}` }));
    expect(answers.map((a) => a.value)).toEqual([
      ...Array<boolean>(CARD_OPENS - 1).fill(true),
      ...Array<boolean>(11 - CARD_OPENS).fill(false),
    ]);
    expect(await fromPage('openPage', { page: 'options' })).toEqual({
      ok: false,
      error: expect.stringMatching(/only a briefing or an article/),
    });
    expect(created).toHaveBeenCalledTimes(CARD_OPENS);
  });

  it('answers a web page what it needs: the matcher and briefings', async () => {
    expect(await fromPage('getBriefing', { entityId: 'wang-yi' })).toMatchObject({ ok: true });
    expect(await fromPage('getMatcherData', undefined)).toMatchObject({ ok: true });
    expect(await fromPage('getSettings', undefined)).toEqual({
      ok: true,
      value: expect.objectContaining({ highlightStyle: DEFAULT_SETTINGS.highlightStyle }),
    });
  });
});
