/**
 * Keys on the page. Esc closes the card and drops the keyboard focus on a
 * mention. A mention the reader reached with the "next/previous mention"
 * command holds the keys until they do something else: Enter or Space opens
 * its card and Esc lets it go, and the page sees none of those keys, so a
 * link or button the page had focused is not followed or pressed. A click,
 * Tab or any other key gives the keys back to the page. Moving from mention
 * to mention is a command (page-handlers.ts).
 */
import type { PageMention } from '../scan/mention-index';

export interface KeyboardDeps {
  signal: AbortSignal;
  /** the mention the reader reached with a command, while it holds the keys */
  focused(): PageMention | null;
  /** the reader did something else: the keys are the page's again */
  release(): void;
  /** keys pressed in the card are the card's own */
  isOnCard(target: EventTarget | null): boolean;
  isCardOpen(): boolean;
  closeCard(): void;
  clearFocus(): void;
  openCard(mention: PageMention): void;
}

const OPENING_KEYS = new Set(['Enter', ' ']);
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

export function listenToKeys(deps: KeyboardDeps): void {
  // The key whose press we took: its release is ours too (a button is pressed on Space's keyup).
  let taken: string | null = null;
  const take = (event: KeyboardEvent) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  // On the window and in the capture phase: before the page's own handlers.
  const options = { signal: deps.signal, capture: true };
  window.addEventListener(
    'keydown',
    (event) => {
      // Keys a page's script dispatches are not the reader's.
      if (!event.isTrusted || deps.isOnCard(event.target)) return;
      const focused = deps.focused();
      if (event.key === 'Escape' && (deps.isCardOpen() || focused)) {
        if (focused) take(event);
        taken = focused ? event.key : null;
        deps.closeCard();
        deps.clearFocus();
        return;
      }
      if (!focused || MODIFIERS.has(event.key)) return;
      const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
      if (plain && OPENING_KEYS.has(event.key)) {
        take(event);
        taken = event.key;
        if (!event.repeat) deps.openCard(focused);
        return;
      }
      deps.release();
    },
    options,
  );
  window.addEventListener(
    'keyup',
    (event) => {
      if (!event.isTrusted || event.key !== taken) return;
      taken = null;
      take(event);
    },
    options,
  );
  window.addEventListener(
    'pointerdown',
    (event) => {
      if (event.isTrusted) deps.release();
    },
    options,
  );
}
