// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listenToHover } from '../../../entrypoints/content/input/hover';
import type { PageMention } from '../../../entrypoints/content/scan/mention-index';
import { trusted } from './helpers';

const MENTION = { entityId: 'wang-yi' } as PageMention;

function listen(overrides: { active?: boolean; onCard?: (node: Node) => boolean } = {}) {
  const controller = new AbortController();
  const mentionAt = vi.fn((x: number, _y: number) => (x < 100 ? MENTION : undefined));
  const pointerOver = vi.fn<(mention: PageMention | undefined) => void>();
  listenToHover({
    signal: controller.signal,
    isActive: () => overrides.active ?? true,
    isOnCard: overrides.onCard ?? (() => false),
    mentionAt,
    pointerOver,
  });
  return { controller, mentionAt, pointerOver };
}

function move(target: Element, clientX: number, clientY: number, pointerType = 'mouse') {
  target.dispatchEvent(
    trusted(new PointerEvent('pointermove', { clientX, clientY, pointerType, bubbles: true })),
  );
}

let controller: AbortController | undefined;
beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
});
afterEach(() => {
  controller?.abort();
  vi.useRealTimers();
});

describe('listenToHover', () => {
  it('hit-tests once a frame, where the pointer was last', () => {
    const h = listen();
    controller = h.controller;
    move(document.body, 300, 10);
    move(document.body, 200, 10);
    move(document.body, 50, 10);
    expect(h.mentionAt).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    expect(h.mentionAt.mock.calls).toEqual([[50, 10]]);
    expect(h.pointerOver.mock.calls).toEqual([[MENTION]]);
    move(document.body, 300, 10);
    vi.advanceTimersToNextFrame();
    expect(h.pointerOver.mock.calls).toEqual([[MENTION], [undefined]]);
  });

  it('ignores pointer events a page’s script dispatches', () => {
    const h = listen();
    controller = h.controller;
    document.body.dispatchEvent(
      new PointerEvent('pointermove', { clientX: 50, clientY: 10, bubbles: true }),
    );
    document.dispatchEvent(new PointerEvent('pointerleave'));
    vi.advanceTimersToNextFrame();
    expect(h.mentionAt).not.toHaveBeenCalled();
    expect(h.pointerOver).not.toHaveBeenCalled();
  });

  it.each([
    ['a touch (a tap is not a hover)', {}, 'touch'],
    ['a paused site', { active: false }, 'mouse'],
  ])('looks at nothing for %s', (_, overrides, pointerType) => {
    const h = listen(overrides);
    controller = h.controller;
    move(document.body, 50, 10, pointerType);
    vi.advanceTimersToNextFrame();
    expect(h.mentionAt).not.toHaveBeenCalled();
    expect(h.pointerOver).not.toHaveBeenCalled();
  });

  it('leaves the card alone while the pointer is on it', () => {
    const card = document.createElement('briefing-lens-card');
    document.documentElement.append(card);
    const h = listen({ onCard: (node) => node === card });
    controller = h.controller;
    move(card, 50, 10);
    vi.advanceTimersToNextFrame();
    expect(h.pointerOver).not.toHaveBeenCalled();
    card.remove();
  });

  it('reports no name when the pointer leaves the page', () => {
    const h = listen();
    controller = h.controller;
    document.dispatchEvent(trusted(new PointerEvent('pointerleave')));
    expect(h.pointerOver.mock.calls).toEqual([[undefined]]);
  });

  it('stops listening, and drops a frame under way, when its signal aborts', () => {
    const h = listen();
    move(document.body, 50, 10);
    h.controller.abort();
    vi.advanceTimersToNextFrame();
    move(document.body, 50, 10);
    document.dispatchEvent(trusted(new PointerEvent('pointerleave')));
    vi.advanceTimersToNextFrame();
    expect(h.mentionAt).not.toHaveBeenCalled();
    expect(h.pointerOver).not.toHaveBeenCalled();
  });
});
