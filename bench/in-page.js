/* global Highlight, NodeFilter, StaticRange, CSS */
// Code the page benchmark runs in a page's main world. Plain JavaScript kept
// out of the TypeScript build, so no compiler helpers leak into the page.

/** The floor: one TreeWalker pass, one combined RegExp per text node, ranges in a CSS highlight. */
export function floorScan(source) {
  const re = new RegExp(source, 'g');
  const start = performance.now();
  const highlight = new Highlight();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data;
    re.lastIndex = 0;
    for (let m = re.exec(data); m; m = re.exec(data))
      highlight.add(
        new StaticRange({
          startContainer: node,
          startOffset: m.index,
          endContainer: node,
          endOffset: m.index + m[0].length,
        }),
      );
  }
  CSS.highlights.set('bench-floor', highlight);
  return { ms: performance.now() - start, ranges: highlight.size };
}

/** mark.js in its fastest mode: markRegExp with one combined expression. */
export function markRegExp(source) {
  return new Promise((resolve) => {
    const start = performance.now();
    new window.Mark(document.body).markRegExp(new RegExp(source, 'g'), {
      done: (count) => resolve({ ms: performance.now() - start, ranges: count }),
    });
  });
}
