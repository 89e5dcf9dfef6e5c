/**
 * `npm run bench:side-panel`: how fast the real side panel follows the
 * reader. Opens it once from the popup's button, then N times (BENCH_RUNS,
 * default 20) each, on the browser's and this process's shared wall clock
 * (performance.timeOrigin + now(), the same machine):
 *  - tab switch → list: from bringing the other tab to the front to the
 *    panel's `briefing-lens:panel-listed` mark for that tab's list, every
 *    briefing in it shown (issue 19's budget: 100 ms);
 *  - look → shown: from the page's card starting to open for a hovered name
 *    (the moment the content script tells the panel) to the panel's
 *    `briefing-lens:panel-look` mark, the name marked and opened there.
 * Prints median and p95. Asserts nothing.
 */
import {
  hoverText,
  launch,
  openToolbarPopup,
  waitForCard,
  waitForScan,
  waitForSidePanel,
} from '../tests/support/harness';
import { clickInPopup } from '../tests/support/popup-helpers';
import { waitForCardClosed } from '../tests/support/card-helpers';
import { renderDemoPage } from '../tests/support/demo-page';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const OTHER_PAGE =
  '<!doctype html><html lang="en"><body><p>Xi Jinping met Lee Jae-myung.</p></body></html>';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${label.padEnd(22)} median ${percentile(sorted, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms   min ${sorted[0]!.toFixed(1).padStart(6)} ms   max ${sorted.at(-1)!.toFixed(1).padStart(6)} ms`;
}

const now = () => performance.timeOrigin + performance.now();

const harness = await launch();
try {
  const demo = renderDemoPage();
  const page = await harness.context.newPage();
  await page.goto(harness.server.route('/demo.html', { body: demo.html }));
  await waitForScan(harness, page);
  const other = await harness.context.newPage();
  await other.goto(harness.server.route('/other.html', { body: OTHER_PAGE }));
  await waitForScan(harness, other);

  const popup = await openToolbarPopup(harness, page);
  await popup.waitFor(`document.querySelector('[data-action="side-panel"]')`);
  await clickInPopup(popup, '[data-action="side-panel"]');
  const panel = await waitForSidePanel(harness);
  await panel.waitFor(`performance.getEntriesByName('briefing-lens:panel-listed').length > 0`);
  const demoRows = await panel.evaluate<number>(
    `document.querySelectorAll('.entities [data-entity]').length`,
  );

  /** The first mark of `name` after `since`, whose detail passes `matches`, on the shared clock. */
  const markAfter = async (name: string, since: number, matches: string) => {
    const expression = `performance.getEntriesByName('${name}').map((m) => m.detail).filter((d) => d.shownAt > ${since} && (${matches}))[0]`;
    await panel.waitFor(expression, 10_000);
    return panel.evaluate<{ shownAt: number; seenAt?: number }>(expression);
  };

  const switches: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const [tab, rows] of [
      [other, 2],
      [page, demoRows],
    ] as const) {
      const at = now();
      await tab.bringToFront();
      const mark = await markAfter('briefing-lens:panel-listed', at, `d.rows === ${rows}`);
      switches.push(mark.shownAt - at);
    }
  }

  const looks: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const at = now();
    await hoverText(page, run % 2 ? 'Motegi' : 'Takaichi');
    await waitForCard(page);
    const mark = await markAfter('briefing-lens:panel-look', at, 'true');
    looks.push(mark.shownAt - mark.seenAt!);
    await page.mouse.move(2, 2);
    await waitForCardClosed(page);
  }

  console.log(
    `side panel on the demo page (${demoRows} cards) and a page of 2, Chromium headless, ${RUNS} runs:`,
  );
  console.log(summary('tab switch → list', switches));
  console.log(summary('look → shown', looks));
  panel.close();
} finally {
  await harness.close();
}
