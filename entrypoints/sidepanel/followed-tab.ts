/**
 * Which tab the side panel is about, and what it hears from that tab.
 *
 * - In the browser's side panel (Chromium) or sidebar (Firefox): the active
 *   tab of the panel's own window, followed as the reader switches tabs.
 * - Opened as a page of its own (its address in a tab, or a window beside the
 *   browser's): the active tab of its window, unless that is the panel
 *   itself; then that of the browser window the reader was last in.
 *
 * While it follows a tab it keeps a port open to every frame of it
 * (PANEL_PORT, content/panel-link.ts), which tells it when the names change
 * and which one the reader looks at. A document that loads in the tab says
 * so once scanned (the `pageReady` push), and the panel connects to it then.
 */
import { browser, type Browser } from '../../lib/browser';
import { onPush } from '../../lib/messaging';
import { PANEL_PORT, type PanelEvent } from '../../lib/messaging/protocol';

export interface FollowedTabEvents {
  /** the panel is now about this tab (null: no tab to follow) */
  switched(tabId: number | null): void;
  /** the followed tab's names changed, or a new page in it was scanned */
  changed(): void;
  /** the reader looks at `entityId` in the followed tab; `at` on the shared clock */
  looking(entityId: string, at: number): void;
}

type Port = Browser.runtime.Port;

const NO_WINDOW = -1; // windows.WINDOW_ID_NONE

export async function followTab(events: FollowedTabEvents, signal: AbortSignal): Promise<void> {
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  let windowId: number | undefined;
  let tabId: number | null = null;
  let port: Port | null = null;

  const connect = () => {
    port?.disconnect();
    port = null;
    if (tabId === null || signal.aborted) return;
    const opened = browser.tabs.connect(tabId, { name: PANEL_PORT });
    opened.onMessage.addListener((message) => {
      const event = message as PanelEvent;
      if (event.type === 'changed') events.changed();
      else if (event.type === 'looking') events.looking(event.entityId, event.at);
    });
    // The page went (a navigation, a crash): the next one announces itself.
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
    });
    port = opened;
  };
  const follow = (next: number | null) => {
    if (next === tabId || signal.aborted) return;
    tabId = next;
    connect();
    events.switched(next);
  };
  const activeTabOf = async (id: number | undefined) =>
    id === undefined
      ? null
      : ((await browser.tabs.query({ active: true, windowId: id }))[0]?.id ?? null);
  /** The window a panel of its own follows: its own, unless it is the tab shown there; else the last focused. */
  const readingWindow = async () => {
    if (own && !own.active) return own.windowId;
    const windows = await browser.windows.getAll({ windowTypes: ['normal'] });
    const others = windows.filter((w) => w.id !== own?.windowId);
    return (others.find((w) => w.focused) ?? others[0])?.id;
  };

  const onActivated = ({ tabId: id, windowId: where }: { tabId: number; windowId: number }) => {
    if (where === windowId && id !== own?.id) follow(id);
  };
  const onRemoved = (id: number) => {
    if (id !== tabId) return;
    tabId = null;
    void activeTabOf(windowId).then(follow);
  };
  const onFocusChanged = async (id: number) => {
    if (id === NO_WINDOW || id === windowId || id === own?.windowId) return;
    const focused = await browser.windows.get(id).catch(() => undefined);
    if (focused?.type !== 'normal') return;
    windowId = id;
    follow(await activeTabOf(id));
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onRemoved.addListener(onRemoved);
  if (own) browser.windows.onFocusChanged.addListener(onFocusChanged);
  const stopReady = onPush('pageReady', (_, from) => {
    if (from.tabId === undefined || from.tabId !== tabId) return;
    connect();
    events.changed();
  });
  signal.addEventListener('abort', () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onRemoved.removeListener(onRemoved);
    browser.windows.onFocusChanged.removeListener(onFocusChanged);
    stopReady();
    port?.disconnect();
  });

  windowId = own ? await readingWindow() : (await browser.windows.getCurrent()).id;
  follow(await activeTabOf(windowId));
  // No tab at all: say so, rather than wait.
  if (tabId === null) events.switched(null);
}
