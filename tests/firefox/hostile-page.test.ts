/**
 * The hostile page in Firefox ESR (the Chromium suite is
 * tests/e2e/hostile-page.test.ts): its own script records what it can observe
 * while the extension scans, the reader hovers a name, a card opens, a
 * setting changes and the site is paused — Performance timeline entries,
 * window messages, the framework's start-up event, the card's shadow root,
 * highlight registry names, hidden text — then tries to read and hide the
 * card, restyle, hide and empty the highlights, switch the content script
 * off, open a card with events of its own, and (from a content script's
 * world, as a compromised renderer could) send the messages only our pages
 * may send. What it may still see is listed in README, "What a page can see".
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { waitFor } from '../support/harness';
import { HOSTILE_HIGHLIGHT_RULES, NEUTRAL_HIGHLIGHT_NAMES, textBox } from '../support/in-page';
import {
  diagnostics,
  geckoId,
  hoverText,
  launchFirefox,
  openExtensionPage,
  readHighlights,
  sendFromContentScript,
  setSettings,
  waitForCard,
  waitForScan,
  type FirefoxHarness,
} from './harness';

/** What WXT's content scripts listen for; its name holds our id, which a page can know. */
const ANNOUNCEMENT = `${geckoId()}:content:wxt:content-script-started`;

const PAGE = `<!doctype html><html lang="en"><head><script>
window.observed = { events: [], messages: [], entries: [] };
for (const target of [window, document])
  target.addEventListener(${JSON.stringify(ANNOUNCEMENT)}, (e) => observed.events.push(e.type), true);
addEventListener('message', (e) => observed.messages.push(JSON.stringify(e.data)), true);
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) observed.entries.push(entry.entryType + ':' + entry.name);
}).observe({ entryTypes: ['mark', 'measure'] });
</script></head><body style="margin:40px;font:20px sans-serif">
<p id="seen">Chinese Foreign Minister Wang Yi spoke.</p>
<p hidden>Xi Jinping, hidden.</p>
<p style="display:none">Donald Trump, not displayed.</p>
<p style="visibility:hidden">Sanae Takaichi, invisible.</p>
</body></html>`;

describe('a hostile page in Firefox', () => {
  let harness: FirefoxHarness;
  let page: Page;

  before(async () => {
    harness = await launchFirefox({
      routes: {
        '/hostile.html': PAGE,
        '/hostile-kill.html':
          '<!doctype html><html lang="en"><body><p>Wang Yi spoke.</p><p id="later"></p></body></html>',
        '/hostile-paused.html':
          '<!doctype html><html lang="en"><body><p>Wang Yi spoke with Motegi.</p></body></html>',
      },
    });
    page = await harness.browser.newPage();
    await page.goto(harness.server.url('/hostile.html'));
    await waitForScan(harness, page);
  });

  after(async () => {
    await harness?.close();
  });

  it('sees neutral names and nothing of hidden text, and cannot empty the registry', async () => {
    assert.deepEqual(
      (await readHighlights(page)).map((r) => r.text),
      ['Wang Yi'],
    );
    const names = await page.evaluate(() =>
      [...(CSS.highlights as unknown as Map<string, unknown>).keys()].sort(),
    );
    assert.deepEqual(names, NEUTRAL_HIGHLIGHT_NAMES);
    for (const attack of [
      'CSS.highlights.clear()',
      "CSS.highlights.get('briefing-lens-person').clear()",
      "CSS.highlights.delete('briefing-lens-person')",
    ]) {
      await page.evaluate(attack);
      await waitFor(
        () => readHighlights(page),
        (ranges) => ranges.some((r) => r.text === 'Wang Yi'),
        `the highlight back after ${attack}`,
      );
    }
  });

  it('cannot open a card with events of its own', async () => {
    const until = await page.evaluate(() => {
      const text = document.getElementById('seen')!.firstChild!;
      const range = document.createRange();
      const start = text.textContent!.indexOf('Wang Yi');
      range.setStart(text, start);
      range.setEnd(text, start + 7);
      const box = range.getBoundingClientRect();
      const at = { clientX: box.left + 5, clientY: box.top + box.height / 2, bubbles: true };
      for (let i = 0; i < 20; i++)
        document
          .elementFromPoint(at.clientX, at.clientY)!
          .dispatchEvent(new PointerEvent('pointermove', at));
      return performance.now();
    });
    // Long past the hover delay, on the page's own clock: still no card.
    await page.waitForFunction(
      (until) => performance.now() >= until,
      { polling: 50 },
      until + 3 * DEFAULT_SETTINGS.hoverDelayMs,
    );
    assert.equal((await diagnostics(harness, page))?.card.open, false);
  });

  it('cannot read the card, hide it, or see it on its timeline', async () => {
    await page.bringToFront();
    await hoverText(page, 'Wang Yi');
    await waitForCard(harness, page, 'Wang Yi');
    const seen = await page.evaluate(() => {
      const host = document.querySelector('briefing-lens-card')!;
      return {
        closed: host.shadowRoot === null,
        text: host.textContent,
        attributes: [...host.attributes].map((a) => `${a.name}=${a.value}`),
      };
    });
    assert.deepEqual(seen, { closed: true, text: '', attributes: ['popover=manual'] });
    const placed = (await diagnostics(harness, page))!.card.placement!;
    await page.addStyleTag({
      content: `briefing-lens-card { display: none !important; visibility: hidden !important;
  opacity: 0 !important; transform: translate(-5000px, 0) !important; }`,
    });
    const centre = { x: placed.x + placed.width / 2, y: placed.y + placed.height / 2 };
    const hit = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.localName ?? null,
      centre,
    );
    assert.equal(hit, 'briefing-lens-card', 'the card is still where it was, on top');
    assert.deepEqual((await diagnostics(harness, page))!.card.placement, placed);
    const observed = await page.evaluate(
      () => (window as unknown as { observed: { messages: string[]; entries: string[] } }).observed,
    );
    assert.deepEqual(observed, { events: [], messages: [], entries: [] });
  });

  it('gets every privileged message refused from a content script’s world', async () => {
    const pack = JSON.stringify({
      id: 'evil',
      version: '1',
      title: 'Evil',
      entities: [],
      articles: [],
    });
    const privileged = [
      ['listPacks', undefined],
      ['importPack', { text: pack, fileName: 'evil.json' }],
      ['removePack', { packId: 'bundled' }],
      ['setPackEnabled', { packId: 'bundled', enabled: false }],
      ['exportPack', { packId: 'bundled' }],
      ['getFrameMentions', { tabId: 1 }],
      ['openPage', { page: 'options' }],
    ] as const;
    const replies = await sendFromContentScript(harness, page, [
      ...privileged.map(([type, request]) => ({ channel: 'briefing-lens', type, request })),
      // A read-only question about a name on its page is still answered.
      { channel: 'briefing-lens', type: 'getBriefing', request: { entityId: 'wang-yi' } },
    ]);
    privileged.forEach(([type], i) => assert.equal(replies[i]!.ok, false, `${type} refused`));
    assert.equal(replies.at(-1)!.ok, true, 'getBriefing answered');
    // The same privileged message from our options page works.
    const options = await openExtensionPage(harness, 'options.html');
    const listed = (await options.evaluate(() =>
      (
        globalThis as unknown as {
          browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).browser.runtime.sendMessage({ channel: 'briefing-lens', type: 'listPacks' }),
    )) as { ok: boolean; value: unknown[] };
    assert.equal(listed.ok, true);
    assert.ok(listed.value.length >= 1);
    await options.close();
  });

  it('cannot switch the content script off with the framework’s own event', async () => {
    const killed = await harness.browser.newPage();
    await killed.goto(harness.server.url('/hostile-kill.html'));
    await waitForScan(harness, killed);
    await killed.evaluate((announcement) => {
      for (const name of [announcement, 'wxt:content-script-started']) {
        const detail = { contentScriptName: 'content', messageId: 'x' };
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.dispatchEvent(new CustomEvent(name, { detail }));
        window.postMessage({ type: name, ...detail }, '*');
      }
    }, ANNOUNCEMENT);
    // Still at work: a name added afterwards is found and drawn.
    await killed.evaluate(
      () => (document.getElementById('later')!.textContent = 'Motegi answered.'),
    );
    await waitFor(
      () => readHighlights(killed),
      (ranges) => ranges.some((r) => r.text === 'Motegi'),
      'the new name drawn after the kill attempt',
    );
    assert.equal((await diagnostics(harness, killed))?.active, true);
    await killed.close();
  });

  it('holds nothing of ours after a setting changes and the site is paused, nor on a paused site', async () => {
    const footprint = (p: Page) =>
      p.evaluate(() => ({
        registry: CSS.highlights.size,
        elements: document.querySelectorAll('briefing-lens-card').length,
        entries: performance.getEntries().filter((e) => /briefing|wxt/i.test(e.name)).length,
      }));
    const none = { registry: 0, elements: 0, entries: 0 };
    try {
      // The card away, so that only the name's line is compared.
      await page.mouse.move(1, 1);
      await waitFor(
        () => diagnostics(harness, page),
        (d) => d?.card.open === false,
        'the card closed',
      );
      await page.bringToFront();
      const box = await page.evaluate(textBox, 'seen');
      const shot = async () => Buffer.from(await page.screenshot({ clip: box }));
      const underlined = await shot();
      await setSettings(harness, { highlightStyle: 'background' });
      const filled = await waitFor(shot, (now) => !now.equals(underlined), 'the new style painted');
      // The page's own rules for our names change nothing the reader sees.
      await page.addStyleTag({
        content: HOSTILE_HIGHLIGHT_RULES,
      });
      assert.ok((await shot()).equals(filled), 'the highlight looks as it did');
      await setSettings(harness, { pausedSites: ['127.0.0.1'] });
      await waitFor(
        () => footprint(page),
        (f) => f.registry === 0 && f.elements === 0,
        'nothing left after pausing',
      );
      assert.deepEqual(await footprint(page), none);
      // The whole visit, as the page's own recorder saw it.
      const observed = await page.evaluate(
        () => (window as unknown as { observed: Record<string, string[]> }).observed,
      );
      assert.deepEqual(observed, { events: [], messages: [], entries: [] });

      const paused = await harness.browser.newPage();
      await paused.goto(harness.server.url('/hostile-paused.html'));
      const d = await waitFor(
        () => diagnostics(harness, paused),
        (d) => d !== null,
        'the content script answering',
      );
      assert.equal(d!.active, false);
      assert.equal(d!.setupMs, null, 'no matcher built');
      assert.deepEqual(await footprint(paused), none);
      await paused.close();
    } finally {
      await setSettings(harness, {});
    }
  });
});
