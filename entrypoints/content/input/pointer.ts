/**
 * Which mention is under the pointer, without wrapper elements: the caret
 * position under the point names a text node and offset, the mention index
 * says whether a mention covers it, and the mention's own rectangles confirm
 * the pointer is on the words (the caret snaps to the nearest text even in
 * blank space beside a line).
 */
import type { MentionIndex, PageMention } from '../scan/mention-index';
import { caretAt } from '../../../lib/platform';

export function rectsOf(mention: PageMention): DOMRect[] {
  const range = document.createRange();
  const r = mention.range;
  try {
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
  } catch {
    return []; // the text changed under the mention; a rescan is on its way
  }
  return [...range.getClientRects()];
}

export function boundingRectOf(mention: PageMention): DOMRect | null {
  const rects = rectsOf(mention);
  if (!rects.length) return null;
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  return new DOMRect(left, top, right - left, bottom - top);
}

export function mentionAtPoint(index: MentionIndex, x: number, y: number): PageMention | undefined {
  const caret = caretAt(document, x, y);
  if (!caret || caret.node.nodeType !== 3) return undefined;
  // The caret lands before the character under the pointer's right half, so
  // try the offset and the one before it.
  const mention = index.at(caret.node, caret.offset) ?? index.at(caret.node, caret.offset - 1);
  if (!mention) return undefined;
  const inside = rectsOf(mention).some(
    (r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1,
  );
  return inside ? mention : undefined;
}
