/**
 * The relay for the cards of small frames: what a frame asks reaches only
 * its own tab's top document, with the frame's id and address as the browser
 * gave them and only the fields the top document knows; what the top
 * document tells reaches only a frame below it; anything malformed goes
 * nowhere.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Client } from '../../../lib/messaging';
import type { ToContent } from '../../../lib/messaging/protocol';
import { frameCardHandlers } from '../../../entrypoints/background/frame-cards';

function setup(answer: unknown = true) {
  const sent: Array<{ tabId: number; frameId: number; type: string; request: unknown }> = [];
  const handlers = frameCardHandlers(
    (tabId, frameId) =>
      ({
        send: vi.fn(async (type: string, request: unknown) => {
          sent.push({ tabId, frameId, type, request });
          return answer;
        }),
      }) as unknown as Client<ToContent>,
  );
  return { handlers, sent };
}

const REQUEST = {
  entityId: 'wang-yi',
  text: 'Wang Yi',
  rect: { x: 8, y: 12, width: 60, height: 18 },
  frame: { width: 420, height: 120 },
  focus: false,
};
const FRAME = { tabId: 3, frameId: 5, url: 'https://comments.example/thread' };

describe('showCardInTop', () => {
  it('passes a frame’s request to its tab’s top document, with the frame as the browser names it', async () => {
    const { handlers, sent } = setup();
    const extra = { ...REQUEST, frameId: 0, frameUrl: 'https://forged.example/', html: '<b>' };
    expect(await handlers.showCardInTop(extra as never, FRAME)).toBe(true);
    expect(sent).toEqual([
      {
        tabId: 3,
        frameId: 0,
        type: 'showFrameCard',
        request: { ...REQUEST, frameId: 5, frameUrl: 'https://comments.example/thread' },
      },
    ]);
  });

  it('says no, and sends nothing, for the top document itself, an extension page or a malformed request', async () => {
    const { handlers, sent } = setup();
    const malformed = [
      { ...REQUEST, entityId: 7 },
      { ...REQUEST, text: 'x'.repeat(201) },
      { ...REQUEST, rect: { ...REQUEST.rect, x: Number.NaN } },
      { ...REQUEST, frame: { width: 420 } },
      null,
    ];
    for (const request of malformed)
      expect(await handlers.showCardInTop(request as never, FRAME)).toBe(false);
    expect(await handlers.showCardInTop(REQUEST, { ...FRAME, frameId: 0 })).toBe(false);
    expect(await handlers.showCardInTop(REQUEST, { extensionPage: true })).toBe(false);
    expect(sent).toEqual([]);
  });

  it('says no when the top document does not answer', async () => {
    const handlers = frameCardHandlers(
      () => ({ send: () => Promise.reject(new Error('no content script')) }) as never,
    );
    expect(await handlers.showCardInTop(REQUEST, FRAME)).toBe(false);
  });
});

describe('hideCardInTop and tellFrameOfCard', () => {
  it('takes a frame’s card away in its tab’s top document', async () => {
    const { handlers, sent } = setup(undefined);
    await handlers.hideCardInTop(undefined, FRAME);
    await handlers.hideCardInTop(undefined, { ...FRAME, frameId: 0 });
    expect(sent).toEqual([
      { tabId: 3, frameId: 0, type: 'hideFrameCard', request: { frameId: 5 } },
    ]);
  });

  it('tells a frame what the reader did, only from the top document and only known events', async () => {
    const { handlers, sent } = setup(undefined);
    const top = { tabId: 3, frameId: 0, url: 'https://news.example/' };
    await handlers.tellFrameOfCard({ frameId: 5, event: 'pointerenter' }, top);
    await handlers.tellFrameOfCard({ frameId: 5, event: 'closed' }, FRAME);
    await handlers.tellFrameOfCard({ frameId: 0, event: 'closed' }, top);
    await handlers.tellFrameOfCard({ frameId: 5, event: 'explode' } as never, top);
    expect(sent).toEqual([
      { tabId: 3, frameId: 5, type: 'frameCardEvent', request: { event: 'pointerenter' } },
    ]);
  });
});
