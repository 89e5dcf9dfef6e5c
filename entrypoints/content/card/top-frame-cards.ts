/**
 * The top document's side of the cards its small frames ask for
 * (frame-card-host.ts): which of its frame elements the asking frame is,
 * and where, in this document's viewport, the name inside it stands.
 */
import { browser } from '../../../lib/browser';
import type { VirtualAnchor } from './card-host';

interface AskingFrame {
  /** as the browser reports them */
  frameId: number;
  frameUrl: string;
  /** the frame's viewport, as the frame measured it */
  frame: { width: number; height: number };
}

/** Firefox names the frame of an element; Chrome does not, and the frame is then told by address and size. */
const getFrameId = (browser.runtime as { getFrameId?: (target: Element) => number }).getFrameId;

/** The frame element's content box: where the frame's viewport begins, and its size. */
function contentBox(element: Element): DOMRect {
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const px = (value: string) => parseFloat(value) || 0;
  const [top, right, bottom, left] = [
    style.paddingTop,
    style.paddingRight,
    style.paddingBottom,
    style.paddingLeft,
  ].map(px) as [number, number, number, number];
  return new DOMRect(
    box.left + element.clientLeft + left,
    box.top + element.clientTop + top,
    element.clientWidth - left - right,
    element.clientHeight - top - bottom,
  );
}

/** The frame's current address: readable when it is of this origin, else the element's own. */
function addressOf(element: HTMLIFrameElement | HTMLFrameElement): string {
  try {
    return element.contentWindow?.location.href ?? element.src;
  } catch {
    return element.src; // another origin
  }
}

/**
 * The element of this document that holds the asking frame, or null when
 * none does for certain (two frames of one address and size: neither).
 */
export function frameElementFor(asking: AskingFrame): HTMLElement | null {
  const frames = [
    ...document.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame'),
  ];
  if (getFrameId) {
    for (const element of frames) {
      try {
        if (getFrameId(element) === asking.frameId) return element;
      } catch {
        // not a frame the browser knows (yet)
      }
    }
    return null;
  }
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  const matching = frames.filter((element) => {
    if (addressOf(element) !== asking.frameUrl) return false;
    const box = contentBox(element);
    return near(box.width, asking.frame.width) && near(box.height, asking.frame.height);
  });
  return matching.length === 1 ? matching[0]! : null;
}

/** The name's box inside `frame`, in this document's viewport, as the frame's place changes. */
export function frameAnchor(
  frame: HTMLElement,
  rect: { x: number; y: number; width: number; height: number },
): VirtualAnchor {
  const box = () => {
    const origin = contentBox(frame);
    return new DOMRect(origin.left + rect.x, origin.top + rect.y, rect.width, rect.height);
  };
  return {
    getBoundingClientRect: box,
    getClientRects: () => [box()],
    // Floating UI follows this document's scrolling through the frame element.
    contextElement: frame,
  };
}
