// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import {
  useSettings,
  type SettingsListeners,
  type SettingsSource,
} from '../../../components/use-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';

afterEach(cleanup);

/** A settings store in memory, with the watch the pages are given. */
function store(initial: Settings = { ...DEFAULT_SETTINGS }) {
  let stored = initial;
  const listeners = new Set<(s: Settings) => void>();
  const unsubscribe = vi.fn();
  const source = {
    loadSettings: vi.fn(async () => stored),
    updateSettings: vi.fn(async (change: (s: Settings) => Settings) => (stored = change(stored))),
    watchSettings: vi.fn((listener: (s: Settings) => void) => {
      listeners.add(listener);
      return () => {
        unsubscribe();
        listeners.delete(listener);
      };
    }),
  } satisfies SettingsSource;
  /** what another page (or window) does: store, then tell every watcher */
  const elsewhere = (next: Settings) => {
    stored = next;
    act(() => listeners.forEach((l) => l(next)));
  };
  return { source, elsewhere, unsubscribe, listeners, stored: () => stored };
}

describe('useSettings', () => {
  it('is null until the settings load, then shows them, and says so once', async () => {
    const { source } = store({ ...DEFAULT_SETTINGS, hoverDelayMs: 900 });
    const loaded = vi.fn();
    const { result } = renderHook(() => useSettings(source, { loaded }));
    expect(result.current[0]).toBeNull();
    await waitFor(() => expect(result.current[0]?.hoverDelayMs).toBe(900));
    expect(source.loadSettings).toHaveBeenCalledTimes(1);
    expect(loaded).toHaveBeenCalledTimes(1);
    expect(loaded).toHaveBeenCalledWith(expect.objectContaining({ hoverDelayMs: 900 }));
  });

  it('stores a change through updateSettings and shows what was stored', async () => {
    const { source, stored } = store();
    const watched = vi.fn();
    const { result } = renderHook(() => useSettings(source, { watched }));
    await waitFor(() => expect(result.current[0]).not.toBeNull());

    let returned: Settings | undefined;
    await act(async () => {
      returned = await result.current[1]((s) => ({ ...s, paused: true }));
    });
    expect(source.updateSettings).toHaveBeenCalledTimes(1);
    expect(stored().paused).toBe(true);
    expect(result.current[0]?.paused).toBe(true);
    expect(returned?.paused).toBe(true);
    // The page's own change is not news from elsewhere.
    expect(watched).not.toHaveBeenCalled();
  });

  it('follows settings changed elsewhere, and tells the page', async () => {
    const { source, elsewhere } = store();
    const loaded = vi.fn();
    const watched = vi.fn();
    const { result } = renderHook(() => useSettings(source, { loaded, watched }));
    await waitFor(() => expect(result.current[0]).not.toBeNull());

    elsewhere({ ...DEFAULT_SETTINGS, pausedSites: ['example.org'] });
    expect(result.current[0]?.pausedSites).toEqual(['example.org']);
    expect(watched).toHaveBeenCalledTimes(1);
    expect(watched).toHaveBeenCalledWith(expect.objectContaining({ pausedSites: ['example.org'] }));
    expect(loaded).toHaveBeenCalledTimes(1);
  });

  it('calls the listeners of the latest render', async () => {
    const { source, elsewhere } = store();
    const first = vi.fn();
    const second = vi.fn();
    const { result, rerender } = renderHook(
      (watched: (s: Settings) => void) =>
        useSettings(source, { watched } satisfies SettingsListeners),
      { initialProps: first },
    );
    await waitFor(() => expect(result.current[0]).not.toBeNull());
    rerender(second);
    elsewhere({ ...DEFAULT_SETTINGS, paused: true });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('subscribes once and unsubscribes when the page goes', async () => {
    const { source, unsubscribe, listeners } = store();
    const { result, rerender, unmount } = renderHook(() => useSettings(source));
    await waitFor(() => expect(result.current[0]).not.toBeNull());
    rerender();
    expect(source.watchSettings).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(1);
    expect(unsubscribe).not.toHaveBeenCalled();
    unmount();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
  });

  it('works where nothing can be watched', async () => {
    const { source } = store();
    const { result, unmount } = renderHook(() =>
      useSettings({ loadSettings: source.loadSettings, updateSettings: source.updateSettings }),
    );
    await waitFor(() => expect(result.current[0]).not.toBeNull());
    await act(async () => {
      await result.current[1]((s) => ({ ...s, density: 'first' }));
    });
    expect(result.current[0]?.density).toBe('first');
    expect(() => unmount()).not.toThrow();
  });
});
