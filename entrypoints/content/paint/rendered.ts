/**
 * Whether a mention's text is rendered for the reader to see. Text that is
 * not (`display: none`, `hidden`, `visibility: hidden`, closed `<details>`,
 * `content-visibility: hidden`, or a box of no size) is never drawn: a page
 * that plants hidden names to learn which ones the extension knows learns
 * nothing from the registry. Asked of the text's element, whose style and
 * layout the browser keeps between calls while the page does not change.
 */
export function isRendered(node: Node): boolean {
  let element = node.parentElement;
  while (element && !checkVisibility(element)) {
    // `display: contents` makes no box of its own: its text is drawn in its
    // parent's (checkVisibility says no to every element without a box).
    const style = getComputedStyle(element);
    if (style.display !== 'contents' || style.visibility !== 'visible') return false;
    element = element.parentElement;
  }
  return !!element && hasArea(element);
}

const checkVisibility = (element: Element): boolean =>
  typeof element.checkVisibility !== 'function' ||
  element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false });

/** The element's boxes cover some area (offsetWidth and offsetHeight, a third of getClientRects' cost, where the element has them). */
function hasArea(element: Element): boolean {
  if (element instanceof HTMLElement) return element.offsetWidth > 0 && element.offsetHeight > 0;
  for (const box of element.getClientRects()) if (box.width > 0 && box.height > 0) return true;
  return false;
}

/**
 * isRendered() for mentions looked at together, with nothing changing the
 * page in between (one scan slice, one repaint): each element is asked once,
 * however many names it holds.
 */
export function renderedInBatch(): (node: Node) => boolean {
  const known = new Map<Element, boolean>();
  return (node) => {
    const element = node.parentElement;
    if (!element) return false;
    let rendered = known.get(element);
    if (rendered === undefined) known.set(element, (rendered = isRendered(node)));
    return rendered;
  };
}
