/**
 * The pointer resting on a name opens its card: one hit test per animation
 * frame, however fast the pointer moves, and none for touch (a tap is not a
 * hover). What is under the pointer is decided by `mentionAtPoint`.
 */
import type { PageMention } from '../scan/mention-index';

export interface HoverDeps {
  signal: AbortSignal;
  /** false on a paused site: the pointer is not even looked at */
  isActive(): boolean;
  /** whether a node belongs to the open card (the pointer on the card is not on the page) */
  isOnCard(node: Node): boolean;
  /** the drawn mention under a viewport point, if any */
  mentionAt(x: number, y: number): PageMention | undefined;
  /** the pointer now rests on this mention, or on none */
  pointerOver(mention: PageMention | undefined): void;
}

export function listenToHover(deps: HoverDeps): void {
  let frame = 0;
  let last: PointerEvent | null = null;
  const onMove = (event: PointerEvent) => {
    // A page's script can dispatch pointer events: only the reader's count.
    if (!event.isTrusted) return;
    last = event;
    if (frame || !deps.isActive() || event.pointerType === 'touch') return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!last || deps.signal.aborted) return;
      if (deps.isOnCard(last.target as Node)) return;
      deps.pointerOver(deps.mentionAt(last.clientX, last.clientY));
    });
  };
  window.addEventListener('pointermove', onMove, { passive: true, signal: deps.signal });
  document.addEventListener(
    'pointerleave',
    (event) => event.isTrusted && deps.pointerOver(undefined),
    {
      signal: deps.signal,
    },
  );
  deps.signal.addEventListener('abort', () => cancelAnimationFrame(frame));
}
