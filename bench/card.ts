/**
 * `npm run bench:card`: how soon the briefing card is on screen once the show
 * delay is over, in real Chromium on the demo page. The content script notes
 * (in its diagnostics) when the show timer fires and when the card is placed
 * and visible; the page watches for the frame that shows it to be produced
 * (requestAnimationFrame, then a task after it) for "painted". Two cases:
 *  - warm: the service worker is running (the page just talked to it);
 *  - asleep: the service worker was stopped (CDP ServiceWorker.stopAllWorkers)
 *    after the page loaded, so the briefing's request has to wake it.
 * Also prints how long the background took to answer the briefing request
 * (the diagnostics' `fetched` timing), which the card's prefetch during the
 * pointer's dwell hides. With `-- --baseline DIR` (another build's
 * .output/chrome-mv3), that build is measured in the same run, its rounds
 * interleaved with this one's, and the medians are compared: the A/B of a
 * change. Prints figures; asserts nothing.
 */
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { diagnostics, launch, waitFor, waitForScan, type Harness } from '../tests/support/harness';
import {
  allowNamedFunctions,
  hoverMention,
  waitForCardClosed,
} from '../tests/support/card-helpers';
import { renderDemoPage } from '../tests/support/demo-page';

const args = process.argv.slice(2);
const baselineAt = args.indexOf('--baseline');
const BASELINE_DIR = baselineAt >= 0 ? args[baselineAt + 1] : undefined;
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

/**
 * Watches the page for the card's host becoming visible (the host is the one
 * element the extension adds, so the page can see it) and notes when the
 * frame that shows it has been produced: requestAnimationFrame, then a task
 * posted from there, which runs once that frame is out.
 */
async function armStopwatch(page: Page): Promise<void> {
  await allowNamedFunctions(page);
  await page.evaluate(() => {
    const w = window as unknown as { __cardPainted?: Promise<number> };
    w.__cardPainted = new Promise((resolve) => {
      const tick = () => {
        const host = document.querySelector('briefing-lens-card');
        if (!host || getComputedStyle(host).visibility !== 'visible')
          return requestAnimationFrame(tick);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(tick);
    });
  });
}

/** The card's figures, from its timings in the diagnostics and the page's painted time. */
async function readStopwatch(harness: Harness, page: Page, since: number): Promise<Sample> {
  const painted = await page.evaluate(
    () => (window as unknown as { __cardPainted: Promise<number> }).__cardPainted,
  );
  const timings = await waitFor(
    async () => ((await diagnostics(harness, page))?.cards ?? []).filter((c) => c.at >= since),
    (cards) => cards.some((c) => c.event === 'shown'),
    'the card to be shown',
  );
  const shown = timings.find((c) => c.event === 'shown')!;
  const requested = timings.find((c) => c.event === 'requested' && c.entityId === shown.entityId)!;
  const fetched = timings.find((c) => c.event === 'fetched' && c.entityId === shown.entityId);
  return {
    entityId: shown.entityId,
    shown: shown.at - requested.at,
    painted: painted - requested.at,
    fetch: fetched && fetched.event === 'fetched' ? fetched.ms : null,
  };
}

async function measureHover(harness: Harness, page: Page, name: string): Promise<Sample> {
  await page.mouse.move(2, 2);
  await waitForCardClosed(page);
  await armStopwatch(page);
  const since = await page.evaluate(() => performance.now());
  await hoverMention(page, name);
  const sample = await readStopwatch(harness, page, since);
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
    `card ${label.padEnd(34)} n=${String(samples.length).padStart(2)}  ` +
      `shown median ${ms(median(shown))}  ` +
      `painted median ${ms(median(painted))} p90 ${ms(quantile(painted, 0.9))} max ${ms(Math.max(...painted))}  ` +
      `(budget ${budget} ms after the show delay; ${painted.filter((p) => p <= budget).length}/${painted.length} within)` +
      (fetches.length
        ? `  background answer median ${ms(median(fetches))} max ${ms(Math.max(...fetches))}`
        : ''),
  );
}

interface Subject {
  label: string;
  harness: Harness;
  page: Page;
  cdp: CDPSession;
  warmFirst: Sample[];
  warmAgain: Sample[];
  asleep: Sample[];
}

async function openSubject(label: string, extensionDir?: string): Promise<Subject> {
  const harness: Harness = await launch(extensionDir ? { extensionDir } : {});
  const url = harness.server.route('/demo.html', { body: renderDemoPage().html });
  const page = await harness.context.newPage();
  await page.goto(url);
  await waitForScan(harness, page);
  // One hover to load fonts and code paths, not counted.
  await measureHover(harness, page, NAMES[0]!);
  const cdp = await harness.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return { label, harness, page, cdp, warmFirst: [], warmAgain: [], asleep: [] };
}

/** A fresh page, every name's first card on that page, then the same card again (cached). */
async function warmRound(s: Subject, run: number): Promise<void> {
  await s.page.reload();
  await waitForScan(s.harness, s.page);
  const name = NAMES[run % NAMES.length]!;
  s.warmFirst.push(await measureHover(s.harness, s.page, name));
  // Its briefing is cached in the page by now: no background answer to count.
  s.warmAgain.push({ ...(await measureHover(s.harness, s.page, name)), fetch: null });
}

async function asleepRound(s: Subject, run: number): Promise<void> {
  await s.page.reload();
  await waitForScan(s.harness, s.page);
  await stopServiceWorkers(s.cdp, s.harness.extensionId);
  s.asleep.push(await measureHover(s.harness, s.page, NAMES[run % NAMES.length]!));
}

function compare(label: string, ours: Sample[], theirs: Sample[]): void {
  const ratio = (key: 'shown' | 'painted') =>
    (median(ours.map((s) => s[key])) / median(theirs.map((s) => s[key]))).toFixed(2);
  console.log(
    `card ${label.padEnd(20)} this build/baseline: shown median ${ratio('shown')}×  painted median ${ratio('painted')}×`,
  );
}

async function main() {
  const subjects = [await openSubject('this build')];
  if (BASELINE_DIR) subjects.push(await openSubject('baseline', path.resolve(BASELINE_DIR)));
  try {
    // Interleaved, so that the machine's load falls on both builds alike.
    for (let run = 0; run < WARM_RUNS; run++) for (const s of subjects) await warmRound(s, run);
    for (let run = 0; run < ASLEEP_RUNS; run++) for (const s of subjects) await asleepRound(s, run);

    console.log(
      `card: time from the show timer firing (pointer arrival + 500 ms delay) to the card on screen, demo page, Chromium ${subjects[0]!.harness.context.browser()?.version() ?? ''}`,
    );
    for (const s of subjects) {
      const tag = subjects.length > 1 ? `[${s.label}] ` : '';
      report(`${tag}warm, first on page`, s.warmFirst, 50);
      report(`${tag}warm, again`, s.warmAgain, 50);
      report(`${tag}worker asleep`, s.asleep, 250);
    }
    const [ours, theirs] = subjects;
    if (ours && theirs) {
      compare('warm, first on page', ours.warmFirst, theirs.warmFirst);
      compare('warm, again', ours.warmAgain, theirs.warmAgain);
      compare('worker asleep', ours.asleep, theirs.asleep);
    }
  } finally {
    for (const s of subjects) await s.harness.close();
  }
}

await main();
