// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installStaticRange, mentionIn, stubOnDocument } from './helpers';
import { MentionIndex, type PageMention } from '../../../entrypoints/content/scan/mention-index';
import {
  boundingRectOf,
  mentionAtPoint,
  rectsOf,
} from '../../../entrypoints/content/input/pointer';

installStaticRange();

/*
 * happy-dom lays nothing out, so a tiny layout stands in: each character is
 * 10 px wide on one line 20 px high, and the caret lands before the character
 * under the point (as browsers put it).
 */
const CHAR_PX = 10;
const LINE_PX = 20;

let text: Text;
let wang: PageMention;
let xi: PageMention;
let index: MentionIndex;
const restore: Array<() => void> = [];

function layoutCaret(
  caret: ((x: number, y: number) => { offsetNode: Node; offset: number } | null) | undefined,
) {
  restore.push(stubOnDocument('caretPositionFromPoint', caret));
}

beforeEach(() => {
  document.body.replaceChildren();
  text = document.createTextNode('Wang Yi met Xi Jinping.');
  document.body.append(text);
  wang = mentionIn(text, 0, 7, 'wang-yi');
  xi = mentionIn(text, 12, 22, 'xi-jinping');
  index = new MentionIndex();
  index.add(wang);
  index.add(xi);
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const left = this.startOffset * CHAR_PX;
    const width = (this.endOffset - this.startOffset) * CHAR_PX;
    return [new DOMRect(left, 0, width, LINE_PX)] as unknown as DOMRectList;
  });
  layoutCaret((x, y) =>
    y < LINE_PX + 40
      ? { offsetNode: text, offset: Math.min(text.length, Math.round(x / CHAR_PX)) }
      : null,
  );
});
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

describe('mentionAtPoint', () => {
  it.each([
    ['on the left half of a name’s first letter', 2, 10, 'wang-yi'],
    ['on the right half of a name’s last letter (the caret is after it)', 68, 10, 'wang-yi'],
    ['inside another name', 150, 10, 'xi-jinping'],
    ['between two names', 95, 10, undefined],
    // The caret snaps to the nearest text even in blank space below a line.
    ['below the line, where the caret still finds the name', 30, 45, undefined],
    ['where no text is at all', 30, 200, undefined],
  ])('%s', (_, x, y, entityId) => {
    expect(mentionAtPoint(index, x, y)?.entityId).toBe(entityId);
  });

  it('finds nothing when the caret lands on an element, not a text', () => {
    layoutCaret(() => ({ offsetNode: document.body, offset: 0 }));
    expect(mentionAtPoint(index, 2, 10)).toBeUndefined();
  });

  it('uses the older caretRangeFromPoint where the standard call is missing', () => {
    layoutCaret(undefined);
    const range = document.createRange();
    range.setStart(text, 13);
    restore.push(stubOnDocument('caretRangeFromPoint', () => range));
    expect(mentionAtPoint(index, 135, 10)).toBe(xi);
  });
});

describe('rectsOf and boundingRectOf', () => {
  it('gives the boxes of the mention, and their union', () => {
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([
      new DOMRect(40, 0, 30, 20),
      new DOMRect(0, 20, 20, 20),
    ] as unknown as DOMRectList);
    expect(rectsOf(wang)).toHaveLength(2);
    const box = boundingRectOf(wang)!;
    expect([box.left, box.top, box.right, box.bottom]).toEqual([0, 0, 70, 40]);
  });

  it('gives no box for a mention whose text changed under it (a rescan is coming)', () => {
    text.data = 'Wang';
    expect(rectsOf(xi)).toEqual([]);
    expect(boundingRectOf(xi)).toBeNull();
  });
});
