/**
 * Keeps up with a changing page. The observer callback only records what
 * changed; a batch a moment later hands the changed roots to the scanner
 * (uBlock Origin's discipline: observers queue, batches work). SPA navigations
 * (history API, popstate) restart the page's scan; an element made editable,
 * or the whole document (designMode), loses its highlights.
 */

/** Collects a burst of mutations into one batch; short enough to feel live. */
export const BATCH_DELAY_MS = 60;
/** How often the address is checked for history-API navigations (exported for tests). */
export const LOCATION_POLL_MS = 1000;

export interface MutationWatch {
  signal: AbortSignal;
  /** nodes that belong to the extension: their changes are ignored */
  isOwn(node: Node): boolean;
  onChanged(roots: Node[], removedSome: boolean): void;
  onNavigated(): void;
  /** `document.designMode` turned on or off: the whole page became an editor, or stopped being one */
  onDesignMode(on: boolean): void;
  /** an element's class, style, `hidden` or `open` changed: text may have been shown or hidden */
  onRestyled?(): void;
}

/** Attributes that show or hide text without changing it. */
const RESTYLING = new Set(['class', 'style', 'hidden', 'open']);

export function watchMutations(watch: MutationWatch): void {
  const roots = new Set<Node>();
  let removedSome = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const batch = [...roots];
    roots.clear();
    const removed = removedSome;
    removedSome = false;
    if (!watch.signal.aborted) watch.onChanged(batch, removed);
  };

  const observer = new MutationObserver((records) => {
    let restyled = false;
    for (const record of records) {
      if (watch.isOwn(record.target)) continue;
      if (record.type === 'attributes' && RESTYLING.has(record.attributeName!)) {
        restyled = true;
        continue;
      }
      // New text, or an element that became (or stopped being) editable: its
      // highlights must go while the reader types there, or come back.
      if (record.type === 'characterData' || record.type === 'attributes') {
        roots.add(record.target);
        continue;
      }
      // The extension's own nodes coming and going (the card's host) are no
      // change to the page: closing a card must not rescan the document.
      const added = [...record.addedNodes].filter((node) => !watch.isOwn(node));
      const removed = [...record.removedNodes].filter((node) => !watch.isOwn(node));
      if (removed.length) removedSome = true;
      // A new element is scanned on its own; new text rescans its block.
      for (const node of added) roots.add(node.nodeType === 1 ? node : record.target);
      if (removed.length && !added.length) roots.add(record.target);
    }
    if ((roots.size || removedSome) && timer === undefined)
      timer = setTimeout(flush, BATCH_DELAY_MS);
    if (restyled) watch.onRestyled?.();
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['contenteditable', 'role', ...RESTYLING],
  });

  let url = location.href;
  let designMode = document.designMode === 'on';
  const checkLocation = () => {
    // designMode fires no event and changes no attribute: the poll notices it too.
    if ((document.designMode === 'on') !== designMode) {
      designMode = !designMode;
      watch.onDesignMode(designMode);
    }
    if (location.href === url) return;
    const before = new URL(url);
    url = location.href;
    const now = new URL(url);
    // A new hash is the same page; a new path or query is a new page.
    if (
      before.pathname !== now.pathname ||
      before.search !== now.search ||
      before.host !== now.host
    )
      watch.onNavigated();
  };
  window.addEventListener('popstate', checkLocation, { signal: watch.signal });
  // The history API fires no event in the content script's world; a cheap poll
  // catches pushState navigations (WXT's own locationchange works the same way).
  const poll = setInterval(checkLocation, LOCATION_POLL_MS);

  watch.signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    clearInterval(poll);
  });
}
