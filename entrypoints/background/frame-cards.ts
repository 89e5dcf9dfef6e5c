/**
 * The relay for cards of frames too small to hold one: a frame's content
 * script asks, the background passes the request to the top document of the
 * same tab (with the frame's id and address as the browser reports them, not
 * as the frame says), and the top document's answers about the reader's
 * pointer go back to that frame. Content scripts run in pages their owners
 * control, so each message is checked for shape, and a frame can reach only
 * its own tab's top document.
 */
import type { Client } from '../../lib/messaging';
import type {
  FrameCardEvent,
  FrameCardRequest,
  ToBackground,
  ToContent,
} from '../../lib/messaging/protocol';
import type { Handlers } from '../../lib/messaging';

const EVENTS: readonly FrameCardEvent[] = ['pointerenter', 'pointerleave', 'closed'];
/** Longer words than any name: a frame cannot make the top document's card carry a page of text. */
const MAX_TEXT = 200;

const isBox = (b: unknown, keys: string[]) =>
  typeof b === 'object' &&
  b !== null &&
  keys.every((k) => Number.isFinite((b as Record<string, unknown>)[k]));

/** The request as the top document gets it: only the fields it knows, checked. */
export function frameCardRequestOf(request: unknown): FrameCardRequest | null {
  const r = request as Partial<FrameCardRequest> | null;
  if (
    typeof r?.entityId !== 'string' ||
    typeof r.text !== 'string' ||
    r.text.length > MAX_TEXT ||
    !isBox(r.rect, ['x', 'y', 'width', 'height']) ||
    !isBox(r.frame, ['width', 'height'])
  )
    return null;
  const { x, y, width, height } = r.rect!;
  return {
    entityId: r.entityId,
    text: r.text,
    rect: { x, y, width, height },
    frame: { width: r.frame!.width, height: r.frame!.height },
    focus: r.focus === true,
  };
}

type FrameCardHandlers = Pick<
  Handlers<ToBackground>,
  'showCardInTop' | 'hideCardInTop' | 'tellFrameOfCard'
>;

export function frameCardHandlers(
  frameClient: (tabId: number, frameId: number) => Client<ToContent>,
): FrameCardHandlers {
  return {
    showCardInTop: async (request, { tabId, frameId, url }) => {
      // Only a frame below a tab's top document asks.
      const checked = frameCardRequestOf(request);
      if (tabId === undefined || !frameId || !url || !checked) return false;
      return frameClient(tabId, 0)
        .send('showFrameCard', { ...checked, frameId, frameUrl: url })
        .catch(() => false);
    },
    hideCardInTop: async (_request, { tabId, frameId }) => {
      if (tabId === undefined || !frameId) return;
      await frameClient(tabId, 0)
        .send('hideFrameCard', { frameId })
        .catch(() => undefined);
    },
    tellFrameOfCard: async (request, { tabId, frameId }) => {
      // Only the top document tells, and only a frame below it.
      const target = (request as { frameId?: unknown } | null)?.frameId;
      const event = (request as { event?: unknown } | null)?.event as FrameCardEvent;
      if (tabId === undefined || frameId !== 0 || !Number.isInteger(target)) return;
      if ((target as number) <= 0 || !EVENTS.includes(event)) return;
      await frameClient(tabId, target as number)
        .send('frameCardEvent', { event })
        .catch(() => undefined);
    },
  };
}
