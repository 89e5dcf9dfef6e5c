/**
 * From offsets in a block's text back to DOM positions (after hypothesis's
 * split between finding text and mapping it to the DOM). The search over the
 * block's node starts is pure; only `toDomSpan` makes a DOM object.
 */
import type { TextBlock } from './block-walker';

/**
 * The index of the piece holding `offset` in a text made of pieces that
 * start at `starts` (ascending): the last piece starting at or before it.
 * An end offset that falls where a piece starts belongs to the piece before
 * (the mention ends there); a start offset there, to the piece that starts.
 */
export function pieceAt(starts: readonly number[], offset: number, isEnd: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!isEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface DomSpan {
  range: StaticRange;
  /** the text nodes the span touches, first to last */
  nodes: Text[];
}

/** Maps [start, end) of `block.text` to DOM positions. */
export function toDomSpan(block: TextBlock, start: number, end: number): DomSpan {
  const first = pieceAt(block.starts, start, false);
  const last = pieceAt(block.starts, end, true);
  return {
    range: new StaticRange({
      startContainer: block.nodes[first]!,
      startOffset: start - block.starts[first]!,
      endContainer: block.nodes[last]!,
      endOffset: end - block.starts[last]!,
    }),
    nodes: block.nodes.slice(first, last + 1),
  };
}
