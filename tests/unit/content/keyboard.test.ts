// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listenToKeys } from '../../../entrypoints/content/input/keyboard';
import type { PageMention } from '../../../entrypoints/content/scan/mention-index';
import { trusted } from './helpers';

const MENTION = { entityId: 'wang-yi' } as PageMention;

function listen(state: { focused?: PageMention | null; cardOpen?: boolean } = {}) {
  const controller = new AbortController();
  const card = document.createElement('briefing-lens-card');
  const deps = {
    signal: controller.signal,
    focused: () => state.focused ?? null,
    release: vi.fn(() => (state.focused = null)),
    isOnCard: (target: EventTarget | null) => target === card,
    isCardOpen: () => state.cardOpen ?? false,
    closeCard: vi.fn(),
    clearFocus: vi.fn(),
    openCard: vi.fn<(mention: PageMention) => void>(),
  };
  listenToKeys(deps);
  return { controller, card, ...deps };
}

function press(key: string, target: EventTarget = document.body, type = 'keydown'): KeyboardEvent {
  const event = trusted(new KeyboardEvent(type, { key, bubbles: true, cancelable: true }));
  target.dispatchEvent(event);
  return event;
}

/** What the page's own handlers saw. */
function pageListens(target: EventTarget): string[] {
  const seen: string[] = [];
  for (const type of ['keydown', 'keyup'])
    target.addEventListener(type, (event) => seen.push(`${type} ${(event as KeyboardEvent).key}`));
  return seen;
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
    for (const key of ['Enter', ' ', 'Escape'])
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    expect(k.openCard).not.toHaveBeenCalled();
    expect(k.closeCard).not.toHaveBeenCalled();
  });
});

describe('listenToKeys: a mention reached with the command holds the keys', () => {
  const link = () =>
    document.body.appendChild(Object.assign(document.createElement('a'), { href: '#' }));
  it.each([
    ['Enter', 'the body', () => document.body],
    ['Enter', 'a link the page had focused', link],
    [
      'Space',
      'a button the page had focused',
      () => document.body.appendChild(document.createElement('button')),
    ],
    ['Enter', 'a field', () => document.body.appendChild(document.createElement('input'))],
  ])('%s on %s opens its card, and the page sees neither press nor release', (name, _, target) => {
    const k = listen({ focused: MENTION });
    controller = k.controller;
    const element = target();
    const seen = pageListens(element);
    const key = name === 'Space' ? ' ' : name;
    const down = press(key, element);
    const up = press(key, element, 'keyup');
    expect(k.openCard.mock.calls).toEqual([[MENTION]]);
    expect([down.defaultPrevented, up.defaultPrevented]).toEqual([true, true]);
    expect(seen).toEqual([]);
  });

  it('opens the card once for a key held down', () => {
    const k = listen({ focused: MENTION });
    controller = k.controller;
    press('Enter');
    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Enter', repeat: true, cancelable: true })),
    );
    expect(k.openCard).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['Tab', (target: EventTarget) => press('Tab', target)],
    ['another key', (target: EventTarget) => press('a', target)],
    [
      'a click',
      (target: EventTarget) =>
        target.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true }))),
    ],
  ])('gives the keys back after %s', (_, act) => {
    const k = listen({ focused: MENTION });
    controller = k.controller;
    const seen = pageListens(document.body);
    act(document.body);
    expect(k.release).toHaveBeenCalledTimes(1);
    press('Enter');
    expect(k.openCard).not.toHaveBeenCalled();
    expect(seen.at(-1)).toBe('keydown Enter');
  });

  it('leaves modifiers, and shortcuts with Ctrl, Alt or Meta, alone', () => {
    const k = listen({ focused: MENTION });
    controller = k.controller;
    press('Shift');
    expect(k.release).not.toHaveBeenCalled();
    const event = trusted(
      new KeyboardEvent('keydown', {
        key: 'Enter',
        ctrlKey: true,
        bubbles: true,
        cancelable: true,
      }),
    );
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(k.openCard).not.toHaveBeenCalled();
  });

  it('leaves keys pressed in the card to the card', () => {
    const k = listen({ focused: MENTION, cardOpen: true });
    controller = k.controller;
    document.body.append(k.card);
    expect(press('Enter', k.card).defaultPrevented).toBe(false);
    press('Escape', k.card);
    expect(k.openCard).not.toHaveBeenCalled();
    expect(k.closeCard).not.toHaveBeenCalled();
  });

  it('does nothing without such a mention', () => {
    const k = listen();
    controller = k.controller;
    expect(press('Enter').defaultPrevented).toBe(false);
    expect(press(' ').defaultPrevented).toBe(false);
    expect(k.openCard).not.toHaveBeenCalled();
  });
});

describe('listenToKeys: Escape', () => {
  it.each([
    ['an open card', { cardOpen: true }, true, false],
    ['a focused mention', { focused: MENTION }, true, true],
    ['neither (the page’s own Esc)', {}, false, false],
  ])('closes the card and drops the focus with %s: %s', (_, state, closes, taken) => {
    const k = listen(state);
    controller = k.controller;
    expect(press('Escape').defaultPrevented).toBe(taken);
    expect(k.closeCard).toHaveBeenCalledTimes(closes ? 1 : 0);
    expect(k.clearFocus).toHaveBeenCalledTimes(closes ? 1 : 0);
    expect(k.openCard).not.toHaveBeenCalled();
  });
});

describe('listenToKeys: teardown', () => {
  it('stops listening when its signal aborts', () => {
    const k = listen({ focused: MENTION, cardOpen: true });
    k.controller.abort();
    press('Enter');
    press('Escape');
    expect(k.openCard).not.toHaveBeenCalled();
    expect(k.closeCard).not.toHaveBeenCalled();
  });
});
