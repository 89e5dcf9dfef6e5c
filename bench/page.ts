/**
 * `npm run bench:page`: what the content script costs a page, in real
 * Chromium, over the saved corpus pages and the 5 MB stress page. Per page:
 *  - the extension: CPU time of all its scan-and-highlight slices (from its
 *    `briefing-lens:scan` measure) and its longest slice;
 *  - the floor, in the same run: a bare TreeWalker pass with one combined
 *    RegExp of every alias over each text node, registering the same kind of
 *    ranges in a CSS highlight;
 *  - mark.js 8.11.1 `markRegExp` with the same combined expression (its fastest mode);
 * then the ratios. Prints figures; asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  CORPUS_DIR,
  REPO_ROOT,
  STATIC_PAGE_HEADERS,
  launch,
  waitForScan,
} from '../tests/e2e/harness';
import { loadEntities } from '../tests/e2e/expected';
import { buildStressPage } from './stress-page';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const only = process.argv.slice(2);

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

/** The floor: runs in the page's main world. */
function floorScan(source: string): { ms: number; ranges: number } {
  const re = new RegExp(source, 'g');
  const start = performance.now();
  const highlight = new Highlight();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    re.lastIndex = 0;
    for (let m = re.exec(data); m; m = re.exec(data))
      highlight.add(
        new StaticRange({
          startContainer: node,
          startOffset: m.index,
          endContainer: node,
          endOffset: m.index + m[0].length,
        }),
      );
  }
  CSS.highlights.set('bench-floor', highlight);
  return { ms: performance.now() - start, ranges: highlight.size };
}

async function plainPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return page;
}

async function main() {
  const aliases = aliasesOf();
  const source = aliases.map(escape).join('|');
  const markJs = readFileSync(
    path.join(REPO_ROOT, 'node_modules/mark.js/dist/mark.min.js'),
    'utf8',
  );

  const harness = await launch();
  const plain = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const pages = readdirSync(CORPUS_DIR)
    .filter((n) => n.endsWith('.html'))
    .sort()
    .map((name) => ({ name, body: readFileSync(path.join(CORPUS_DIR, name)) as Buffer | string }));
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
      'floor ms',
      'mark.js ms',
      'ext/floor',
      'ext/mark.js',
    ].join('\t'),
  );
  const ratios: number[] = [];
  let slowerThanMark = 0;
  for (const [i, { name, body }] of pages.entries()) {
    if (only.length && !only.some((o) => name.includes(o))) continue;
    const url = harness.server.route(`/p${i}.html`, { body, headers: STATIC_PAGE_HEADERS });
    const ext: number[] = [];
    const slices: number[] = [];
    let mentions = 0;
    const floor: number[] = [];
    const mark: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await harness.context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      const [scan] = await waitForScan(page, 1, 120_000);
      ext.push(scan!.cpuMs);
      slices.push(scan!.longestSliceMs);
      mentions = scan!.mentions;
      await page.close();

      const floorPage = await plainPage(plain, url);
      floor.push((await floorPage.evaluate(floorScan, source)).ms);
      await floorPage.close();

      const markPage = await plainPage(plain, url);
      await markPage.evaluate(markJs);
      mark.push(
        await markPage.evaluate(
          (src) =>
            new Promise<number>((resolve) => {
              const start = performance.now();
              const Mark = (
                window as unknown as {
                  Mark: new (el: Element) => { markRegExp(re: RegExp, o: object): void };
                }
              ).Mark;
              new Mark(document.body).markRegExp(new RegExp(src, 'g'), {
                done: () => resolve(performance.now() - start),
              });
            }),
          source,
        ),
      );
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
        f.toFixed(1),
        m.toFixed(1),
        (e / f).toFixed(2),
        (e / m).toFixed(2),
      ].join('\t'),
    );
  }
  if (ratios.length)
    console.log(
      `median over corpus pages: extension/floor = ${median(ratios).toFixed(2)}×; pages where the extension is not faster than mark.js: ${slowerThanMark}`,
    );
  await plain.close();
  await harness.close();
}

void main().then(
  () => undefined,
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
