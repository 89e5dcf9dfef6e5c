/**
 * `npm run bench:card`: how soon the briefing card is on screen once the show
 * delay is over, in real Chromium on the demo page. The content script marks
 * `briefing-lens:card-requested` when the show timer fires and
 * `briefing-lens:card-shown` once the card is placed and visible; the page
 * then waits for the next frame to be produced (requestAnimationFrame, then a
 * task after it) for "painted". Two cases:
 *  - warm: the service worker is running (the page just talked to it);
 *  - asleep: the service worker was stopped (CDP ServiceWorker.stopAllWorkers)
 *    after the page loaded, so the briefing's request has to wake it.
 * Also prints how long the background took to answer the briefing request
 * (`briefing-lens:briefing-fetch`), which the card's prefetch during the
 * pointer's dwell hides. Prints figures; asserts nothing.
 */
import type { CDPSession, Page } from 'playwright-core';
import { launch, waitForScan, type Harness } from '../tests/e2e/harness';
import { allowNamedFunctions, hoverMention, waitForCardClosed } from '../tests/e2e/card-helpers';
import { renderDemoPage } from '../scripts/demo-page';

const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 12);
const ASLEEP_RUNS = Number(process.env.BENCH_ASLEEP_RUNS ?? Math.max(4, WARM_RUNS / 2));
/** Names on the demo page, hovered in turn (each a different briefing). */
const NAMES = [
  'Wang Yi',
  'Lee Jae-myung',
  'Xi Jinping',
  'Sanae Takaichi',
  'Donald Trump',
  'Gyeongju',
];

interface Sample {
  entityId: string;
  /** show timer fired → card placed and visible (the content script's own work) */
  shown: number;
  /** show timer fired → the frame with the card produced */
  painted: number;
  /** the background's answer to getBriefing, from the prefetch during the dwell */
  fetch: number | null;
}

/** Listens for the card's marks in the page; resolves with the next card's figures. */
async function armStopwatch(page: Page): Promise<void> {
  await allowNamedFunctions(page);
  await page.evaluate(() => {
    const w = window as unknown as { __cardBench?: Promise<unknown> };
    w.__cardBench = new Promise((resolve) => {
      let requested = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name === 'briefing-lens:card-requested') requested = entry.startTime;
          if (entry.name !== 'briefing-lens:card-shown' || !requested) continue;
          observer.disconnect();
          const shown = entry.startTime;
          const detail = (entry as PerformanceMark).detail as { entityId: string };
          requestAnimationFrame(() => {
            // The frame's paint follows its animation-frame callbacks; a task
            // posted from here runs once that frame is produced.
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const painted = performance.now();
              const fetches = performance
                .getEntriesByName('briefing-lens:briefing-fetch')
                .filter(
                  (m) =>
                    ((m as PerformanceMeasure).detail as { entityId: string }).entityId ===
                    detail.entityId,
                );
              resolve({
                entityId: detail.entityId,
                shown: shown - requested,
                painted: painted - requested,
                fetch: fetches.at(-1)?.duration ?? null,
              });
            };
            channel.port2.postMessage(null);
          });
        }
      });
      observer.observe({ entryTypes: ['mark'] });
    });
  });
}

async function readStopwatch(page: Page): Promise<Sample> {
  return page.evaluate(() => (window as unknown as { __cardBench: Promise<Sample> }).__cardBench);
}

async function measureHover(page: Page, name: string): Promise<Sample> {
  await page.mouse.move(2, 2);
  await waitForCardClosed(page);
  await armStopwatch(page);
  await hoverMention(page, name);
  const sample = await readStopwatch(page);
  await page.keyboard.press('Escape');
  return sample;
}

/** Stops every service worker and waits until the extension's has stopped. */
async function stopServiceWorkers(cdp: CDPSession, extensionId: string): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 3000);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((v) => v.scriptURL.includes(extensionId));
      if (ours.length && ours.every((v) => v.runningStatus === 'stopped')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

function report(label: string, samples: Sample[], budget: number): void {
  const painted = samples.map((s) => s.painted);
  const shown = samples.map((s) => s.shown);
  const fetches = samples.flatMap((s) => (s.fetch === null ? [] : [s.fetch]));
  console.log(
    `card ${label.padEnd(20)} n=${String(samples.length).padStart(2)}  ` +
      `shown median ${ms(median(shown))}  ` +
      `painted median ${ms(median(painted))} p90 ${ms(quantile(painted, 0.9))} max ${ms(Math.max(...painted))}  ` +
      `(budget ${budget} ms after the show delay; ${painted.filter((p) => p <= budget).length}/${painted.length} within)` +
      (fetches.length
        ? `  background answer median ${ms(median(fetches))} max ${ms(Math.max(...fetches))}`
        : ''),
  );
}

async function main() {
  const harness: Harness = await launch();
  try {
    const url = harness.server.route('/demo.html', { body: renderDemoPage().html });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(page);
    // One hover to load fonts and code paths, not counted.
    await measureHover(page, NAMES[0]!);

    const warmFirst: Sample[] = [];
    const warmAgain: Sample[] = [];
    for (let run = 0; run < WARM_RUNS; run++) {
      // A fresh page each round: every name's first card on that page.
      await page.reload();
      await waitForScan(page);
      const name = NAMES[run % NAMES.length]!;
      warmFirst.push(await measureHover(page, name));
      // Its briefing is cached in the page by now: no background answer to count.
      warmAgain.push({ ...(await measureHover(page, name)), fetch: null });
    }

    const asleep: Sample[] = [];
    const cdp = await harness.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    for (let run = 0; run < ASLEEP_RUNS; run++) {
      await page.reload();
      await waitForScan(page);
      await stopServiceWorkers(cdp, harness.extensionId);
      asleep.push(await measureHover(page, NAMES[run % NAMES.length]!));
    }
    await cdp.detach();

    console.log(
      `card: time from the show timer firing (pointer arrival + 500 ms delay) to the card on screen, demo page, Chromium ${harness.context.browser()?.version() ?? ''}`,
    );
    report('warm, first on page', warmFirst, 50);
    report('warm, again', warmAgain, 50);
    report('worker asleep', asleep, 250);
  } finally {
    await harness.close();
  }
}

await main();
