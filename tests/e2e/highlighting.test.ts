/**
 * Highlighting on any page, in Chromium: the DOM of every saved corpus page
 * and of the 5 MB stress page is left exactly as it was, with no long task
 * and no error; pages that change keep being highlighted; inputs and
 * editors are left alone; shadow roots, frames and SPA navigations are
 * followed; density and pause settings apply live.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  CORPUS_DIR,
  STATIC_PAGE_HEADERS,
  launch,
  readHighlights,
  scanMeasures,
  waitForScan,
  type Harness,
} from './harness';
import { buildStressPage } from '../../bench/stress-page';

/** A task longer than this blocks input noticeably (the Long Tasks API's threshold). */
const LONG_TASK_MS = 50;

const highlightCount = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights as unknown as Map<string, Set<unknown>>)
      if (name.startsWith('briefing-lens-') && name !== 'briefing-lens-focus') n += h.size;
    return n;
  });

async function setSettings(harness: Harness, settings: Record<string, unknown>): Promise<void> {
  await harness.worker.evaluate(
    (s) =>
      (
        globalThis as unknown as {
          chrome: { storage: { sync: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.sync.set({ settings: s }),
    { version: 2, ...settings },
  );
}

describe('highlighting on saved pages', () => {
  let harness: Harness;
  let plain: Browser;

  before(async () => {
    harness = await launch();
    plain = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
  });
  after(async () => {
    await plain?.close();
    await harness?.close();
  });

  const pages = readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => ({
      name,
      body: () => readFileSync(path.join(CORPUS_DIR, name)) as Buffer | string,
    }));
  pages.push({ name: 'stress-5mb', body: () => buildStressPage(CORPUS_DIR) });

  it('leaves every page’s DOM untouched, with no error and no long task', async () => {
    const failures: string[] = [];
    for (const [i, { name, body }] of pages.entries()) {
      const url = harness.server.route(`/saved-${i}.html`, {
        body: body(),
        headers: STATIC_PAGE_HEADERS,
      });
      const reference = await plain.newPage();
      await reference.goto(url, { waitUntil: 'load', timeout: 60_000 });
      const before = await reference.evaluate(() => document.documentElement.outerHTML);
      await reference.close();

      const page = await harness.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /briefing|chrome-extension/i.test(message.text()))
          errors.push(message.text());
      });
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      const scans = await waitForScan(page, 1, 60_000);
      const afterScan = await page.evaluate(() => document.documentElement.outerHTML);
      const longest = Math.max(...scans.map((s) => s.longestSliceMs));
      if (afterScan !== before) failures.push(`${name}: DOM changed`);
      if (errors.length) failures.push(`${name}: errors ${errors.join('; ')}`);
      if (longest > LONG_TASK_MS) failures.push(`${name}: a slice took ${longest.toFixed(1)} ms`);
      await page.close();
    }
    assert.deepEqual(failures, []);
  });
});

describe('highlighting live pages', () => {
  let harness: Harness;

  before(async () => {
    harness = await launch();
  });
  after(async () => {
    await harness?.close();
  });

  it('highlights the part of the page the reader sees first', async () => {
    // A long page the reader has scrolled to its end: the names there are lit before the pass is over.
    const stress = buildStressPage(CORPUS_DIR).replace(
      '</body>',
      '<p id="end">At the end of the page: Wang Yi met Toshimitsu Motegi.</p><div style="height: 100vh"></div><script>' +
        "document.getElementById('end').scrollIntoView({ block: 'center' });" +
        'window.litAt = null; const watch = () => { for (const [, h] of CSS.highlights) for (const r of h)' +
        " if (document.getElementById('end').contains(r.startContainer)) { window.litAt = performance.now(); return; }" +
        ' requestAnimationFrame(watch); }; requestAnimationFrame(watch);</script></body>',
    );
    const url = harness.server.route('/long.html', { body: stress });
    const page = await harness.context.newPage();
    await page.goto(url, { timeout: 60_000 });
    const [scan] = await waitForScan(page, 1, 60_000);
    const { litAt, passEnd } = await page.evaluate(() => {
      const measure = performance.getEntriesByName('briefing-lens:scan')[0]!;
      return {
        litAt: (window as unknown as { litAt: number | null }).litAt,
        passEnd: measure.startTime + measure.duration,
      };
    });
    assert.ok(scan!.slices > 3, `the pass took several slices (${scan!.slices})`);
    assert.ok(litAt !== null && litAt < passEnd - 20, `lit at ${litAt}, pass ended at ${passEnd}`);
  });

  it('highlights every mention of 1,000 paragraphs appended over 10 s within 500 ms, without a long task', async (t) => {
    const url = harness.server.route('/stream.html', {
      body: `<!doctype html><html lang="en"><body><h1>Live updates</h1><main id="feed"></main>
<script>
  // 1,000 paragraphs over 10 s: ten every 100 ms, each naming one person.
  window.inserted = [];
  const names = ['Wang Yi', 'Sanae Takaichi', 'Lee Jae-myung', 'Xi Jinping', 'Toshimitsu Motegi', 'Donald Trump'];
  let n = 0;
  window.startFeed = () => {
    const timer = setInterval(() => {
      for (let i = 0; i < 10; i++, n++) {
        const p = document.createElement('p');
        p.textContent = 'Update ' + n + ': ' + names[n % names.length] + ' spoke to reporters in Seoul.';
        document.getElementById('feed').append(p);
      }
      window.inserted.push({ at: performance.now(), total: n });
      if (n >= 1000) clearInterval(timer);
    }, 100);
  };
  // Record when the highlight count reaches each total.
  window.reached = [];
  const watch = () => {
    let count = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('briefing-lens-') && name !== 'briefing-lens-focus') count += h.size;
    const last = window.reached.at(-1);
    if (!last || last.count !== count) window.reached.push({ at: performance.now(), count });
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
</script></body></html>`,
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(page);
    await page.evaluate(() => (window as unknown as { startFeed(): void }).startFeed());
    await page.waitForFunction(
      () => (window as unknown as { inserted: unknown[] }).inserted.length >= 100,
      undefined,
      {
        timeout: 20_000,
      },
    );
    await page.waitForTimeout(700);
    const { inserted, reached } = await page.evaluate(() => ({
      inserted: (window as unknown as { inserted: Array<{ at: number; total: number }> }).inserted,
      reached: (window as unknown as { reached: Array<{ at: number; count: number }> }).reached,
    }));
    const latencies = inserted.map(({ at, total }) => {
      const seen = reached.find((r) => r.count >= total && r.at >= at);
      return seen ? seen.at - at : Infinity;
    });
    assert.equal(await highlightCount(page), 1000);
    assert.ok(
      Math.max(...latencies) <= 500,
      `worst latency ${Math.max(...latencies).toFixed(0)} ms`,
    );
    const longest = Math.max(...(await scanMeasures(page)).map((s) => s.longestSliceMs));
    assert.ok(longest <= LONG_TASK_MS, `longest slice ${longest} ms`);
    const sorted = [...latencies].sort((a, b) => a - b);
    t.diagnostic(
      `appended paragraphs highlighted after: median ${sorted[sorted.length >> 1]!.toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms; longest slice ${longest.toFixed(1)} ms`,
    );
  });

  it('keeps up with a page whose framework re-renders its text, without errors', async () => {
    const url = harness.server.route('/rerender.html', {
      body: `<!doctype html><html lang="en"><body><div id="root"></div>
<script>
  // Like a framework: the whole subtree is replaced on every render.
  const names = ['Wang Yi', 'Xi Jinping'];
  let tick = 0;
  window.render = () => {
    const root = document.getElementById('root');
    const p = document.createElement('p');
    p.append('Render ' + tick + ': ', Object.assign(document.createElement('b'), { textContent: names[tick % 2] }), ' met Sanae Takaichi.');
    root.replaceChildren(p);
    tick++;
  };
  window.render();
  window.timer = setInterval(window.render, 50);
</script></body></html>`,
    });
    const page = await harness.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await waitForScan(page);
    await page.waitForTimeout(1500);
    await page.evaluate(() => clearInterval((window as unknown as { timer: number }).timer));
    await page.waitForTimeout(300);
    const texts = (await readHighlights(page)).map((r) => r.text).sort();
    assert.deepEqual(
      texts,
      [
        'Sanae Takaichi',
        (await page.evaluate(() => document.querySelector('b')!.textContent))!,
      ].sort(),
    );
    assert.deepEqual(errors, []);
  });

  it('leaves inputs, text areas and editors alone, and typing in them unaffected', async () => {
    const url = harness.server.route('/editors.html', {
      body: `<!doctype html><html lang="en"><body>
<p>Wang Yi arrived.</p>
<textarea id="area">Wang Yi and Motegi</textarea>
<input id="field" value="Xi Jinping">
<div id="editor" contenteditable="true"><p>Sanae Takaichi</p></div>
<div role="textbox" id="rich">Donald Trump</div>
</body></html>`,
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(page);
    assert.deepEqual(
      (await readHighlights(page)).map((r) => r.text),
      ['Wang Yi'],
    );

    const typed = ' Lee Jae-myung met Xi Jinping.';
    await page.click('#area');
    await page.keyboard.press('End');
    await page.keyboard.type(typed);
    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type(typed);
    await page.click('#field');
    await page.keyboard.press('End');
    await page.keyboard.type(typed);
    await page.waitForTimeout(300);
    assert.equal(await page.inputValue('#area'), `Wang Yi and Motegi${typed}`);
    assert.equal(await page.inputValue('#field'), `Xi Jinping${typed}`);
    assert.equal(await page.textContent('#editor'), `Sanae Takaichi${typed}`);
    assert.deepEqual(
      (await readHighlights(page)).map((r) => r.text),
      ['Wang Yi'],
    );
  });

  it('scans open shadow roots and same-origin frames', async () => {
    harness.server.route('/frame.html', {
      body: '<!doctype html><p>Toshimitsu Motegi in a frame.</p>',
    });
    const url = harness.server.route('/shadow.html', {
      body: `<!doctype html><html lang="en"><body><p>Outside: Wang Yi.</p><div id="host"></div>
<iframe src="/frame.html"></iframe>
<script>
  const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
  const p = document.createElement('p');
  p.textContent = 'Inside the shadow root: Xi Jinping.';
  shadow.append(p);
</script></body></html>`,
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(page);
    await page.waitForFunction(() => {
      let n = 0;
      for (const [, h] of CSS.highlights as unknown as Map<string, Set<unknown>>) n += h.size;
      return n >= 2;
    });
    assert.deepEqual((await readHighlights(page)).map((r) => r.text).sort(), [
      'Wang Yi',
      'Xi Jinping',
    ]);
    const frame = page.frames().find((f) => f.url().endsWith('/frame.html'))!;
    await frame.waitForFunction(
      () => performance.getEntriesByName('briefing-lens:scan').length > 0,
    );
    const inFrame = await frame.evaluate(() => {
      const out: string[] = [];
      for (const [, h] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>)
        for (const r of h)
          out.push(r.startContainer.textContent!.slice(r.startOffset, r.endOffset));
      return out;
    });
    assert.deepEqual(inFrame, ['Toshimitsu Motegi']);
  });

  it('rescans after an SPA navigation and drops what the old page said', async () => {
    const url = harness.server.route('/spa.html', {
      body: `<!doctype html><html lang="en"><body><main id="app"><p>Wang Yi spoke.</p></main>
<script>
  window.navigate = () => {
    history.pushState({}, '', '/spa/second');
    document.getElementById('app').replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Donald Trump and Lee later.' }));
  };
</script></body></html>`,
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(page);
    await page.evaluate(() => (window as unknown as { navigate(): void }).navigate());
    await page.waitForFunction(
      () => performance.getEntriesByName('briefing-lens:scan').length >= 2,
      undefined,
      { timeout: 5000 },
    );
    await page.waitForTimeout(200);
    // "Lee" alone is ambiguous: the new page never named Lee Jae-myung in full.
    assert.deepEqual(
      (await readHighlights(page)).map((r) => r.text),
      ['Donald Trump'],
    );
  });

  it('applies density and pause live', async () => {
    const url = harness.server.route('/density.html', {
      body: '<!doctype html><p>Wang Yi met Motegi. Wang Yi then met Xi Jinping. Later Wang Yi left.</p>',
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(page);
    assert.equal(await highlightCount(page), 5);
    await setSettings(harness, { density: 'first' });
    await page.waitForFunction(() => {
      let n = 0;
      for (const [, h] of CSS.highlights as unknown as Map<string, Set<unknown>>) n += h.size;
      return n === 3;
    });
    await setSettings(harness, { density: 'none' });
    await page.waitForFunction(() => {
      let n = 0;
      for (const [, h] of CSS.highlights as unknown as Map<string, Set<unknown>>) n += h.size;
      return n === 0;
    });
    await setSettings(harness, { density: 'all', pausedSites: ['127.0.0.1'] });
    await page.waitForTimeout(200);
    assert.equal(await highlightCount(page), 0);
    await setSettings(harness, { density: 'all', highlightStyle: 'background' });
    await page.waitForFunction(() => CSS.highlights.has('briefing-lens-background-person'));
    assert.equal(await highlightCount(page), 5);
    assert.ok(!(await page.evaluate(() => CSS.highlights.has('briefing-lens-underline-person'))));
    await setSettings(harness, {});
  });
});
