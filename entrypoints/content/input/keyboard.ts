/**
 * Keys on the page: Esc closes the card and drops the keyboard focus on a
 * mention; Enter opens the card of the focused mention, but only when no
 * element of the page has focus (a focused link or field keeps its Enter).
 * Moving that focus from mention to mention is a command (page-handlers.ts).
 */
import type { PageMention } from '../scan/mention-index';

export interface KeyboardDeps {
  signal: AbortSignal;
  /** the mention with the extension's keyboard focus */
  focused(): PageMention | null;
  isCardOpen(): boolean;
  closeCard(): void;
  clearFocus(): void;
  openCard(mention: PageMention): void;
}

export function listenToKeys(deps: KeyboardDeps): void {
  window.addEventListener(
    'keydown',
    (event) => {
      // Keys a page's script dispatches are not the reader's.
      if (!event.isTrusted) return;
      const focused = deps.focused();
      if (event.key === 'Escape' && (deps.isCardOpen() || focused)) {
        deps.closeCard();
        deps.clearFocus();
        return;
      }
      if (event.key !== 'Enter' || !focused || event.defaultPrevented) return;
      const target = event.target as Element | null;
      if (target && target !== document.body && target !== document.documentElement) return;
      event.preventDefault();
      deps.openCard(focused);
    },
    { signal: deps.signal },
  );
}
