/**
 * `npm run demo`: the extension doing its job. Starts Chromium with the built
 * extension (headless where there is no display), serves the demo page and the
 * project's own fixture pages (tests/fixtures/pages) from 127.0.0.1 — plus
 * three saved pages of ../shared/corpus when that is beside the clone —, hovers
 * a name, opens the toolbar popup and the options page, writes PNG screenshots
 * to demo-output/, and prints one line per page: the names found and their
 * mention counts. Exits non-zero when the extension did not load or found
 * nothing on the demo page.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CORPUS_DIR,
  FIXTURE_PAGES_DIR,
  REPO_ROOT,
  hasCorpus,
  STATIC_PAGE_HEADERS,
  hoverText,
  waitForCard,
  launch,
  openExtensionPage,
  openToolbarPopup,
  readHighlights,
  waitForScan,
  type Harness,
} from '../tests/support/harness';
import { renderDemoPage } from '../tests/support/demo-page';

const OUT = path.join(REPO_ROOT, 'demo-output');
/** Saved pages that mention the briefing's world (Korea, the U.S., China, Japan), when present. */
const CORPUS_PAGES = ['schema-org-context-object.html', 'nytimes-1.html', 'yahoo-4.html'];

async function namesOnPage(harness: Harness, page: import('playwright-core').Page) {
  const popup = await openToolbarPopup(harness, page);
  try {
    // The tab has answered: the list, or why there is none (not "reading the page").
    await popup.waitFor(`document.querySelector('.content[aria-busy="false"]')`);
    const listed = await popup.evaluate<Array<{ name: string; count: number }>>(
      `[...document.querySelectorAll('.entities [data-entity]')].map((e) => ({ name: e.querySelector('.name').textContent, count: Number(e.querySelector('[data-count]')?.dataset.count ?? 0) }))`,
    );
    return { popup, listed };
  } catch (error) {
    popup.close();
    throw error;
  }
}

async function main(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  let harness: Harness;
  try {
    harness = await launch({ viewport: { width: 1280, height: 860 } });
  } catch (error) {
    console.error(`The extension did not load: ${(error as Error).message}`);
    return 1;
  }
  let status = 0;
  try {
    const demoUrl = harness.server.route('/demo.html', { body: renderDemoPage().html });
    const pages: Array<{ label: string; url: string }> = [{ label: 'demo.html', url: demoUrl }];
    for (const name of readdirSync(FIXTURE_PAGES_DIR).filter((f) => f.endsWith('.html')))
      pages.push({
        label: `fixtures/${name}`,
        url: harness.server.route(`/fixtures/${name}`, {
          body: readFileSync(path.join(FIXTURE_PAGES_DIR, name)),
        }),
      });
    if (!hasCorpus)
      console.log('(../shared/corpus is not beside this clone: only the project’s own pages)');
    for (const name of hasCorpus ? CORPUS_PAGES : [])
      pages.push({
        label: `corpus/${name}`,
        url: harness.server.route(`/corpus/${name}`, {
          body: readFileSync(path.join(CORPUS_DIR, name)),
          headers: STATIC_PAGE_HEADERS,
        }),
      });

    for (const [i, { label, url }] of pages.entries()) {
      const page = await harness.context.newPage();
      await page.goto(url);
      const [scan] = await waitForScan(harness, page);
      const highlights = (await readHighlights(page)).length;
      const { popup, listed } = await namesOnPage(harness, page);
      const names = listed.length
        ? listed.map((e) => `${e.name} ×${e.count}`).join(', ')
        : '(none)';
      console.log(`${label}: ${names} — ${highlights} highlights in ${scan!.cpuMs.toFixed(1)} ms`);
      if (i === 0) {
        await page.screenshot({ path: path.join(OUT, '1-highlighted-page.png') });
        writeFileSync(path.join(OUT, '3-popup.png'), await popup.screenshot());
        popup.close();
        if (highlights === 0 || listed.length === 0) {
          console.error('Nothing was found on the demo page.');
          status = 1;
        } else {
          await hoverText(page, 'Wang Yi');
          await waitForCard(page);
          await page.screenshot({ path: path.join(OUT, '2-card.png') });
          await page.keyboard.press('Escape');
        }
      } else {
        popup.close();
        await page.close();
      }
    }

    const options = await openExtensionPage(harness, 'options.html');
    await options.locator('input[data-topic]').first().waitFor();
    await options.screenshot({ path: path.join(OUT, '4-options.png'), fullPage: true });
    console.log(`Screenshots: ${path.relative(process.cwd(), OUT)}/`);
  } catch (error) {
    console.error(`Demo failed: ${(error as Error).stack ?? error}`);
    status = 1;
  } finally {
    await harness.close();
  }
  return status;
}

process.exitCode = await main();
