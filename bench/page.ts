/**
 * `npm run bench:page`: what the content script costs a page, in real
 * Chromium, over the saved corpus pages and the 5 MB stress page. Per page:
 *  - the extension: CPU time of all its scan-and-highlight slices and its
 *    longest slice (from its scan pass, read through the diagnostics channel);
 *  - the floor, in the same run: a bare TreeWalker pass with one combined
 *    RegExp of every alias over each text node, registering the same kind of
 *    ranges in a CSS highlight;
 *  - mark.js 8.11.1 `markRegExp` with the same combined expression (its fastest mode);
 * then the ratios. Beside them, the longest the document's decisions took at
 * the end of a slice (linking, and reporting what changed), what setting up the matcher cost the page
 * before the scan (the diagnostics' `setupMs`), which the floor and mark.js do
 * not have to do, and how many slices were longer than a long task (50 ms).
 * With `-- --baseline DIR` (another build's .output/chrome-mv3), that build
 * is measured in the same run, its runs interleaved with this one's: the A/B
 * of a change. Builds from before the diagnostics channel (before 2297829)
 * reported their scans on the page's Performance timeline instead; add
 * `--baseline-timeline` to read them there. Prints figures; asserts nothing.
 * Needs ../shared/corpus.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScanPassDetail } from '../lib/messaging/protocol';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  CORPUS_DIR,
  REPO_ROOT,
  SHARED_MISSING,
  STATIC_PAGE_HEADERS,
  corpusPages,
  diagnostics,
  hasCorpus,
  launch,
  waitForScan,
  type Harness,
} from '../tests/support/harness';
import { loadEntities } from '../tests/support/expected';
import { buildStressPage } from '../tests/support/stress-page';
// @ts-expect-error plain JavaScript on purpose (see in-page.js)
import { floorScan, markRegExp } from './in-page.js';

/** Calls a function of in-page.js in the page, as source text (see that file). */
function inPage<T>(page: Page, fn: (arg: string) => unknown, arg: string): Promise<T> {
  return page.evaluate(`(${fn.toString()})(${JSON.stringify(arg)})`) as Promise<T>;
}

// Seven: a cold page load varies by ±30% on two cores (garbage collection and
// the browser's other threads land in a slice or not); the median of seven is steady.
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const args = process.argv.slice(2);
const baselineAt = args.indexOf('--baseline');
const BASELINE_DIR = baselineAt >= 0 ? args[baselineAt + 1] : undefined;
const BASELINE_TIMELINE = args.includes('--baseline-timeline');
const only = args.filter(
  (a, i) =>
    a !== '--baseline-timeline' && (baselineAt < 0 || (i !== baselineAt && i !== baselineAt + 1)),
);

function aliasesOf(): string[] {
  const forms = new Set<string>();
  for (const entity of loadEntities())
    for (const group of [entity.aliases, entity.ambiguous ?? {}])
      for (const list of Object.values(group)) for (const form of list ?? []) forms.add(form);
  return [...forms].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function plainPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return page;
}

/** A task longer than this blocks input noticeably (the Long Tasks API's threshold). */
const LONG_TASK_MS = 50;

async function main() {
  if (!hasCorpus) {
    console.log(`bench:page ${SHARED_MISSING}`);
    return;
  }
  const harness = await launch();
  const baseline = BASELINE_DIR ? await launch({ extensionDir: path.resolve(BASELINE_DIR) }) : null;
  const plain = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    await measure(harness, plain, baseline);
  } finally {
    await plain.close();
    await baseline?.close();
    await harness.close();
  }
}

/**
 * A build from before the diagnostics channel: its first scan pass and setup,
 * from the `briefing-lens:scan` and `briefing-lens:compile` measures it put on
 * the page's timeline.
 */
async function timelineRun(harness: Harness, url: string) {
  const page = await harness.context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(
    () => performance.getEntriesByName('briefing-lens:scan').length > 0,
    undefined,
    {
      timeout: 120_000,
    },
  );
  const { scan, setupMs } = await page.evaluate(() => ({
    scan: (performance.getEntriesByName('briefing-lens:scan')[0] as PerformanceMeasure).detail,
    setupMs: performance.getEntriesByName('briefing-lens:compile')[0]?.duration ?? NaN,
  }));
  await page.close();
  return { scan: { longestLinkMs: 0, ...scan } as ScanPassDetail, setupMs };
}

/** One cold load of `url` in `harness`'s browser: its first scan pass, and its setup. */
async function extensionRun(harness: Harness, url: string) {
  const page = await harness.context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const [scan] = await waitForScan(harness, page, 1, 120_000);
  const setupMs = (await diagnostics(harness, page))!.setupMs ?? NaN;
  await page.close();
  return { scan: scan!, setupMs };
}

async function measure(harness: Harness, plain: Browser, baseline: Harness | null) {
  const aliases = aliasesOf();
  const source = aliases.map(escape).join('|');
  const markJs = readFileSync(
    path.join(REPO_ROOT, 'node_modules/mark.js/dist/mark.min.js'),
    'utf8',
  );

  const pages = corpusPages().map((name) => ({
    name,
    body: readFileSync(path.join(CORPUS_DIR, name)) as Buffer | string,
  }));
  pages.push({ name: 'stress-5mb (generated)', body: buildStressPage(CORPUS_DIR) });

  console.log(
    `bench:page — ${aliases.length} aliases, median of ${RUNS} runs, Chromium ${plain.version()}`,
  );
  console.log(
    [
      'page',
      'KB',
      'mentions',
      'ext ms',
      'longest slice',
      'longest link',
      'compile ms',
      'floor ms',
      'mark.js ms',
      'ext/floor',
      'ext/mark.js',
      ...(baseline ? ['baseline ms', 'baseline slice', 'ext/baseline'] : []),
    ].join('\t'),
  );
  const againstBaseline: number[] = [];
  let longestSlice = 0;
  let longestBaselineSlice = 0;
  let longestLink = 0;
  let longestLinkPage = '';
  let longestDecision = 0;
  let longestDecisionPage = '';
  let longestSlicePage = '';
  const ratios: number[] = [];
  let slowerThanMark = 0;
  let longTasks = 0;
  for (const [i, { name, body }] of pages.entries()) {
    if (only.length && !only.some((o) => name.includes(o))) continue;
    const url = harness.server.route(`/p${i}.html`, { body, headers: STATIC_PAGE_HEADERS });
    const ext: number[] = [];
    const slices: number[] = [];
    const links: number[] = [];
    const compile: number[] = [];
    let mentions = 0;
    const floor: number[] = [];
    const mark: number[] = [];
    const base: number[] = [];
    const baseSlices: number[] = [];
    if (baseline) baseline.server.route(`/p${i}.html`, { body, headers: STATIC_PAGE_HEADERS });
    for (let run = 0; run < RUNS; run++) {
      const { scan, setupMs } = await extensionRun(harness, url);
      ext.push(scan.cpuMs);
      slices.push(scan.longestSliceMs);
      // (builds from before the linker do not report it)
      links.push(scan.longestLinkMs ?? 0);
      if ((scan.longestDecisionMs ?? 0) > longestDecision) longestDecisionPage = name;
      longestDecision = Math.max(longestDecision, scan.longestDecisionMs ?? 0);
      if ((scan.longestLinkMs ?? 0) > longestLink) longestLinkPage = name;
      longestLink = Math.max(longestLink, scan.longestLinkMs ?? 0);
      if (scan.longestSliceMs > longestSlice) longestSlicePage = name;
      longestSlice = Math.max(longestSlice, scan.longestSliceMs);
      if (scan.longestSliceMs > LONG_TASK_MS) longTasks++;
      mentions = scan.mentions;
      compile.push(setupMs);
      if (baseline) {
        const run = BASELINE_TIMELINE ? timelineRun : extensionRun;
        const b = await run(baseline, baseline.server.url(`/p${i}.html`));
        base.push(b.scan.cpuMs);
        baseSlices.push(b.scan.longestSliceMs);
        longestBaselineSlice = Math.max(longestBaselineSlice, b.scan.longestSliceMs);
      }

      const floorPage = await plainPage(plain, url);
      floor.push((await inPage<{ ms: number }>(floorPage, floorScan, source)).ms);
      await floorPage.close();

      const markPage = await plainPage(plain, url);
      await markPage.evaluate(markJs);
      mark.push((await inPage<{ ms: number }>(markPage, markRegExp, source)).ms);
      await markPage.close();
    }
    const e = median(ext);
    const f = median(floor);
    const m = median(mark);
    if (!name.startsWith('stress')) ratios.push(e / f);
    if (e >= m) slowerThanMark++;
    console.log(
      [
        name,
        (Buffer.byteLength(body) / 1024).toFixed(0),
        mentions,
        e.toFixed(1),
        median(slices).toFixed(1),
        median(links).toFixed(1),
        median(compile).toFixed(1),
        f.toFixed(1),
        m.toFixed(1),
        (e / f).toFixed(2),
        (e / m).toFixed(2),
        ...(baseline
          ? [median(base).toFixed(1), median(baseSlices).toFixed(1), (e / median(base)).toFixed(2)]
          : []),
      ].join('\t'),
    );
    if (baseline) againstBaseline.push(e / median(base));
  }
  if (baseline)
    console.log(
      `A/B against ${BASELINE_DIR}: median extension/baseline = ${median(againstBaseline).toFixed(2)}×; longest slice ${longestSlice.toFixed(1)} ms (baseline ${longestBaselineSlice.toFixed(1)} ms)`,
    );
  if (ratios.length)
    console.log(
      `median over corpus pages: extension/floor = ${median(ratios).toFixed(2)}×; pages where the extension is not faster than mark.js: ${slowerThanMark}`,
    );
  console.log(`runs with a slice over ${LONG_TASK_MS} ms (a long task): ${longTasks}`);
  console.log(
    `longest linking at the end of a slice, over every run: ${longestLink.toFixed(1)} ms (${longestLinkPage}), of which deciding ${longestDecision.toFixed(1)} ms at most (${longestDecisionPage}); longest slice ${longestSlice.toFixed(1)} ms (${longestSlicePage})`,
  );
}

void main().then(
  () => undefined,
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
