/**
 * Where a mention is on the reader's screen, and bringing it there: the
 * keyboard's "next mention" starts from what the reader sees and scrolls the
 * name itself into view, not its paragraph (whose top may be a screen away).
 */
import type { PageMention } from '../scan/mention-index';
import { boundingRectOf } from './pointer';

/** Above the viewport (-1), in it (0), or below it (1); a mention with no box counts as below. */
export function whereOnScreen(mention: PageMention): -1 | 0 | 1 {
  const box = boundingRectOf(mention);
  if (!box) return 1;
  if (box.bottom <= 0) return -1;
  if (box.top >= innerHeight) return 1;
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
  if (box && box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth)
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
