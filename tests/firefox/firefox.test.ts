/**
 * The same extension, proven in a real Firefox: the built Firefox add-on
 * (.output/firefox-mv2) in firefox-esr, driven over WebDriver BiDi, highlights
 * the demo page without touching its DOM, shows a card on hover, lists the
 * page's names in the popup, follows an options change on an open page
 * without reload, and makes no request of its own.
 *
 *   npx wxt build -b firefox && node --import tsx --test tests/firefox/*.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { REPO_ROOT, waitFor } from '../support/harness';
import { SIX_PEOPLE, expectedCounts, loadEntities } from '../support/expected';
import { renderDemoPage } from '../support/demo-page';
import {
  extensionUrl,
  hoverText,
  launchFirefox,
  openExtensionPage,
  readHighlights,
  waitForCard,
  waitForHighlightCount,
  waitForScan,
  type FirefoxHarness,
} from './harness';

const ARTIFACTS = path.join(REPO_ROOT, 'test-output');
const SCREENSHOT = path.join(ARTIFACTS, 'firefox-card.png');
const DOCS_SCREENSHOT = path.join(REPO_ROOT, 'docs/screenshots/firefox.png');
mkdirSync(ARTIFACTS, { recursive: true });

const demo = renderDemoPage();
/** A page with a comments frame too short for the card: the top document shows the frame's card. */
const FRAMED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Comments</title></head>
<body><p>Wang Yi spoke to reporters after the talks.</p></body></html>`;
const FRAME_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framed</title></head>
<body><p>The talks went on.</p><iframe src="/framed.html" title="Comments" style="width: 420px; height: 120px"></iframe></body></html>`;
const expected = expectedCounts(demo.blocks);
const entities = loadEntities();
const total = [...expected.values()].reduce((a, b) => a + b, 0);

/**
 * Records every DOM mutation from the end of parsing (DOMContentLoaded) on.
 * Installed before the document exists (a BiDi preload script); the content
 * script runs at document_idle, after DOMContentLoaded, so it is watched from
 * its first moment.
 */
const RECORD_MUTATIONS = () => {
  const log: string[] = [];
  (window as unknown as { __mutations: string[] }).__mutations = log;
  document.addEventListener(
    'DOMContentLoaded',
    () =>
      new MutationObserver((records) => {
        for (const r of records)
          log.push(`${r.type} ${r.target.nodeName} ${r.attributeName ?? ''}`);
      }).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      }),
    { once: true, capture: true },
  );
};

describe('the extension in Firefox', () => {
  let harness: FirefoxHarness;
  let page: Page;
  let demoUrl: string;
  const requests: Array<{ url: string; from: string }> = [];
  const record = (from: string) => (request: HTTPRequest) =>
    requests.push({ url: request.url(), from });

  before(async () => {
    harness = await launchFirefox({
      routes: { '/demo.html': demo.html, '/framed.html': FRAMED, '/frame.html': FRAME_PAGE },
      pristinePaths: ['/demo.html'],
    });
    demoUrl = harness.server.url('/demo.html');
    page = await harness.browser.newPage();
    page.on('request', record('demo'));
    await page.evaluateOnNewDocument(RECORD_MUTATIONS);
    await page.goto(demoUrl);
    await waitForScan(harness, page);
  });

  after(async () => {
    await harness?.close();
  });

  it('highlights every mention the recognition core finds on the demo page', async () => {
    assert.ok(total > 30, `the demo page names the briefing's people (${total})`);
    const drawn = (await readHighlights(page)).filter((r) => r.highlight !== 'briefing-lens-focus');
    assert.equal(drawn.length, total);
    const texts = new Set(drawn.map((r) => r.text));
    for (const name of [
      'Wang Yi',
      'Takaichi',
      'Sanae Takaichi',
      'Lee Jae-myung',
      '다카이치',
      '高市',
      '王毅',
      '习近平',
      '習近平',
    ])
      assert.ok(texts.has(name), `"${name}" is highlighted`);
    assert.ok(!drawn.some((r) => r.text === 'Donald Trump fan'));
    const [scan] = await waitForScan(harness, page);
    assert.equal(scan!.mentions, total);
  });

  it('leaves the page DOM exactly as the page made it', async () => {
    const before = harness.pristine.get('/demo.html');
    assert.ok(before, 'the pristine DOM was captured before the extension was installed');
    const after = await page.evaluate(() => document.documentElement.outerHTML);
    assert.equal(after, before);
    const mutations = await page.evaluate(
      () => (window as unknown as { __mutations: string[] }).__mutations,
    );
    assert.deepEqual(mutations, [], 'not one mutation, not even one undone');
  });

  it('shows a card with who it is when a name is hovered', async () => {
    await page.bringToFront();
    await hoverText(page, 'Wang Yi', 0);
    const text = await waitForCard(harness, page, 'Chinese Foreign Minister');
    assert.match(text, /Wang Yi/);
    // The card's host is the one element the extension adds, and the recorder
    // of the test above saw it: it was listening all along.
    const mutations = await page.evaluate(
      () => (window as unknown as { __mutations: string[] }).__mutations,
    );
    assert.ok(mutations.includes('childList HTML '), 'the card host was recorded');
    await page.screenshot({ path: SCREENSHOT });
    // The README's picture, refreshed on request only: a test run leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(path.dirname(DOCS_SCREENSHOT), { recursive: true });
      copyFileSync(SCREENSHOT, DOCS_SCREENSHOT);
    }
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('briefing-lens-card'), {
      polling: 50,
      timeout: 5000,
    });
  });

  it('shows the card of a name inside a 120 px frame over the frame, in the top document', async () => {
    const framePage = await harness.browser.newPage();
    try {
      await framePage.goto(harness.server.url('/frame.html'));
      await waitForScan(harness, framePage);
      const frame = framePage.frames().find((f) => f.url().endsWith('/framed.html'))!;
      await frame.waitForFunction(() => document.readyState === 'complete');
      // Where the name is, in the top document's viewport.
      const name = await frame.evaluate(() => {
        const range = document.createRange();
        range.setStart(document.querySelector('p')!.firstChild!, 0);
        range.setEnd(document.querySelector('p')!.firstChild!, 7);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, height: r.height };
      });
      const origin = await framePage.evaluate(() => {
        const iframe = document.querySelector('iframe')!;
        const r = iframe.getBoundingClientRect();
        return { x: r.x + iframe.clientLeft, y: r.y + iframe.clientTop };
      });
      const at = { x: origin.x + name.x + 10, y: origin.y + name.y + name.height / 2 };
      // The frame's content script is ready once the name is drawn there.
      await frame.waitForFunction(
        () => (CSS.highlights as unknown as Map<string, Set<unknown>>).size > 0,
        {
          polling: 50,
          timeout: 10_000,
        },
      );
      await framePage.mouse.move(at.x, at.y + 40);
      await framePage.mouse.move(at.x, at.y, { steps: 4 });
      const text = await waitForCard(harness, framePage, 'Chinese Foreign Minister');
      assert.match(text, /Wang Yi/);
      const box = await framePage.evaluate(() => {
        const r = document.querySelector('briefing-lens-card')!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: r.height, inner: innerHeight };
      });
      assert.ok(box.height > 200, `taller than the frame: ${JSON.stringify(box)}`);
      assert.ok(
        box.top >= 0 && box.bottom <= box.inner,
        `inside the viewport: ${JSON.stringify(box)}`,
      );
      assert.equal(
        await frame.evaluate(() => !!document.querySelector('briefing-lens-card')),
        false,
        'nothing squeezed into the frame',
      );
      await framePage.screenshot({ path: path.join(ARTIFACTS, 'firefox-small-frame.png') });
    } finally {
      await framePage.close();
    }
  });

  it('lists the names of the page, with their counts, in the popup', async () => {
    // The popup page loaded in a *background* tab of the demo tab's window:
    // its own query, tabs.query({ active: true, currentWindow: true }), finds
    // the demo tab, exactly as from the toolbar button.
    await page.bringToFront();
    const popup = await openExtensionPage(harness, 'popup.html', { background: true });
    popup.on('request', record('popup'));
    try {
      await popup.waitForFunction(
        () => document.querySelectorAll('.entities [data-entity]').length > 0,
        { polling: 50, timeout: 10_000 },
      );
      const listed = await popup.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.entities [data-entity]')].map((e) => ({
          id: e.dataset.entity!,
          count: Number(e.querySelector<HTMLElement>('[data-count]')?.dataset.count),
        })),
      );
      const byId = new Map(listed.map((e) => [e.id, e.count]));
      for (const person of SIX_PEOPLE) {
        assert.ok(expected.get(person), `${person} is on the demo page`);
        assert.equal(byId.get(person), expected.get(person), `${person}'s count`);
      }
      // People first, each with a sentence of its briefing and the sentence's source.
      await popup.waitForFunction(() => document.querySelector('.entities[aria-busy="false"]'), {
        polling: 50,
        timeout: 10_000,
      });
      const people = await popup.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.entities [data-entity]')].map((e) => ({
          person: e.classList.contains('kind-person'),
          fact: e.querySelector('.summary .fact-text')?.textContent ?? '',
          source: e.querySelector('.summary a.source')?.textContent ?? '',
        })),
      );
      const firstOther = people.findIndex((e) => !e.person);
      assert.equal(firstOther, SIX_PEOPLE.length, 'the six people first');
      for (const person of people.slice(0, firstOther)) {
        assert.ok(person.fact.length > 20, `a sentence: ${person.fact}`);
        assert.match(person.source, /\d{4}/, `its dated source: ${person.source}`);
      }
      // The whole sentence on demand, and its source opens the article page.
      await popup.click('.entities [data-entity] .summary .more');
      await popup.waitForFunction(
        () => document.querySelector('.summary .more')?.getAttribute('aria-expanded') === 'true',
        { polling: 50, timeout: 5000 },
      );
      // The same question asked by hand, as the popup's tab client asks it:
      // tabs.sendMessage to the top frame works without the `tabs` permission.
      const answers = await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser: typeof import('webextension-polyfill') })
          .browser;
        const tabs = await api.tabs.query({});
        const out: Array<{ hostname: string; entities: Array<{ id: string; count: number }> }> = [];
        for (const tab of tabs) {
          const reply = (await api.tabs
            .sendMessage(
              tab.id!,
              { channel: 'briefing-lens', type: 'getPageMentions', request: undefined },
              { frameId: 0 },
            )
            .catch(() => null)) as { ok: boolean; value: (typeof out)[number] } | null;
          if (reply?.ok) out.push(reply.value);
        }
        return out;
      });
      assert.equal(answers.length, 1, 'exactly one tab (the demo page) answers');
      assert.equal(answers[0]!.hostname, '127.0.0.1');
      assert.deepEqual(
        new Map(answers[0]!.entities.map((e) => [e.id, e.count])),
        new Map(listed.map((e) => [e.id, e.count])),
      );
      // Last, since the popup closes once it has opened the article.
      await popup.screenshot({ path: path.join(ARTIFACTS, 'firefox-popup.png') });
      await popup.click('.entities [data-entity] .summary a.source');
      // (WebDriver does not show an extension tab's address: the extension's own tabs.query does.)
      const articleTab = await waitFor(
        () =>
          harness.probe!.evaluate(async () => {
            const api = (
              globalThis as unknown as { browser: typeof import('webextension-polyfill') }
            ).browser;
            return (await api.tabs.query({})).find((t) => t.url?.includes('/article.html#'));
          }),
        Boolean,
        'the article page to open',
      );
      assert.match(articleTab!.url!, /article\.html#bundled\/[^/]+\/\d+-\d+$/);
    } finally {
      await popup.close().catch(() => undefined);
    }
  });

  it('removes the highlights of a topic switched off in the options, without reload', async () => {
    const onlyTopic = entities.find((e) => e.topics.length === 1 && (expected.get(e.id) ?? 0) > 0);
    assert.ok(onlyTopic, 'some entity on the page has a single topic');
    const topic = onlyTopic.topics[0]!;
    const hidden = entities.filter(
      (e) => e.topics.length > 0 && e.topics.every((t) => t === topic),
    );
    const loss = hidden.reduce((sum, e) => sum + (expected.get(e.id) ?? 0), 0);
    assert.ok(loss > 0);

    const before = (await readHighlights(page)).length;
    const options = await openExtensionPage(harness, 'options.html');
    options.on('request', record('options'));
    try {
      const box = `input[data-topic="${topic}"]`;
      await options.waitForSelector(box);
      assert.equal(await options.$eval(box, (e) => (e as HTMLInputElement).checked), true);
      await options.click(box);
      await waitForHighlightCount(page, before - loss);
      await options.screenshot({
        path: path.join(ARTIFACTS, 'firefox-options.png'),
        fullPage: true,
      });
      await options.click(box);
      await waitForHighlightCount(page, before);
    } finally {
      await options.close();
    }
  });

  it('makes no request outside its own origin', () => {
    const own = extensionUrl(harness, '');
    const outside = requests.filter(
      (r) =>
        r.from !== 'demo' &&
        !r.url.startsWith(own) &&
        !r.url.startsWith('data:') &&
        !r.url.startsWith('blob:'),
    );
    assert.deepEqual(outside, []);
    // Firefox's own, not the page's: its UA style sheet (html.css) declares
    // the list-bullet font as a data: URL, and the browser asks for /favicon.ico.
    const byBrowser = (url: string) => url.startsWith('data:') || url.endsWith('/favicon.ico');
    assert.deepEqual(
      requests.filter((r) => r.from === 'demo' && !byBrowser(r.url)).map((r) => r.url),
      [demoUrl],
      'the demo page loads nothing but itself',
    );
    // Everything that reached the fixture server: the pristine load, the demo
    // tab, favicons, and the two pages the small-frame test opened itself.
    const openedByTests = new Set(['/favicon.ico', '/frame.html', '/framed.html']);
    assert.deepEqual(
      harness.server.hits.filter((hit) => !openedByTests.has(hit)),
      ['/demo.html', '/demo.html'],
    );
  });
});
