/**
 * Typed request/response messaging over runtime/tabs messages.
 *
 * A hand-written 60-line layer rather than a library: it is bundled into the
 * content script of every page, and all it needs is a typed envelope, errors
 * as values and a fake for tests (`createLocalClient`).
 */
import { browser } from '../browser';
import type {
  Envelope,
  Pushes,
  PushEnvelope,
  Reply,
  RequestOf,
  ResponseOf,
  ToBackground,
  ToContent,
} from './protocol';

/**
 * Who sent a message: the tab and frame it came from, and whether it is one
 * of the extension's own pages (popup, options, briefing) rather than a
 * content script, which runs in a web page the page's owner controls.
 */
export interface Sender {
  tabId?: number;
  frameId?: number;
  /** the sending frame's address, as the browser reports it */
  url?: string;
  extensionPage?: boolean;
}

/** Whether the runtime sender is one of our own pages: its address is in our origin. */
function isExtensionPage(sender: { url?: string }): boolean {
  const origin = browser.runtime.getURL('/');
  return typeof sender.url === 'string' && sender.url.startsWith(origin);
}

export type Handlers<P> = {
  [K in keyof P]: (
    request: RequestOf<P, K>,
    sender: Sender,
  ) => Promise<ResponseOf<P, K>> | ResponseOf<P, K>;
};

/** How the UI talks to the background; the real one sends messages, tests use a local one. */
export interface Client<P> {
  send<K extends keyof P>(type: K, request: RequestOf<P, K>): Promise<ResponseOf<P, K>>;
}

export class MessagingError extends Error {
  override name = 'MessagingError';
}

function unwrap<T>(reply: Reply<T> | undefined, type: PropertyKey): T {
  if (!reply || typeof reply !== 'object' || !('ok' in reply))
    throw new MessagingError(`No answer to "${String(type)}"`);
  if (!reply.ok) throw new MessagingError(reply.error);
  return reply.value;
}

function isEnvelope(message: unknown): message is Envelope<unknown> {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { channel?: unknown }).channel === 'briefing-lens'
  );
}

export interface ListenerOptions {
  /**
   * Whether this listener answers a message of ours at all; when it does not,
   * another (a frame's, say) may. Every message is answered by default.
   */
  accepts?: (type: PropertyKey, request: unknown) => boolean;
  /** in-process (tests): the sender counts as one of our pages */
  local?: boolean;
}

/**
 * Returns a `runtime.onMessage` listener that dispatches to `handlers`.
 * Messages that are not ours (or not for this side) get `undefined`, so other
 * listeners can answer them.
 */
export function createMessageListener<P>(handlers: Handlers<P>, options: ListenerOptions = {}) {
  return (
    message: unknown,
    sender: { tab?: { id?: number }; frameId?: number; url?: string },
  ): Promise<Reply<unknown>> | undefined => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type as PropertyKey))
      return undefined;
    if (options.accepts && !options.accepts(message.type, message.request)) return undefined;
    const handler = handlers[message.type as keyof P] as (
      request: unknown,
      sender: Sender,
    ) => unknown;
    return (async () => {
      try {
        const from: Sender = {
          tabId: sender.tab?.id,
          frameId: sender.tab ? sender.frameId : undefined,
          url: sender.url,
          extensionPage: options.local === true || isExtensionPage(sender),
        };
        return { ok: true, value: await handler(message.request, from) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    })();
  };
}

export const backgroundClient: Client<ToBackground> = {
  async send(type, request) {
    const envelope: Envelope<ToBackground, typeof type> = {
      channel: 'briefing-lens',
      type,
      request,
    };
    return unwrap(await browser.runtime.sendMessage(envelope), type);
  },
};

/** A client for the content script of one frame of a tab (its top document by default). */
export function tabClient(tabId: number, frameId = 0): Client<ToContent> & { tabId: number } {
  return {
    tabId,
    async send(type, request) {
      const envelope: Envelope<ToContent, typeof type> = {
        channel: 'briefing-lens',
        type,
        request,
      };
      return unwrap(await browser.tabs.sendMessage(tabId, envelope, { frameId }), type);
    },
  };
}

/** Tells the extension's open pages something (from the background, or a content script). */
export async function pushToPages<K extends keyof Pushes>(
  push: K,
  payload: Pushes[K],
): Promise<void> {
  const envelope: PushEnvelope<K> = { channel: 'briefing-lens', push, payload };
  // Nobody listening (no extension page open) is no failure.
  await browser.runtime.sendMessage(envelope).catch(() => undefined);
}

/**
 * Tells the content scripts in every frame of every tab something; a tab
 * where none runs (a browser page, say) is skipped.
 */
export async function pushToTabs<K extends keyof Pushes>(
  push: K,
  payload: Pushes[K],
): Promise<void> {
  const envelope: PushEnvelope<K> = { channel: 'briefing-lens', push, payload };
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, envelope).catch(() => undefined),
    ),
  );
}

/**
 * Calls `listener` with every push of this kind, and the tab it came from
 * when a content script sent it; returns the unsubscribe.
 */
export function onPush<K extends keyof Pushes>(
  push: K,
  listener: (payload: Pushes[K], from: { tabId?: number }) => void,
): () => void {
  const onMessage = (message: unknown, sender?: { tab?: { id?: number } }) => {
    const m = message as Partial<PushEnvelope<K>> | null;
    if (m?.channel === 'briefing-lens' && m.push === push && m.payload)
      listener(m.payload, { tabId: sender?.tab?.id });
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

/** The fake for tests: the same handlers, called in-process, with the same error semantics. */
export function createLocalClient<P>(handlers: Handlers<P>): Client<P> {
  const listener = createMessageListener(handlers, { local: true });
  return {
    async send(type, request) {
      return unwrap(
        (await listener({ channel: 'briefing-lens', type, request }, {})) as Reply<
          ResponseOf<P, typeof type>
        >,
        type,
      );
    },
  };
}
