/**
 * Highlighting on any page, in Chromium: on every saved corpus page (and the
 * 5 MB stress page built from them) the DOM is left exactly as it was, no
 * error is thrown, and what is highlighted matches the page's committed
 * baseline; pages that change keep being highlighted; inputs and editors are
 * left alone; shadow roots, frames and SPA navigations are followed; density
 * and pause settings apply live. How long any of it takes is bench:page's
 * business: these tests wait on conditions and assert behaviour.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  CORPUS_DIR,
  STATIC_PAGE_HEADERS,
  SHARED_MISSING,
  corpusPages,
  diagnostics,
  hasCorpus,
  launch,
  setSettings,
  readHighlights,
  waitFor,
  waitForScan,
  type Harness,
} from '../support/harness';
import { countHighlights } from '../support/in-page';
import { buildStressPage } from '../support/stress-page';
import { baselineOf, compareWithBaseline, UPDATING } from '../support/baselines';

const highlightCount = (page: Page) => page.evaluate(countHighlights);

/** Waits until the page draws exactly `count` mentions. */
async function waitForHighlights(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      let total = 0;
      for (const [name, h] of CSS.highlights as unknown as Map<string, Set<unknown>>)
        if (name.startsWith('briefing-lens-') && name !== 'briefing-lens-focus') total += h.size;
      return total === n;
    },
    count,
    { timeout: 10_000 },
  );
}

describe('highlighting on saved pages', { skip: !hasCorpus && SHARED_MISSING }, () => {
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

  const pages = corpusPages().map((name) => ({
    name,
    body: () => readFileSync(path.join(CORPUS_DIR, name)) as Buffer | string,
  }));
  pages.push({ name: 'stress-5mb', body: () => buildStressPage(CORPUS_DIR) });

  it(`leaves every page’s DOM untouched, throws nothing, and highlights what its baseline says${UPDATING ? ' (updating the baselines)' : ''}`, async () => {
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
      await waitForScan(harness, page, 1, 60_000);
      const afterScan = await page.evaluate(() => document.documentElement.outerHTML);
      if (afterScan !== before) failures.push(`${name}: DOM changed`);
      if (errors.length) failures.push(`${name}: errors ${errors.join('; ')}`);

      // What the content script says it drew, and what the page's registry holds.
      const found = (await diagnostics(harness, page, { mentions: true }))?.found ?? [];
      const drawn = found.filter((m) => m.painted);
      const registry = (await readHighlights(page))
        .filter((r) => r.highlight !== 'briefing-lens-focus')
        .map((r) => r.text)
        .sort();
      const claimed = drawn.map((m) => m.text).sort();
      if (JSON.stringify(registry) !== JSON.stringify(claimed))
        failures.push(
          `${name}: ${registry.length} ranges drawn, but the content script reports ${claimed.length}`,
        );
      failures.push(...compareWithBaseline(name, baselineOf(drawn)));
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
    // A long page scrolled to its end: the names there are drawn while many
    // names above are not drawn yet.
    const filler = Array.from(
      { length: 3000 },
      (_, i) =>
        `<p>Paragraph ${i}: Donald Trump and Xi Jinping met again in Busan, and China answered.</p>`,
    ).join('');
    const url = harness.server.route('/long.html', {
      body: `<!doctype html><html lang="en"><body>${filler}
<p id="end">At the end of the page: Wang Yi met Toshimitsu Motegi.</p><div style="height: 100vh"></div>
<script>
  document.getElementById('end').scrollIntoView({ block: 'center' });
  window.drawnWhenLit = null;
  const watch = () => {
    let total = 0;
    let lit = false;
    for (const [, h] of CSS.highlights) for (const r of h) {
      total++;
      if (document.getElementById('end').contains(r.startContainer)) lit = true;
    }
    if (lit) window.drawnWhenLit = total;
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
</script></body></html>`,
    });
    const page = await harness.context.newPage();
    await page.goto(url, { timeout: 60_000 });
    const [scan] = await waitForScan(harness, page, 1, 60_000);
    const drawnWhenLit = await page.evaluate(
      () => (window as unknown as { drawnWhenLit: number | null }).drawnWhenLit,
    );
    const total = await highlightCount(page);
    assert.ok(scan!.slices > 3, `the pass took several slices (${scan!.slices})`);
    assert.ok(
      drawnWhenLit !== null && drawnWhenLit < total / 2,
      `the end was lit when ${drawnWhenLit} of ${total} names were drawn`,
    );
  });

  it('highlights every mention of 1,000 paragraphs appended over time', async () => {
    const url = harness.server.route('/stream.html', {
      body: `<!doctype html><html lang="en"><body><h1>Live updates</h1><main id="feed"></main>
<script>
  // 1,000 paragraphs, ten every 100 ms, each naming one person.
  const names = ['Wang Yi', 'Sanae Takaichi', 'Lee Jae-myung', 'Xi Jinping', 'Toshimitsu Motegi', 'Donald Trump'];
  let n = 0;
  window.appended = 0;
  window.startFeed = () => {
    const timer = setInterval(() => {
      for (let i = 0; i < 10; i++, n++) {
        const p = document.createElement('p');
        p.textContent = 'Update ' + n + ': ' + names[n % names.length] + ' spoke to reporters in Seoul.';
        document.getElementById('feed').append(p);
      }
      window.appended = n;
      if (n >= 1000) clearInterval(timer);
    }, 100);
  };
</script></body></html>`,
    });
    const page = await harness.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await waitForScan(harness, page);
    await page.evaluate(() => (window as unknown as { startFeed(): void }).startFeed());
    await page.waitForFunction(() => (window as unknown as { appended: number }).appended >= 1000, {
      timeout: 30_000,
    });
    await waitForHighlights(page, 1000);
    const texts = new Set((await readHighlights(page)).map((r) => r.text));
    assert.equal(texts.size, 6, `every person is drawn: ${[...texts].join(', ')}`);
    assert.deepEqual(errors, []);
  });

  it('keeps up with a page whose framework re-renders its text, without errors', async () => {
    const url = harness.server.route('/rerender.html', {
      body: `<!doctype html><html lang="en"><body><div id="root"></div>
<script>
  // Like a framework: the whole subtree is replaced on every render.
  const names = ['Wang Yi', 'Xi Jinping'];
  window.renders = 0;
  window.render = () => {
    const root = document.getElementById('root');
    const p = document.createElement('p');
    p.append('Render ' + window.renders + ': ', Object.assign(document.createElement('b'), { textContent: names[window.renders % 2] }), ' met Sanae Takaichi.');
    root.replaceChildren(p);
    window.renders++;
  };
  window.render();
  window.timer = setInterval(window.render, 50);
</script></body></html>`,
    });
    const page = await harness.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await waitForScan(harness, page);
    await page.waitForFunction(() => (window as unknown as { renders: number }).renders >= 30);
    await page.evaluate(() => clearInterval((window as unknown as { timer: number }).timer));
    const last = (await page.evaluate(() => document.querySelector('b')!.textContent))!;
    // Once the last render is scanned, exactly its two names are drawn.
    await page.waitForFunction(
      (last) => {
        const texts: string[] = [];
        for (const [, h] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>)
          for (const r of h) {
            const range = document.createRange();
            try {
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
            } catch {
              return false;
            }
            texts.push(range.toString());
          }
        return texts.sort().join('|') === [last, 'Sanae Takaichi'].sort().join('|');
      },
      last,
      { timeout: 10_000 },
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
<div id="after"></div>
</body></html>`,
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(harness, page);
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
    assert.equal(await page.inputValue('#area'), `Wang Yi and Motegi${typed}`);
    assert.equal(await page.inputValue('#field'), `Xi Jinping${typed}`);
    assert.equal(await page.textContent('#editor'), `Sanae Takaichi${typed}`);
    // The positive control: a name added outside the editors after the typing
    // is drawn, so the changes made by typing have been looked at too.
    await page.evaluate(() => {
      document.getElementById('after')!.textContent = 'Toshimitsu Motegi left.';
    });
    await waitForHighlights(page, 2);
    assert.deepEqual((await readHighlights(page)).map((r) => r.text).sort(), [
      'Toshimitsu Motegi',
      'Wang Yi',
    ]);
  });

  it('takes the highlights off text made editable after the scan, and leaves designMode alone', async () => {
    const url = harness.server.route('/made-editable.html', {
      body: `<!doctype html><html lang="en"><body>
<p>Wang Yi arrived.</p><div id="note"><p>Sanae Takaichi spoke.</p></div></body></html>`,
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(harness, page);
    await waitForHighlights(page, 2);
    // A page's own editor switching on: the reader types there now.
    await page.evaluate(() =>
      document.getElementById('note')!.setAttribute('contenteditable', 'true'),
    );
    await waitForHighlights(page, 1);
    await page.click('#note p');
    await page.keyboard.press('End');
    await page.keyboard.type(' Xi Jinping replied.');
    assert.equal(await page.textContent('#note'), 'Sanae Takaichi spoke. Xi Jinping replied.');
    // The whole document as an editor: nothing of it is read or drawn.
    await page.evaluate(() => (document.designMode = 'on'));
    await waitForHighlights(page, 0);
    await page.evaluate(() => (document.designMode = 'off'));
    await waitForHighlights(page, 1);
    assert.deepEqual(
      (await readHighlights(page)).map((r) => r.text),
      ['Wang Yi'],
    );
    await page.close();
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
    await waitForScan(harness, page);
    assert.deepEqual((await readHighlights(page)).map((r) => r.text).sort(), [
      'Wang Yi',
      'Xi Jinping',
    ]);
    const frame = page.frames().find((f) => f.url().endsWith('/frame.html'))!;
    await waitForScan(harness, frame);
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
    await waitForScan(harness, page);
    await page.evaluate(() => (window as unknown as { navigate(): void }).navigate());
    // The new address is the page's now: its content script answers to it.
    await waitForScan(harness, page, 2);
    // "Lee" alone is ambiguous: the new page never named Lee Jae-myung in full.
    assert.deepEqual(
      (await readHighlights(page)).map((r) => r.text),
      ['Donald Trump'],
    );
  });

  it('applies density, style and pause live', async () => {
    const url = harness.server.route('/density.html', {
      body: '<!doctype html><p>Wang Yi met Motegi. Wang Yi then met Xi Jinping. Later Wang Yi left.</p>',
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(harness, page);
    assert.equal(await highlightCount(page), 5);
    await setSettings(harness, { density: 'first' });
    await waitForHighlights(page, 3);
    await setSettings(harness, { density: 'none' });
    await waitForHighlights(page, 0);
    await setSettings(harness, { density: 'all', pausedSites: ['127.0.0.1'] });
    await waitFor(
      () => diagnostics(harness, page),
      (d) => d?.active === false,
      'the page to learn it is paused',
    );
    assert.equal(await highlightCount(page), 0);
    await setSettings(harness, { density: 'all' });
    await waitForHighlights(page, 5);
    // A new style changes what the reader sees, not the names the page sees.
    const names = () =>
      page.evaluate(() => [...(CSS.highlights as unknown as Map<string, unknown>).keys()].sort());
    const before = await names();
    const box = await page.evaluate(() => {
      const r = document.querySelector('p')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: Math.min(r.width, 600), height: r.height + 4 };
    });
    const underlined = await page.screenshot({ clip: box });
    await setSettings(harness, { density: 'all', highlightStyle: 'background' });
    await waitFor(
      () => page.screenshot({ clip: box }),
      (now) => !now.equals(underlined),
      'the names drawn in the new style',
    );
    assert.equal(await highlightCount(page), 5);
    assert.deepEqual(await names(), before);
    assert.ok(before.every((name) => !/underline|background|subtle/.test(name)));
    await setSettings(harness, {});
  });
});
