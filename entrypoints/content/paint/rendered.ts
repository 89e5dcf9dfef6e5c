/**
 * Whether a mention's text is rendered for the reader to see. Text that is
 * not (`display: none`, `hidden`, `visibility: hidden`, closed `<details>`,
 * `content-visibility: hidden`, or a box of no size) is never drawn: a page
 * that plants hidden names to learn which ones the extension knows learns
 * nothing from the registry. Asked of the text's element, whose style and
 * layout the browser keeps between calls while the page does not change.
 */
export function isRendered(node: Node): boolean {
  const element = node.parentElement;
  if (!element) return false;
  if (
    typeof element.checkVisibility === 'function' &&
    !element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })
  )
    return false;
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
