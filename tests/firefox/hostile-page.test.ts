/**
 * The hostile page in Firefox ESR (the Chromium suite is
 * tests/e2e/hostile-page.test.ts): its own script records what it can observe
 * while the extension scans, the reader hovers a name and a card opens —
 * Performance timeline entries, window messages, the card's shadow root,
 * highlight registry names, hidden text — then tries to read and hide the
 * card, restyle and empty the highlight registry, and open a card with
 * events of its own. What it may still see is listed in README, "What a page
 * can see".
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { waitFor } from '../support/harness';
import { NEUTRAL_HIGHLIGHT_NAMES } from '../support/in-page';
import {
  diagnostics,
  hoverText,
  launchFirefox,
  readHighlights,
  waitForCard,
  waitForScan,
  type FirefoxHarness,
} from './harness';

const PAGE = `<!doctype html><html lang="en"><head><script>
window.observed = { messages: [], entries: [] };
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
    harness = await launchFirefox({ routes: { '/hostile.html': PAGE } });
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
    assert.deepEqual(observed, { messages: [], entries: [] });
  });
});
