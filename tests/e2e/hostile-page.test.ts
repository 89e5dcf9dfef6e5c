/**
 * A page that watches the reader through the extension, in Chromium: its own
 * script records what it can observe while the extension scans, the reader
 * hovers a name and a card opens — events dispatched on its document and
 * window, window messages, Performance timeline entries — and then tries to
 * switch the content script off and to open a card with events of its own.
 * What it may still see is listed in README, "What a page can see".
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../core/settings';
import {
  diagnostics,
  hoverText,
  launch,
  readHighlights,
  waitFor,
  waitForCard,
  waitForPageClock,
  waitForScan,
  type Harness,
} from '../support/harness';

/**
 * The page's own recorder, run before any other script of the page: window
 * messages, Performance timeline entries of every kind, and the event WXT's
 * content scripts announce themselves with (its name holds our id, which a
 * page can know: store ids are public).
 */
function recorder(extensionId: string) {
  const observed = { events: [] as string[], messages: [] as string[], entries: [] as string[] };
  (window as unknown as { observed: typeof observed }).observed = observed;
  const announcement = `${extensionId}:content:wxt:content-script-started`;
  for (const target of [window, document])
    target.addEventListener(announcement, (e) => observed.events.push(e.type), true);
  window.addEventListener('message', (e) => observed.messages.push(JSON.stringify(e.data)), true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      observed.entries.push(`${entry.entryType}:${entry.name}`);
  }).observe({ entryTypes: ['mark', 'measure'] });
}

describe('a hostile page', () => {
  let harness: Harness;

  before(async () => {
    harness = await launch();
  });
  after(async () => {
    await harness?.close();
  });

  it('hears nothing of the extension while it scans, hovers and opens a card', async () => {
    const url = harness.server.route('/hostile-watch.html', {
      body: `<!doctype html><html lang="en"><body>
<p>Chinese Foreign Minister Wang Yi spoke with Toshimitsu Motegi.</p></body></html>`,
    });
    const page = await harness.context.newPage();
    await page.addInitScript(recorder, new URL(harness.worker.url()).host);
    await page.goto(url);
    await waitForScan(harness, page);
    await hoverText(page, 'Wang Yi');
    await waitForCard(page);
    const observed = await page.evaluate(
      () =>
        (
          window as unknown as {
            observed: { events: string[]; messages: string[]; entries: string[] };
          }
        ).observed,
    );
    assert.deepEqual(observed.events, [], 'no announcement of the content script');
    assert.deepEqual(observed.messages, [], 'no window message');
    assert.deepEqual(observed.entries, [], 'no Performance timeline entry');
    const timeline = await page.evaluate(() =>
      performance
        .getEntries()
        .map((e) => e.name)
        .filter((name) => /briefing|wxt/i.test(name)),
    );
    assert.deepEqual(timeline, []);
    await page.close();
  });

  it('cannot switch the content script off with the framework’s own event', async () => {
    const url = harness.server.route('/hostile-kill.html', {
      body: '<!doctype html><html lang="en"><body><p>Wang Yi spoke.</p><p id="later"></p></body></html>',
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(harness, page);
    const id = new URL(harness.worker.url()).host;
    // What WXT's content scripts listen for, with the name a page would learn
    // if the extension ever announced itself: every variant, as an attacker would try.
    await page.evaluate((id) => {
      for (const name of [
        `${id}:content:wxt:content-script-started`,
        'wxt:content-script-started',
      ]) {
        document.dispatchEvent(
          new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'x' } }),
        );
        window.postMessage({ type: name, contentScriptName: 'content', messageId: 'x' }, '*');
      }
    }, id);
    // Still at work: a name added afterwards is found and drawn.
    await page.evaluate(() => (document.getElementById('later')!.textContent = 'Motegi answered.'));
    await waitFor(
      () => readHighlights(page),
      (ranges) => ranges.length === 2,
      'the new name drawn after the kill attempt',
    );
    assert.ok((await diagnostics(harness, page))?.active);
    await page.close();
  });

  it('cannot open a card with pointer or key events of its own', async () => {
    const url = harness.server.route('/hostile-synthetic.html', {
      body: '<!doctype html><html lang="en"><body><p id="p">Wang Yi spoke.</p></body></html>',
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(harness, page);
    await page.evaluate(() => {
      const range = document.createRange();
      const text = document.getElementById('p')!.firstChild!;
      range.setStart(text, 0);
      range.setEnd(text, 7);
      const box = range.getBoundingClientRect();
      const at = { clientX: box.left + 5, clientY: box.top + box.height / 2, bubbles: true };
      for (let i = 0; i < 20; i++) {
        document
          .elementFromPoint(at.clientX, at.clientY)!
          .dispatchEvent(new PointerEvent('pointermove', at));
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }
    });
    // Long past the hover delay, on the page's own clock: still no card.
    await waitForPageClock(page, 3 * DEFAULT_SETTINGS.hoverDelayMs);
    assert.equal(await page.evaluate(() => document.querySelector('briefing-lens-card')), null);
    assert.equal((await diagnostics(harness, page))?.card.open, false);
    await page.close();
  });
});
