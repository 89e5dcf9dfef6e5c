// @vitest-environment happy-dom
/**
 * A small frame's card surface: it asks the top document to show the card,
 * draws it itself when the top document cannot, hands the top document's
 * news of the reader's pointer to its controller, and takes the card away
 * again, even when it closed while the top document was still answering.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BriefingCardProps } from '../../../components/BriefingCard';
import type { Client } from '../../../lib/messaging';
import type { ToBackground } from '../../../lib/messaging/protocol';
import { FrameCardHost, frameIsTooSmall } from '../../../entrypoints/content/card/frame-card-host';
import { CARD_HOST_TAG } from '../../../entrypoints/content/card/card-host';
import { deferred } from './helpers';

const props = {
  state: { status: 'loading', entityId: 'wang-yi' },
  pageText: 'Wang Yi',
  pinned: false,
  uiLanguage: 'en',
  t: (key: string) => key,
  onClose() {},
  onTogglePin() {},
  onSelectEntity() {},
  onOpenBriefing() {},
  onOpenSource() {},
} as unknown as BriefingCardProps;
const anchor = {
  getBoundingClientRect: () => new DOMRect(8, 12, 60, 18),
  getClientRects: () => [new DOMRect(8, 12, 60, 18)],
};

function setup(answer: () => Promise<boolean>) {
  const sent: Array<[string, unknown]> = [];
  const client = {
    send: vi.fn((type: string, request: unknown) => {
      sent.push([type, request]);
      return type === 'showCardInTop' ? answer() : Promise.resolve(undefined);
    }),
  } as unknown as Client<ToBackground>;
  const events = { onPointerEnter: vi.fn(), onPointerLeave: vi.fn(), onEscape: vi.fn() };
  return { host: new FrameCardHost(events, client), sent, events };
}

/** A frame of `width`×`height` CSS pixels. */
function frameOf(width: number, height: number) {
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(width);
  vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(height);
}

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.querySelector(CARD_HOST_TAG)?.remove();
});

describe('FrameCardHost', () => {
  it('counts a frame shorter than two of the card’s smallest heights, or narrower than the card, as too small', () => {
    frameOf(420, 120);
    expect(frameIsTooSmall()).toBe(true);
    frameOf(300, 600);
    expect(frameIsTooSmall()).toBe(true);
    frameOf(800, 600);
    expect(frameIsTooSmall()).toBe(false);
  });

  it('asks the top document to show the card of a small frame, and draws nothing itself when it does', async () => {
    frameOf(420, 120);
    const { host, sent } = setup(async () => true);
    await host.show(props, anchor);
    expect(sent).toEqual([
      [
        'showCardInTop',
        {
          entityId: 'wang-yi',
          text: 'Wang Yi',
          rect: { x: 8, y: 12, width: 60, height: 18 },
          frame: { width: 420, height: 120 },
          focus: false,
        },
      ],
    ]);
    expect(host.isOpen).toBe(true);
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    // Shown again (the briefing arrived): the top document already draws its own.
    await host.show(props, anchor);
    expect(sent.length).toBe(1);
    host.focus();
    expect(sent.at(-1)).toEqual(['showCardInTop', expect.objectContaining({ focus: true })]);
    host.hide();
    expect(sent.at(-1)).toEqual(['hideCardInTop', undefined]);
    expect(host.isOpen).toBe(false);
  });

  it('draws the card itself when the top document cannot show it, or when the frame is big enough', async () => {
    frameOf(420, 120);
    const refused = setup(async () => false);
    await refused.host.show(props, anchor);
    expect(document.querySelector(CARD_HOST_TAG)).not.toBeNull();
    refused.host.hide();

    frameOf(800, 600);
    const big = setup(async () => true);
    await big.host.show(props, anchor);
    expect(big.sent).toEqual([]);
    expect(document.querySelector(CARD_HOST_TAG)).not.toBeNull();
    big.host.dispose();
  });

  it('hands the top document’s news of the pointer to its controller, and a close there closes it here', async () => {
    frameOf(420, 120);
    const { host, events } = setup(async () => true);
    host.onTopEvent('pointerenter');
    expect(events.onPointerEnter, 'nothing shown yet: nothing to hear').not.toHaveBeenCalled();
    await host.show(props, anchor);
    host.onTopEvent('pointerenter');
    host.onTopEvent('pointerleave');
    expect(events.onPointerEnter).toHaveBeenCalledTimes(1);
    expect(events.onPointerLeave).toHaveBeenCalledTimes(1);
    host.onTopEvent('closed');
    expect(events.onEscape).toHaveBeenCalledTimes(1);
    expect(host.isOpen).toBe(false);
  });

  it('takes the top document’s card away when it closed while the top document was answering', async () => {
    frameOf(420, 120);
    const answer = deferred<boolean>();
    const { host, sent } = setup(() => answer.promise);
    const showing = host.show(props, anchor);
    host.hide();
    answer.resolve(true);
    await showing;
    expect(sent.map(([type]) => type)).toEqual(['showCardInTop', 'hideCardInTop']);
    expect(host.isOpen).toBe(false);
  });
});
