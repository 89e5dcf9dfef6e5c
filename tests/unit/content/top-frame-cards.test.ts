// @vitest-environment happy-dom
/**
 * Which frame element asked for a card: by the browser's frame id where it
 * names elements (Firefox), else by the frame's address and viewport size,
 * and never a guess between two frames alike; and where the frame's name
 * stands in this document's viewport.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../../lib/browser';

const ASKING = {
  frameId: 5,
  frameUrl: 'https://comments.example/thread',
  frame: { width: 420, height: 120 },
};

/** A frame element of `url` whose content box is `width`×`height`, at (x, y). */
function frame(url: string, width: number, height: number, x = 10, y = 200) {
  // A <frame>: the test DOM would try to load an <iframe>; only its address and boxes are read.
  const element = document.createElement('frame');
  Object.defineProperty(element, 'src', { get: () => url });
  Object.defineProperty(element, 'contentWindow', { get: () => null });
  Object.defineProperty(element, 'clientWidth', { get: () => width });
  Object.defineProperty(element, 'clientHeight', { get: () => height });
  Object.defineProperty(element, 'clientLeft', { get: () => 1 });
  Object.defineProperty(element, 'clientTop', { get: () => 1 });
  element.getBoundingClientRect = () => new DOMRect(x, y, width + 2, height + 2);
  document.body.append(element);
  return element;
}

/** The module, loaded afresh with the browser's `getFrameId` as it is now (Chrome has none). */
async function load(getFrameId?: (element: Element) => number) {
  (browser.runtime as { getFrameId?: unknown }).getFrameId = getFrameId;
  vi.resetModules();
  return import('../../../entrypoints/content/card/top-frame-cards');
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('frameElementFor', () => {
  it('finds the one frame of the asking address and size', async () => {
    const { frameElementFor } = await load();
    frame('https://ads.example/slot', 420, 120);
    const asking = frame(ASKING.frameUrl, 420, 120);
    frame(ASKING.frameUrl, 420, 600);
    expect(frameElementFor(ASKING)).toBe(asking);
  });

  it('finds none when two frames are alike, or none is', async () => {
    const { frameElementFor } = await load();
    frame(ASKING.frameUrl, 420, 120);
    frame(ASKING.frameUrl, 420, 120);
    expect(frameElementFor(ASKING)).toBeNull();
    document.body.replaceChildren();
    frame(ASKING.frameUrl, 300, 120);
    expect(frameElementFor(ASKING)).toBeNull();
  });

  it('asks the browser which element holds the frame where it can say', async () => {
    const alike = [frame(ASKING.frameUrl, 420, 120), frame(ASKING.frameUrl, 420, 120)];
    const { frameElementFor } = await load((element) => (element === alike[1] ? 5 : 4));
    expect(frameElementFor(ASKING)).toBe(alike[1]);
    expect(frameElementFor({ ...ASKING, frameId: 9 })).toBeNull();
  });
});

describe('frameAnchor', () => {
  it('puts the frame’s name where the frame’s content box is now', async () => {
    const { frameAnchor } = await load();
    const element = frame(ASKING.frameUrl, 420, 120, 10, 200);
    const anchor = frameAnchor(element, { x: 8, y: 12, width: 60, height: 18 });
    expect(anchor.getBoundingClientRect().toJSON()).toMatchObject({ x: 19, y: 213, width: 60 });
    element.getBoundingClientRect = () => new DOMRect(10, 150, 422, 122);
    expect(anchor.getBoundingClientRect().y).toBe(163);
    expect(anchor.contextElement).toBe(element);
  });
});
