import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';
import {
  loadSettings,
  PAUSED_SITES_KEY,
  saveSettings,
  SETTINGS_KEY,
  updateSettings,
  watchSettings,
} from '../../../lib/settings-store';

// The first release's shape (see core/settings: fromVersion1).
const V1 = { topics: { 'north-korea-nuclear': false }, highlight: 'first', delay: 800 };
const stored = async () => (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
const storedSites = async () =>
  (await fakeBrowser.storage.local.get(PAUSED_SITES_KEY))[PAUSED_SITES_KEY];

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loadSettings', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates an old shape as it reads, and leaves storage as it was', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: V1 });
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      disabledTopics: ['north-korea-nuclear'],
      density: 'first',
      hoverDelayMs: 800,
    });
    expect(await stored()).toEqual(V1);
  });

  it('reads from sync storage only (settings follow the reader)', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, paused: true } });
    expect((await loadSettings()).paused).toBe(false);
  });
});

describe('saveSettings and updateSettings', () => {
  it('saves valid settings, repairing what is not; the paused sites in local storage', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, hoverDelayMs: 5, pausedSites: ['www.Example.com'] });
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 150, pausedSites: [] });
    expect(await storedSites()).toEqual(['example.com']);
    expect((await loadSettings()).pausedSites).toEqual(['example.com']);
  });

  it('keeps 5,000 paused sites, which no sync item could hold', async () => {
    const sites = Array.from({ length: 5000 }, (_, i) => `site-${i}.news.example`);
    await saveSettings({ ...DEFAULT_SETTINGS, pausedSites: sites });
    expect(JSON.stringify(await storedSites()).length).toBeGreaterThan(100 * 1024);
    expect((await loadSettings()).pausedSites).toEqual(sites);
    expect(JSON.stringify(await stored()).length).toBeLessThan(1024);
  });

  it('reads the paused sites an earlier version kept in the sync item, and moves them on save', async () => {
    await fakeBrowser.storage.sync.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, pausedSites: ['old.example'] },
    });
    expect((await loadSettings()).pausedSites).toEqual(['old.example']);
    await updateSettings((s) => ({ ...s, pausedSites: [...s.pausedSites, 'new.example'] }));
    expect(await storedSites()).toEqual(['old.example', 'new.example']);
    expect(((await stored()) as Settings).pausedSites).toEqual([]);
  });

  it('rejects when the browser refuses a write, and the paused sites are written first', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES'));
    await expect(
      saveSettings({ ...DEFAULT_SETTINGS, pausedSites: ['a.example'], paused: true }),
    ).rejects.toThrow('QUOTA_BYTES');
    expect(await storedSites()).toEqual(['a.example']);
    expect((await loadSettings()).paused).toBe(false);
  });

  it('applies a change to what is stored, saves it and returns it', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: V1 });
    const next = await updateSettings((current) => ({ ...current, paused: true }));
    expect(next).toEqual({
      ...DEFAULT_SETTINGS,
      disabledTopics: ['north-korea-nuclear'],
      density: 'first',
      hoverDelayMs: 800,
      paused: true,
    });
    // The old shape is gone from storage: what is stored is today's.
    expect(await stored()).toEqual(next);
    expect(await loadSettings()).toEqual(next);
  });
});

describe('watchSettings', () => {
  it('calls the listener with each change, migrated, until the signal aborts', async () => {
    const controller = new AbortController();
    const seen: Settings[] = [];
    watchSettings((settings) => seen.push(settings), controller.signal);
    await saveSettings({ ...DEFAULT_SETTINGS, density: 'none' });
    // Written by an older version of the extension on another machine.
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: V1 });
    expect(seen.map((s) => s.density)).toEqual(['none', 'first']);
    expect(seen[1]!.hoverDelayMs).toBe(800);

    controller.abort();
    await saveSettings({ ...DEFAULT_SETTINGS, paused: true });
    expect(seen).toHaveLength(2);
  });

  it('calls the listener when the paused sites change in local storage', async () => {
    const seen: string[][] = [];
    watchSettings((settings) => seen.push(settings.pausedSites), new AbortController().signal);
    await fakeBrowser.storage.local.set({ [PAUSED_SITES_KEY]: ['x.example'] });
    await vi.waitFor(() => expect(seen).toEqual([['x.example']]));
  });

  it('gives the defaults when the settings are removed', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, paused: true });
    const listener = vi.fn();
    watchSettings(listener, new AbortController().signal);
    await fakeBrowser.storage.sync.remove(SETTINGS_KEY);
    expect(listener).toHaveBeenCalledWith(DEFAULT_SETTINGS);
  });

  it.each([
    ['another key in sync storage', () => fakeBrowser.storage.sync.set({ other: 1 })],
    [
      'the same key in local storage',
      () => fakeBrowser.storage.local.set({ [SETTINGS_KEY]: DEFAULT_SETTINGS }),
    ],
  ])('ignores %s', async (_, change) => {
    const listener = vi.fn();
    watchSettings(listener, new AbortController().signal);
    await change();
    expect(listener).not.toHaveBeenCalled();
  });
});
