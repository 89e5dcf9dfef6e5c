/**
 * Where the extension's own elements (the card's host, the announcer) go on
 * a page: into the modal dialog or fullscreen element that holds the name,
 * if one does, since everything outside it is inert then (a card there could
 * be seen but not clicked, a live region there would not be heard); else at
 * the end of the document.
 */
export function containerFor(element: Element | null | undefined): Element {
  try {
    return element?.closest('dialog:modal, :fullscreen') ?? document.documentElement;
  } catch {
    return document.documentElement; // a browser without :modal
  }
}
