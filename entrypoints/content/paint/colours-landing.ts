/**
 * The highlights' colours come as a sheet the background inserts into the
 * frame, and a sheet of `::highlight()` rules makes the browser work out the
 * style of every element again once it lands (60–110 ms on a 10,000-element
 * page in Chromium; a sheet of class rules costs 5). A rendered check made
 * before the browser has done so makes it do that work inside our scan slice
 * instead of in its own next frame, where it happens anyway. So once the
 * colours are asked for, the scan waits for the sheet to land and for one
 * frame to be drawn.
 */

/** The longest the scan waits for a frame: a tab in the background draws none. */
export const FRAME_WAIT_MS = 100;

/** Resolves once `sent` (the request for the sheet) is answered and the browser has drawn a frame since. */
export function afterColoursLand(sent: Promise<unknown>): Promise<void> {
  return sent
    .catch(() => undefined)
    .then(
      () =>
        new Promise<void>((resolve) => {
          const timeout = setTimeout(resolve, FRAME_WAIT_MS);
          // The frame restyles after its animation callbacks: a task after one.
          requestAnimationFrame(() =>
            setTimeout(() => {
              clearTimeout(timeout);
              resolve();
            }, 0),
          );
        }),
    );
}
