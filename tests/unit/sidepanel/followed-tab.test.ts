/**
 * Which tab the side panel follows, with WXT's fake browser standing in for
 * tabs and windows (its getCurrent answers differently from a browser's, so
 * each test says what the panel's own tab and window are), and a fake port
 * for tabs.connect.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { followTab, type FollowedTabEvents } from '../../../entrypoints/sidepanel/followed-tab';
import { pushToPages } from '../../../lib/messaging';
import { fakeEvent } from '../content/helpers';

type Activated = { tabId: number; windowId: number };

let onActivated: ReturnType<typeof fakeEvent<[Activated]>>;
let onFocusChanged: ReturnType<typeof fakeEvent<[number]>>;
let active: Map<number, number>;
let connected: Array<{ tabId: number; port: ReturnType<typeof fakePort> }>;
let stop: AbortController;

function fakePort() {
  return {
    name: 'briefing-lens-panel',
    onMessage: fakeEvent<[unknown]>(),
    onDisconnect: fakeEvent<[]>(),
    postMessage: vi.fn(),
    disconnect: vi.fn(),
  };
}

function events() {
  return {
    switched: vi.fn<FollowedTabEvents['switched']>(),
    changed: vi.fn<FollowedTabEvents['changed']>(),
    looking: vi.fn<FollowedTabEvents['looking']>(),
  };
}

/** The panel's own tab (undefined: in the browser's side panel) and window. */
function panelIn(own: { id: number; windowId: number; active: boolean } | undefined, windowId = 1) {
  vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(own as never);
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: windowId } as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  stop = new AbortController();
  // Window 1 shows tab 11, window 2 tab 21.
  active = new Map([
    [1, 11],
    [2, 21],
  ]);
  connected = [];
  onActivated = fakeEvent();
  onFocusChanged = fakeEvent();
  Object.assign(fakeBrowser.tabs, { onActivated });
  Object.assign(fakeBrowser.windows, { onFocusChanged });
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (q: { windowId: number }) => {
    const id = active.get(q.windowId);
    return id === undefined ? [] : [{ id }];
  }) as never);
  vi.spyOn(fakeBrowser.windows, 'getAll').mockResolvedValue([
    { id: 1, focused: false, type: 'normal' },
    { id: 2, focused: true, type: 'normal' },
  ] as never);
  vi.spyOn(fakeBrowser.windows, 'get').mockImplementation((async (id: number) => ({
    id,
    type: id === 3 ? 'popup' : 'normal',
  })) as never);
  vi.spyOn(fakeBrowser.tabs, 'connect').mockImplementation(((tabId: number) => {
    const port = fakePort();
    connected.push({ tabId, port });
    return port;
  }) as never);
  // What a content script's runtime message carries: its tab.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    await fakeBrowser.runtime.onMessage.trigger(message, { tab: { id: 21 } } as never);
  }) as never);
});

afterEach(() => stop.abort());

describe('followTab in the browser’s side panel', () => {
  it('follows the active tab of its window, and connects to every frame of it', async () => {
    panelIn(undefined, 1);
    const heard = events();
    await followTab(heard, stop.signal);
    expect(heard.switched.mock.calls).toEqual([[11]]);
    expect(connected.map((c) => c.tabId)).toEqual([11]);
    // Another window's tab switch is not ours; ours is.
    await onActivated.trigger({ tabId: 21, windowId: 2 });
    await onActivated.trigger({ tabId: 12, windowId: 1 });
    expect(heard.switched.mock.calls).toEqual([[11], [12]]);
    expect(connected[0]!.port.disconnect).toHaveBeenCalled();
    expect(connected.map((c) => c.tabId)).toEqual([11, 12]);
  });

  it('passes on what the tab’s frames say', async () => {
    panelIn(undefined, 1);
    const heard = events();
    await followTab(heard, stop.signal);
    const { port } = connected[0]!;
    await port.onMessage.trigger({ type: 'changed' });
    await port.onMessage.trigger({ type: 'looking', entityId: 'wang-yi', at: 5 });
    expect(heard.changed).toHaveBeenCalledTimes(1);
    expect(heard.looking).toHaveBeenCalledWith('wang-yi', 5);
  });

  it('connects again when a new page in its tab is scanned, and only for its tab', async () => {
    panelIn(undefined, 2);
    const heard = events();
    await followTab(heard, stop.signal);
    expect(connected.map((c) => c.tabId)).toEqual([21]);
    await pushToPages('pageReady', {});
    expect(connected.map((c) => c.tabId)).toEqual([21, 21]);
    expect(heard.changed).toHaveBeenCalledTimes(1);
    stop.abort();
    expect(connected[1]!.port.disconnect).toHaveBeenCalled();
  });
});

describe('followTab as a page of its own', () => {
  it('follows the browser window the reader is in, not itself', async () => {
    // The panel is the tab shown in window 3, a window of its own.
    active.set(3, 31);
    panelIn({ id: 31, windowId: 3, active: true }, 3);
    const heard = events();
    await followTab(heard, stop.signal);
    expect(heard.switched.mock.calls).toEqual([[21]]);
    // The reader goes to window 1; a popup window of its own does not count.
    await onFocusChanged.trigger(1);
    await vi.waitFor(() => expect(heard.switched.mock.calls).toEqual([[21], [11]]));
    await onFocusChanged.trigger(3);
    await onFocusChanged.trigger(-1);
    expect(heard.switched).toHaveBeenCalledTimes(2);
  });

  it('follows its own window when it is a tab in the background there', async () => {
    panelIn({ id: 13, windowId: 1, active: false }, 1);
    const heard = events();
    await followTab(heard, stop.signal);
    expect(heard.switched.mock.calls).toEqual([[11]]);
    // Brought to the front itself: it keeps showing the tab it followed.
    await onActivated.trigger({ tabId: 13, windowId: 1 });
    expect(heard.switched).toHaveBeenCalledTimes(1);
  });

  it('says so when there is no tab to follow', async () => {
    active.clear();
    panelIn(undefined, 1);
    const heard = events();
    await followTab(heard, stop.signal);
    expect(heard.switched.mock.calls).toEqual([[null]]);
  });
});
