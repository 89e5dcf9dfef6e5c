/**
 * The foundation, proven where readers meet it: the built extension in a real
 * Chromium highlights the demo page without touching its DOM, shows a card on
 * hover, lists the page's names in the toolbar popup, follows an options
 * change on an open page without reload, and makes no request of its own.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  REPO_ROOT,
  cardText,
  extensionRequestsOutsideItsOrigin,
  hoverText,
  waitForCard,
  launch,
  openExtensionPage,
  openToolbarPopup,
  readHighlights,
  waitForScan,
  type Harness,
} from '../support/harness';
import { SIX_PEOPLE, demoFixture } from '../support/expected';

const ARTIFACTS = path.join(REPO_ROOT, 'test-output');
mkdirSync(ARTIFACTS, { recursive: true });

const { demo, expected, entities } = demoFixture();

/** The page's DOM as a plain Chromium (no extension) parses it. */
async function pristineDom(url: string): Promise<string> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    return await page.evaluate(() => document.documentElement.outerHTML);
  } finally {
    await browser.close();
  }
}

describe('the extension in Chromium', () => {
  let harness: Harness;
  let page: Page;
  let demoUrl: string;

  before(async () => {
    harness = await launch();
    demoUrl = harness.server.route('/demo.html', { body: demo.html });
    page = await harness.context.newPage();
    await page.goto(demoUrl);
    await waitForScan(harness, page);
  });

  after(async () => {
    await harness?.close();
  });

  it('highlights every mention the recognition core finds on the demo page', async () => {
    const ranges = await readHighlights(page);
    const drawn = ranges.filter((r) => r.highlight !== 'briefing-lens-focus');
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    assert.ok(total > 30, `the demo page names the briefing's people (${total})`);
    assert.equal(drawn.length, total);
    const texts = new Set(drawn.map((r) => r.text));
    for (const name of [
      'Wang Yi',
      'Takaichi',
      'Lee Jae-myung',
      '다카이치',
      '高市',
      '王毅',
      '习近平',
      '習近平',
    ])
      assert.ok(texts.has(name), `"${name}" is highlighted`);
    // "Sanae <b>Takaichi</b>" is one mention across two elements.
    assert.ok(texts.has('Sanae Takaichi'));
    // Nothing inside the comment box, the name field or the editable draft.
    assert.ok(!drawn.some((r) => r.text === 'Donald Trump fan'));
    const [scan] = await waitForScan(harness, page);
    assert.equal(scan!.mentions, total);
  });

  it('leaves the page DOM exactly as the page made it', async () => {
    const before = await pristineDom(demoUrl);
    const afterScan = await page.evaluate(() => document.documentElement.outerHTML);
    assert.equal(afterScan, before);
  });

  it('shows a card with who it is when a name is hovered', async () => {
    await hoverText(page, 'Wang Yi', 0);
    await waitForCard(page);
    const text = await cardText(page);
    assert.match(text ?? '', /Wang Yi/);
    assert.match(text ?? '', /Chinese Foreign Minister/);
    writeFileSync(path.join(ARTIFACTS, 'card.png'), await page.screenshot());
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('briefing-lens-card'));
  });

  it('lists the names of the page, with their counts, in the toolbar popup', async () => {
    await page.bringToFront();
    const popup = await openToolbarPopup(harness, page);
    try {
      await popup.waitFor(`document.querySelectorAll('.entities [data-entity]').length > 0`);
      const listed = await popup.evaluate<Array<{ id: string; count: number }>>(
        `[...document.querySelectorAll('.entities [data-entity]')].map((e) => ({ id: e.dataset.entity, count: Number(e.querySelector('[data-count]')?.dataset.count) }))`,
      );
      const byId = new Map(listed.map((e) => [e.id, e.count]));
      for (const person of SIX_PEOPLE) {
        assert.ok(expected.get(person), `${person} is on the demo page`);
        assert.equal(byId.get(person), expected.get(person), `${person}'s count`);
      }
      writeFileSync(path.join(ARTIFACTS, 'popup.png'), await popup.screenshot());
    } finally {
      popup.close();
    }
  });

  it('removes the highlights of a topic switched off in the options, without reload', async () => {
    // A topic with an entity on the page that belongs to no other topic.
    const onlyTopic = entities.find((e) => e.topics.length === 1 && (expected.get(e.id) ?? 0) > 0);
    assert.ok(onlyTopic, 'some entity on the page has a single topic');
    const topic = onlyTopic.topics[0]!;
    const hidden = entities.filter(
      (e) => e.topics.length > 0 && e.topics.every((t) => t === topic),
    );
    const loss = hidden.reduce((sum, e) => sum + (expected.get(e.id) ?? 0), 0);

    const before = (await readHighlights(page)).length;
    const options = await openExtensionPage(harness, 'options.html');
    const box = options.locator(`input[data-topic="${topic}"]`);
    await box.waitFor();
    await box.uncheck();
    await page.waitForFunction((n) => {
      let count = 0;
      for (const [, h] of CSS.highlights as unknown as Map<string, Set<unknown>>) count += h.size;
      return count === n;
    }, before - loss);
    writeFileSync(
      path.join(ARTIFACTS, 'options.png'),
      await options.screenshot({ fullPage: true }),
    );
    await box.check();
    await page.waitForFunction((n) => {
      let count = 0;
      for (const [, h] of CSS.highlights as unknown as Map<string, Set<unknown>>) count += h.size;
      return count === n;
    }, before);
    await options.close();
  });

  it('makes no request outside its own origin', () => {
    assert.deepEqual(extensionRequestsOutsideItsOrigin(harness), []);
    // The demo page has no subresources: anything but the page itself came from elsewhere.
    const pageRequests = harness.requests.filter((r) => r.from === demoUrl && r.url !== demoUrl);
    assert.deepEqual(pageRequests, []);
  });
});
