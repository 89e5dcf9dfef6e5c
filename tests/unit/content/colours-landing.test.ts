import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  afterColoursLand,
  FRAME_WAIT_MS,
} from '../../../entrypoints/content/paint/colours-landing';

/** The frames the browser would draw: each call runs the callbacks queued for one. */
let frames: Array<() => void>;
const drawFrame = () => frames.splice(0).forEach((callback) => callback());

/** Whether `promise` has settled once pending timers of 0 ms and microtasks ran. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterColoursLand', () => {
  it('waits for the answer, then for a frame to be drawn after it', async () => {
    let answer!: () => void;
    const landed = afterColoursLand(new Promise<void>((resolve) => (answer = resolve)));
    drawFrame(); // a frame before the sheet is in does not count
    expect(await settled(landed)).toBe(false);
    answer();
    expect(await settled(landed)).toBe(false);
    drawFrame();
    expect(await settled(landed)).toBe(true);
  });

  it('lets the scan go on when the background refuses', async () => {
    const landed = afterColoursLand(Promise.reject(new Error('no tab')));
    await vi.advanceTimersByTimeAsync(0);
    drawFrame();
    expect(await settled(landed)).toBe(true);
  });

  it('does not wait for ever in a tab that draws no frames', async () => {
    const landed = afterColoursLand(Promise.resolve());
    await vi.advanceTimersByTimeAsync(FRAME_WAIT_MS - 1);
    expect(await settled(landed)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(landed)).toBe(true);
  });
});
