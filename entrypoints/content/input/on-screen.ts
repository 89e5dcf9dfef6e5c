/**
 * Where a mention is on the reader's screen, and bringing it there: the
 * keyboard's "next mention" starts from what the reader sees and scrolls the
 * name itself into view, not its paragraph (whose top may be a screen away).
 */
import type { PageMention } from '../scan/mention-index';
import { boundingRectOf } from './pointer';

/** The layout viewport's size, without scrollbars (what a frame's own viewport is). */
export function layoutViewport(): { width: number; height: number } {
  return {
    width: document.documentElement.clientWidth || window.innerWidth,
    height: document.documentElement.clientHeight || window.innerHeight,
  };
}

/**
 * The part of the page on screen, in the coordinates the card is placed in
 * (the layout viewport's): smaller than the layout viewport, and moved in
 * it, when the reader has pinch-zoomed.
 */
export function visibleViewport(): { x: number; y: number; width: number; height: number } {
  const zoom = window.visualViewport;
  const { width, height } = layoutViewport();
  if (!zoom) return { x: 0, y: 0, width, height };
  return {
    x: zoom.offsetLeft,
    y: zoom.offsetTop,
    width: Math.min(width, zoom.width),
    height: Math.min(height, zoom.height),
  };
}

/** Above the screen (-1), on it (0), or below it (1); a mention with no box counts as below. */
export function whereOnScreen(mention: PageMention): -1 | 0 | 1 {
  const box = boundingRectOf(mention);
  if (!box) return 1;
  const screen = visibleViewport();
  if (box.bottom <= screen.y) return -1;
  if (box.top >= screen.y + screen.height) return 1;
  return 0;
}

/**
 * Scrolls the name into the middle of the screen unless all of it is already
 * in view: its element first (which scrolls any panel it sits in), then the
 * page by what is left when the element is taller than the screen. Jumps
 * instead of gliding for readers who ask for reduced motion.
 */
export function scrollMentionIntoView(mention: PageMention): void {
  const box = boundingRectOf(mention);
  const screen = visibleViewport();
  if (
    box &&
    box.top >= screen.y &&
    box.bottom <= screen.y + screen.height &&
    box.left >= screen.x &&
    box.right <= screen.x + screen.width
  )
    return;
  const behavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth';
  const element = mention.range.startContainer.parentElement;
  if (!element) return;
  if (element.getBoundingClientRect().height <= innerHeight / 2) {
    element.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
    return;
  }
  // A long paragraph: bring its panels to it at once, then the page to the name.
  element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const now = boundingRectOf(mention);
  if (now) window.scrollBy({ top: now.top + now.height / 2 - innerHeight / 2, behavior });
}
