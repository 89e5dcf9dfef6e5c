/**
 * `npm run bench:popup`: how long the real toolbar popup takes to show the
 * cards of the demo page. Opens it N times (BENCH_RUNS, default 20) with
 * chrome.action.openPopup() in the service worker and measures, on the
 * browser's one wall clock (performance.timeOrigin + now()):
 *  - open → cards: from the openPopup() call to the popup's
 *    `briefing-lens:popup-ready` mark (set when the first [data-entity] row is
 *    in the DOM);
 *  - navigation → cards: the same mark relative to the popup's own
 *    navigation start (what the popup's code costs, without the browser's
 *    window and process start);
 *  - navigation → briefings: to `briefing-lens:popup-briefed`, set when every
 *    listed card shows its briefing too (issue 19's budget: 150 ms);
 * and prints median and p95. Asserts nothing.
 */
import { launch, PopupTarget, waitForScan, extensionUrl } from '../tests/support/harness';
import { launchOptions } from '../tests/support/popup-helpers';
import { renderDemoPage } from '../tests/support/demo-page';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const READY = 'briefing-lens:popup-ready';
const BRIEFED = 'briefing-lens:popup-briefed';

interface Target {
  id: string;
  url: string;
  webSocketDebuggerUrl: string;
}

async function targets(port: number): Promise<Target[]> {
  return (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Target[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${label.padEnd(22)} median ${percentile(sorted, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms   min ${sorted[0]!.toFixed(1).padStart(6)} ms   max ${sorted.at(-1)!.toFixed(1).padStart(6)} ms`;
}

const harness = await launch(launchOptions({}));
try {
  const demo = renderDemoPage();
  const page = await harness.context.newPage();
  await page.goto(harness.server.route('/demo.html', { body: demo.html }));
  await waitForScan(harness, page);
  const popupUrl = extensionUrl(harness, 'popup.html');

  const openToCards: number[] = [];
  const navigationToCards: number[] = [];
  const openToNavigation: number[] = [];
  const navigationToLoaded: number[] = [];
  const loadedToCards: number[] = [];
  const navigationToBriefings: number[] = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    await page.bringToFront();
    const calledAt = await harness.worker.evaluate(() => {
      const at = performance.timeOrigin + performance.now();
      void (
        globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }
      ).chrome.action.openPopup();
      return at;
    });
    let target: Target | undefined;
    for (let tries = 0; !target && tries < 200; tries++) {
      target = (await targets(harness.devtoolsPort)).find((t) => t.url.startsWith(popupUrl));
      if (!target) await new Promise((r) => setTimeout(r, 10));
    }
    if (!target) throw new Error('The toolbar popup did not open');
    const popup = await PopupTarget.connect(target.webSocketDebuggerUrl);
    await popup.waitFor(`performance.getEntriesByName('${BRIEFED}').length > 0`, 10_000);
    const timing = await popup.evaluate<{
      readyAt: number;
      navigationAt: number;
      sinceNavigation: number;
      loaded: number;
      briefed: number;
      rows: number;
    }>(
      `(() => {
        const mark = performance.getEntriesByName('${READY}')[0];
        const nav = performance.getEntriesByType('navigation')[0];
        return {
          readyAt: performance.timeOrigin + mark.startTime,
          navigationAt: performance.timeOrigin,
          sinceNavigation: mark.startTime,
          loaded: nav.domContentLoadedEventEnd,
          briefed: performance.getEntriesByName('${BRIEFED}')[0].startTime,
          rows: document.querySelectorAll('[data-entity]').length,
        };
      })()`,
    );
    rows = timing.rows;
    // The first run starts the popup's renderer: shown, but kept apart from the steady state.
    if (run === 0)
      console.log(
        `first open (cold)       open → cards ${(timing.readyAt - calledAt).toFixed(1)} ms, navigation → cards ${timing.sinceNavigation.toFixed(1)} ms`,
      );
    else {
      openToCards.push(timing.readyAt - calledAt);
      openToNavigation.push(timing.navigationAt - calledAt);
      navigationToLoaded.push(timing.loaded);
      loadedToCards.push(timing.sinceNavigation - timing.loaded);
      navigationToCards.push(timing.sinceNavigation);
      navigationToBriefings.push(timing.briefed);
    }
    // No reply comes from a page that closes itself: do not wait for one.
    void popup.evaluate('window.close()').catch(() => undefined);
    for (let tries = 0; tries < 100; tries++) {
      if (!(await targets(harness.devtoolsPort)).some((t) => t.id === target.id)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    popup.close();
    // Let the closed popup's window go before the next open (back-to-back opens queue behind it).
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(
    `toolbar popup on the demo page (${rows} cards), ${openToCards.length} warm opens, Chromium headless:`,
  );
  console.log(summary('open → cards', openToCards));
  console.log(summary('  open → navigation', openToNavigation));
  console.log(summary('  navigation → DOM ready', navigationToLoaded));
  console.log(summary('  DOM ready → cards', loadedToCards));
  console.log(summary('navigation → cards', navigationToCards));
  console.log(summary('navigation → briefings', navigationToBriefings));
} finally {
  await harness.close();
}
