/**
 * Functions that run *in the page*, shared by the Chromium (Playwright) and
 * Firefox (Puppeteer) harnesses: each is passed to the driver's `evaluate`,
 * so each is self-contained (no imports, no closures over module scope) and
 * takes plain JSON arguments.
 */

/**
 * Every name the extension may register in a page's `CSS.highlights`, sorted:
 * one per colour group and the keyboard focus, never the reader's style or
 * the kinds switched on (what the hostile-page suites of both browsers expect).
 */
export const NEUTRAL_HIGHLIGHT_NAMES = [
  'briefing-lens-event',
  'briefing-lens-focus',
  'briefing-lens-person',
  'briefing-lens-place',
  'briefing-lens-topic',
];

export interface HighlightedRange {
  highlight: string;
  text: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every range the page's CSS.highlights holds, with its text. */
export function collectHighlights(): HighlightedRange[] {
  const out: Array<{ highlight: string; text: string }> = [];
  for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
    for (const r of highlight) {
      const range = document.createRange();
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({ highlight: name, text: range.toString() });
      } catch {
        out.push({ highlight: name, text: '(stale)' });
      }
    }
  }
  return out;
}

/** How many mentions are drawn: every registered range but the keyboard focus. */
export function countHighlights(): number {
  let n = 0;
  for (const [name, h] of CSS.highlights as unknown as Map<string, Set<unknown>>)
    if (name.startsWith('briefing-lens-') && name !== 'briefing-lens-focus') n += h.size;
  return n;
}

/**
 * The client rectangle of the n-th occurrence of `text` in the page's text
 * (first line box), after scrolling its element into the middle of the view
 * when `scroll` is set. Null when there is no such occurrence.
 */
export function textRect({
  text,
  nth,
  scroll,
}: {
  text: string;
  nth: number;
  scroll: boolean;
}): Box | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let at = data.indexOf(text); at >= 0; at = data.indexOf(text, at + 1)) {
      if (seen++ !== nth) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      if (scroll) (node.parentElement ?? document.body).scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    }
  }
  return null;
}

/** A hostile page's own rules for our highlight names (they must change nothing the reader sees). */
export const HOSTILE_HIGHLIGHT_RULES = `::highlight(briefing-lens-person), :root::highlight(briefing-lens-person), #seen::highlight(briefing-lens-person) {
  color: transparent !important; background-color: black !important;
  text-decoration: line-through 6px red !important; text-shadow: 0 0 4px red !important;
}`;

/** The box around an element's text, with room for its underline (in-page, for screenshots). */
export function textBox(id: string): { x: number; y: number; width: number; height: number } {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById(id)!);
  const r = range.getBoundingClientRect();
  return {
    x: Math.floor(r.x) - 2,
    y: Math.floor(r.y) - 2,
    width: Math.ceil(r.width) + 4,
    height: Math.ceil(r.height) + 6,
  };
}
