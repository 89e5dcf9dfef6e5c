// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listenToKeys } from '../../../entrypoints/content/input/keyboard';
import type { PageMention } from '../../../entrypoints/content/scan/mention-index';
import { trusted } from './helpers';

const MENTION = { entityId: 'wang-yi' } as PageMention;

function listen(state: { focused?: PageMention | null; cardOpen?: boolean } = {}) {
  const controller = new AbortController();
  const deps = {
    signal: controller.signal,
    focused: () => state.focused ?? null,
    isCardOpen: () => state.cardOpen ?? false,
    closeCard: vi.fn(),
    clearFocus: vi.fn(),
    openCard: vi.fn<(mention: PageMention) => void>(),
  };
  listenToKeys(deps);
  return { controller, ...deps };
}

function press(key: string, target: EventTarget = document.body): KeyboardEvent {
  const event = trusted(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  target.dispatchEvent(event);
  return event;
}

let controller: AbortController | undefined;
beforeEach(() => {
  document.body.replaceChildren();
});
afterEach(() => {
  controller?.abort();
});

describe('listenToKeys: a page’s script', () => {
  it('cannot open a card or close one with keys it dispatches', () => {
    const k = listen({ focused: MENTION, cardOpen: true });
    controller = k.controller;
    for (const key of ['Enter', 'Escape'])
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    expect(k.openCard).not.toHaveBeenCalled();
    expect(k.closeCard).not.toHaveBeenCalled();
  });
});

describe('listenToKeys: Enter', () => {
  it.each([
    ['the body', () => document.body, true],
    ['the document element', () => document.documentElement, true],
    // A focused link or field keeps its own Enter.
    [
      'a link of the page',
      () => document.body.appendChild(Object.assign(document.createElement('a'), { href: '#' })),
      false,
    ],
    [
      'a field of the page',
      () => document.body.appendChild(document.createElement('input')),
      false,
    ],
  ])('pressed on %s opens the focused mention’s card: %s', (_, target, opens) => {
    const k = listen({ focused: MENTION });
    controller = k.controller;
    const event = press('Enter', target());
    expect(k.openCard.mock.calls).toEqual(opens ? [[MENTION]] : []);
    // Only an Enter we use is taken from the page.
    expect(event.defaultPrevented).toBe(opens);
  });

  it('does nothing without a focused mention', () => {
    const k = listen();
    controller = k.controller;
    expect(press('Enter').defaultPrevented).toBe(false);
    expect(k.openCard).not.toHaveBeenCalled();
  });

  it('leaves an Enter the page has already handled', () => {
    const k = listen({ focused: MENTION });
    controller = k.controller;
    document.body.addEventListener('keydown', (event) => event.preventDefault(), { once: true });
    press('Enter');
    expect(k.openCard).not.toHaveBeenCalled();
  });
});

describe('listenToKeys: Escape', () => {
  it.each([
    ['an open card', { cardOpen: true }, true],
    ['a focused mention', { focused: MENTION }, true],
    ['neither (the page’s own Esc)', {}, false],
  ])('closes the card and drops the focus with %s: %s', (_, state, closes) => {
    const k = listen(state);
    controller = k.controller;
    press('Escape');
    expect(k.closeCard).toHaveBeenCalledTimes(closes ? 1 : 0);
    expect(k.clearFocus).toHaveBeenCalledTimes(closes ? 1 : 0);
    expect(k.openCard).not.toHaveBeenCalled();
  });
});

describe('listenToKeys: other keys and teardown', () => {
  it('ignores other keys', () => {
    const k = listen({ focused: MENTION, cardOpen: true });
    controller = k.controller;
    for (const key of ['a', ' ', 'Tab', 'ArrowDown']) press(key);
    expect(k.openCard).not.toHaveBeenCalled();
    expect(k.closeCard).not.toHaveBeenCalled();
  });

  it('stops listening when its signal aborts', () => {
    const k = listen({ focused: MENTION, cardOpen: true });
    k.controller.abort();
    press('Enter');
    press('Escape');
    expect(k.openCard).not.toHaveBeenCalled();
    expect(k.closeCard).not.toHaveBeenCalled();
  });
});
