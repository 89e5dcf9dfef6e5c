/**
 * A page that watches the reader through the extension, in Chromium: its own
 * script records what it can observe while the extension scans, the reader
 * hovers a name, a card opens, a setting changes and the site is paused —
 * events dispatched on its document and window, window messages, Performance
 * timeline entries, elements added and their attributes, shadow roots,
 * highlight registry names — and then tries to read, restyle and hide the
 * card, hide or restyle the highlights, empty the registry, switch the
 * content script off, open a card with events of its own, and (as a
 * compromised renderer would, from the content script's own world) send the
 * messages only the extension's pages may send. What it may still see is
 * listed in README, "What a page can see".
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../core/settings';
import type { Page } from 'playwright-core';
import {
  diagnostics,
  inCard,
  hoverText,
  launch,
  setSettings,
  readHighlights,
  waitFor,
  waitForCard,
  waitForPageClock,
  waitForScan,
  type Harness,
} from '../support/harness';
import { cardBox } from '../support/card-helpers';
import { HOSTILE_HIGHLIGHT_RULES, NEUTRAL_HIGHLIGHT_NAMES, textBox } from '../support/in-page';

/** Runs `expression` in the content script's own world (isolated), as a compromised renderer could. */
async function inContentScriptWorld(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{
    id: number;
    name: string;
    auxData?: { type?: string; frameId?: string };
  }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.name.includes('Briefing Lens'),
  );
  if (!world)
    throw new Error(`no content script world (${contexts.map((c) => c.name).join(', ')})`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description);
  return result.value;
}

/** A screenshot of a box of the page (device pixels), to compare what the reader sees. */
async function shot(page: Page, box: { x: number; y: number; width: number; height: number }) {
  return page.screenshot({ clip: box, animations: 'disabled' });
}

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

  it('cannot read, click, move, hide or restyle the open card', async () => {
    const url = harness.server.route('/hostile-card.html', {
      body: `<!doctype html><html lang="en"><body style="margin:40px">
<p>Chinese Foreign Minister Wang Yi spoke with Toshimitsu Motegi.</p></body></html>`,
    });
    const page = await harness.context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(url);
    await waitForScan(harness, page);
    await hoverText(page, 'Wang Yi');
    await waitForCard(page);
    const seen = await page.evaluate(() => {
      const host = document.querySelector('briefing-lens-card')!;
      return {
        root: host.shadowRoot === null,
        text: host.textContent,
        inner: document.body.innerText.includes('Foreign Minister of China'),
        attributes: [...host.attributes].map((a) => `${a.name}=${a.value}`),
        inline: host.getAttribute('style'),
      };
    });
    assert.equal(seen.root, true, 'the shadow root is closed to the page');
    assert.equal(seen.text, '', 'the host holds no text of the card');
    assert.deepEqual(seen.attributes, ['popover=manual'], 'no attribute of ours but the top layer');
    // The card is in the top layer: above the page's own highest overlay.
    assert.equal(
      await page.evaluate(() =>
        document.querySelector('briefing-lens-card')!.matches(':popover-open'),
      ),
      true,
    );
    const outer = await cardBox(page);
    // Inside the card's rounded border and shadow: what shows there is the card alone.
    const box = {
      x: outer.x + 12,
      y: outer.y + 12,
      width: outer.width - 24,
      height: outer.height - 24,
    };
    const before = await shot(page, box);
    const cardText = await inCard(page, (root) => root!.textContent);
    // Everything a page's style sheet can throw at an element it did not make.
    // (At the card's host only: a sheet that moves the name moves its card
    // with it, as it should; card.test.ts wrecks the whole page.)
    await page.addStyleTag({
      content: `briefing-lens-card { all: unset !important; }
briefing-lens-card, briefing-lens-card:popover-open {
  display: none !important; visibility: hidden !important; opacity: 0 !important;
  transform: translate(-5000px, -5000px) !important; position: static !important;
  clip-path: inset(50%) !important; filter: blur(8px) invert(1) !important; zoom: 0.1 !important;
  --bg: black !important; --fg: black !important; --card-x: 0 !important; color: red !important;
  font-size: 1px !important; pointer-events: none !important;
}
html, body { --bg: black !important; --fg: black !important; }`,
    });
    // Scripts too: clicks and keys all over the card (where its links and
    // buttons are), a text rewrite, a hidePopover, an overlay of its own.
    const tabs = harness.context.pages().length;
    await page.evaluate((box) => {
      const host = document.querySelector('briefing-lens-card') as HTMLElement;
      host.click();
      for (let x = box.x + 4; x < box.x + box.width; x += 12)
        for (let y = box.y + 4; y < box.y + box.height; y += 12) {
          const at = { clientX: x, clientY: y, bubbles: true, composed: true };
          const target = document.elementFromPoint(x, y) ?? host;
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
            target.dispatchEvent(new MouseEvent(type, at));
        }
      for (const key of ['Enter', ' '])
        host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      host.textContent = 'rewritten';
      host.style.setProperty('display', 'none');
    }, outer);
    await waitForPageClock(page, 500);
    assert.equal(harness.context.pages().length, tabs, 'no tab opened for the page’s clicks');
    await waitFor(
      () => diagnostics(harness, page),
      (d) => !!d?.card.open,
      'the card still open',
    );
    // The text node the page added lands in the light DOM, which a shadow host does not render.
    await page.evaluate(() => {
      const host = document.querySelector('briefing-lens-card') as HTMLElement;
      host.textContent = '';
      host.removeAttribute('style');
    });
    assert.deepEqual(await cardBox(page), outer, 'the card did not move');
    assert.ok((await shot(page, box)).equals(before), 'the card looks as it did');
    assert.equal(await inCard(page, (root) => root!.textContent), cardText);
    // An overlay of the page's own, opened into the top layer after the card,
    // over the whole screen: the card goes back above it.
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.popover = 'manual';
      cover.setAttribute(
        'style',
        [
          'display:block',
          'position:fixed',
          'inset:0',
          'width:100vw',
          'height:100vh',
          'margin:0',
          'border:0',
          'background:red',
        ]
          .map((d) => `${d} !important`)
          .join(';'),
      );
      document.documentElement.append(cover);
      cover.showPopover();
    });
    const head = { x: outer.x + outer.width / 2, y: outer.y + 20 };
    // The cover covers everything else: the test can see the card beaten.
    assert.equal(await page.evaluate(() => document.elementFromPoint(5, 5)?.id), 'cover');
    await waitFor(
      () => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, head),
      (hit) => hit === 'briefing-lens-card',
      'the card back above the page’s overlay',
    );
    await page.close();
  });

  it('sees neutral highlight names, nothing of hidden text, and cannot hide, restyle or remove the highlights', async () => {
    const url = harness.server.route('/hostile-registry.html', {
      body: `<!doctype html><html lang="en"><body style="margin:40px;font:20px sans-serif">
<p id="seen">Wang Yi spoke.</p>
<p hidden>Xi Jinping, hidden.</p>
<p style="display:none">Donald Trump, not displayed.</p>
<p style="visibility:hidden">Sanae Takaichi, invisible.</p>
<p><span style="font-size:0">Toshimitsu Motegi</span> at no size.</p>
<p><span style="display:contents">Gyeongju</span>, drawn in its parent's box.</p>
<details><summary>More</summary><p>Lee Jae-myung, folded.</p></details>
</body></html>`,
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(harness, page);
    const drawn = await readHighlights(page);
    assert.deepEqual(
      drawn.map((r) => r.text).sort(),
      ['Gyeongju', 'Wang Yi'],
      'only the rendered names are registered',
    );
    const names = await page.evaluate(() =>
      [...(CSS.highlights as unknown as Map<string, unknown>).keys()].sort(),
    );
    assert.deepEqual(names, NEUTRAL_HIGHLIGHT_NAMES);
    // A setting changes the colours, not the names the page sees.
    const box = await page.evaluate(textBox, 'seen');
    const underlined = await shot(page, box);
    // The line is drawn at the bottom of the box; a fill covers its top half too.
    const top = { ...box, height: Math.floor(box.height / 2) };
    const underlinedTop = await shot(page, top);
    await setSettings(harness, { highlightStyle: 'background' });
    // The new colours come through the background: wait until they are painted.
    const before = await waitFor(
      () => shot(page, box),
      (now) => !now.equals(underlined),
      'the background style painted',
    );
    assert.ok(!(await shot(page, top)).equals(underlinedTop), 'a fill drawn behind the name');
    assert.deepEqual(
      await page.evaluate(() =>
        [...(CSS.highlights as unknown as Map<string, unknown>).keys()].sort(),
      ),
      names,
    );
    // The page's own rules for our names change nothing the reader sees.
    await page.addStyleTag({
      content: HOSTILE_HIGHLIGHT_RULES,
    });
    assert.ok((await shot(page, box)).equals(before), 'the highlight looks as it did');
    // Emptied, deleted, replaced: back within a moment.
    for (const attack of [
      'CSS.highlights.clear()',
      "CSS.highlights.get('briefing-lens-person').clear()",
      "CSS.highlights.set('briefing-lens-person', new Highlight())",
      "CSS.highlights.delete('briefing-lens-person')",
    ]) {
      await page.evaluate(attack);
      await waitFor(
        () => readHighlights(page),
        (ranges) =>
          ranges.some((r) => r.highlight === 'briefing-lens-person' && r.text === 'Wang Yi'),
        `the highlight back after ${attack}`,
      );
    }
    // Shown by the page later: drawn then.
    await page.evaluate(() => document.querySelector('details')!.setAttribute('open', ''));
    await waitFor(
      () => readHighlights(page),
      (ranges) => ranges.some((r) => r.text === 'Lee Jae-myung'),
      'the unfolded name drawn',
    );
    await setSettings(harness, {});
    await page.close();
  });

  it('holds nothing of ours on a paused site, and nothing after pausing', async () => {
    const body =
      '<!doctype html><html lang="en"><body><p>Wang Yi spoke with Motegi.</p></body></html>';
    const url = harness.server.route('/hostile-paused.html', { body });
    const footprint = (page: Page) =>
      page.evaluate(() => ({
        registry: CSS.highlights.size,
        elements: document.querySelectorAll('briefing-lens-card').length,
        entries: performance.getEntries().filter((e) => /briefing|wxt/i.test(e.name)).length,
      }));
    const none = { registry: 0, elements: 0, entries: 0 };
    try {
      await setSettings(harness, { pausedSites: ['127.0.0.1'] });
      const page = await harness.context.newPage();
      await page.goto(url);
      const d = await waitFor(
        () => diagnostics(harness, page),
        (d) => d !== null,
        'the content script answering',
      );
      assert.equal(d!.active, false);
      assert.equal(d!.setupMs, null, 'no matcher built');
      assert.deepEqual(await footprint(page), none);
      await page.close();

      await setSettings(harness, {});
      const visited = await harness.context.newPage();
      await visited.goto(url);
      await waitForScan(harness, visited);
      await hoverText(visited, 'Wang Yi');
      await waitForCard(visited);
      // A whole visit: scan, hover, card, a setting changed, then the pause.
      await setSettings(harness, { highlightStyle: 'background' });
      await setSettings(harness, { highlightStyle: 'background', pausedSites: ['127.0.0.1'] });
      await waitFor(
        () => footprint(visited),
        (f) => f.registry === 0 && f.elements === 0,
        'nothing left',
      );
      assert.deepEqual(await footprint(visited), none);
      await visited.close();
    } finally {
      await setSettings(harness, {});
    }
  });

  it('gets every privileged message refused from the content script’s world', async () => {
    const url = harness.server.route('/hostile-renderer.html', {
      body: '<!doctype html><html lang="en"><body><p>Wang Yi spoke.</p></body></html>',
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(harness, page);
    const send = (type: string, request: unknown) =>
      inContentScriptWorld(
        page,
        `chrome.runtime.sendMessage(${JSON.stringify({ channel: 'briefing-lens', type, request })})`,
      ) as Promise<{ ok: boolean; error?: string; value?: unknown }>;
    const pack = JSON.stringify({
      id: 'evil',
      version: '1',
      title: 'Evil',
      entities: [],
      articles: [],
    });
    for (const [type, request] of [
      ['listPacks', undefined],
      ['importPack', { text: pack, fileName: 'evil.json' }],
      ['removePack', { packId: 'bundled' }],
      ['setPackEnabled', { packId: 'bundled', enabled: false }],
      ['exportPack', { packId: 'bundled' }],
      ['getFrameMentions', { tabId: 1 }],
      ['openPage', { page: 'options' }],
    ] as const) {
      const reply = await send(type, request);
      assert.equal(reply.ok, false, `${type} refused`);
    }
    // Nor can it read or change the reader's settings: storage is our pages' alone.
    for (const area of ['sync', 'local'])
      assert.match(
        String(
          await inContentScriptWorld(
            page,
            `(async () => {
  try { await chrome.storage.${area}.set({ settings: { version: 2, paused: true } }); return 'written'; }
  catch (error) { return 'refused: ' + error.message; } })()`,
          ),
        ),
        /^refused/,
        `storage.${area} closed to the content script`,
      );
    assert.equal(
      await harness.worker.evaluate(async () => {
        const { settings } = await (
          globalThis as unknown as {
            chrome: {
              storage: { sync: { get(k: string): Promise<{ settings?: { paused?: boolean } }> } };
            };
          }
        ).chrome.storage.sync.get('settings');
        return settings?.paused ?? false;
      }),
      false,
      'the settings unchanged',
    );
    // Read-only questions about its own page's names are still answered.
    const briefing = await send('getBriefing', { entityId: 'wang-yi' });
    assert.equal(briefing.ok, true);
    // And the same privileged message from an extension page works.
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${new URL(harness.worker.url()).host}/options.html`);
    const listed = (await options.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({
        channel: 'briefing-lens',
        type: 'listPacks',
      }),
    )) as { ok: boolean; value: unknown[] };
    assert.equal(listed.ok, true);
    assert.ok(listed.value.length >= 1);
    await options.close();
    await page.close();
  });
});
