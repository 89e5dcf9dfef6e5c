/**
 * This frame's line to a side panel. A panel following the tab opens a port
 * to each of its frames (tabs.connect, PANEL_PORT); while one is open the
 * frame tells it when its names change and which name the reader is looking
 * at. With no panel open nothing is sent (no message, no wake of the
 * background), and the page sees none of it either way.
 */
import { browser, type Browser } from '../../lib/browser';
import { PANEL_PORT, type PanelEvent } from '../../lib/messaging/protocol';

/** A burst of changes (a scan pass's slices, a feed growing) goes as one message. */
export const PANEL_CHANGE_DELAY_MS = 100;

export interface PanelLink {
  /** the frame's names changed */
  changed(): void;
  /** the reader is looking at `entityId` */
  looking(entityId: string): void;
}

type Port = Browser.runtime.Port;

export function listenForPanels(signal: AbortSignal): PanelLink {
  const ports = new Set<Port>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onConnect = (port: Port) => {
    if (port.name !== PANEL_PORT) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  };
  browser.runtime.onConnect.addListener(onConnect);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    browser.runtime.onConnect.removeListener(onConnect);
    for (const port of ports) port.disconnect();
    ports.clear();
  });
  const post = (event: PanelEvent) => {
    for (const port of ports) {
      try {
        port.postMessage(event);
      } catch {
        ports.delete(port); // the panel went without a word
      }
    }
  };
  return {
    changed() {
      if (ports.size === 0 || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        post({ type: 'changed' });
      }, PANEL_CHANGE_DELAY_MS);
    },
    looking(entityId) {
      if (ports.size)
        post({ type: 'looking', entityId, at: performance.timeOrigin + performance.now() });
    },
  };
}
