/**
 * Which parts of a page are not read at all, and where a block of text
 * begins. Elements whose text is not prose (scripts, code), is the reader's
 * own input (fields, editors) or is ours are skipped; inline elements do not
 * end a block, so "Sanae <b>Takaichi</b>" reads as one string.
 */

/** Elements whose text is not prose, is the reader's own input, or is ours (by localName). */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'code',
  'pre',
  'kbd',
  'samp',
  'head',
  'title',
]);

/** Inline elements do not end a block: text on both sides reads as one. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'q',
  'ruby',
  'rb',
  'rt',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'nobr',
]);

function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** Every element `isInputByAttributes` may accept, as a selector (one native query finds them). */
export const EDITABLE_SELECTOR =
  '[contenteditable]:not([contenteditable="false" i]),[role="textbox"]';

/** Whether an element's attributes make it the reader's input. */
export function isInputByAttributes(element: Element): boolean {
  // Most elements have no attributes at all: one cheap check before reading any.
  return (
    element.hasAttributes() && (isEditable(element) || element.getAttribute('role') === 'textbox')
  );
}

/** Whether `element` (or what it holds) must not be scanned. */
export function isSkippedElement(element: Element, ownHost?: Element | null): boolean {
  return SKIPPED_TAGS.has(element.localName) || element === ownHost || isInputByAttributes(element);
}

/** Whether a node sits inside skipped content (used for mutated subtrees). */
export function isInsideSkipped(node: Node, ownHost?: Element | null): boolean {
  for (
    let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    el;
    el = el.parentElement
  )
    if (isSkippedElement(el, ownHost)) return true;
  return node.ownerDocument?.designMode === 'on';
}

/** The nearest ancestor of `node` that is not inline (or `stop`). */
export function blockOf(node: Node, stop: Node): Node {
  let el = node.parentNode;
  while (el && el !== stop && el.nodeType === 1 && INLINE_TAGS.has((el as Element).localName))
    el = el.parentNode;
  return el ?? stop;
}

/** The nearest ancestor (or self) that starts a block: where a rescan of `node` begins. */
export function blockRootOf(node: Node): Node {
  const parent = node.nodeType === 1 ? node : node.parentNode;
  if (!parent) return node;
  return parent.nodeType === 1 && !INLINE_TAGS.has((parent as Element).localName)
    ? parent
    : blockOf(parent, parent.ownerDocument ?? parent);
}
