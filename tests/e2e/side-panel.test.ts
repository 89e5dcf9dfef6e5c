/**
 * The real side panel in Chromium, opened as a reader opens it (the popup's
 * button, clicked with mouse events; the card's button, clicked on the
 * page): the page's briefings beside it, following a tab switch, the name
 * the reader hovers or reaches with the keyboard, and the page as it grows
 * and as an SPA moves on; axe in light and dark. The page's own recorder
 * sees none of it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  clickInCard,
  hoverText,
  launch,
  openToolbarPopup,
  REPO_ROOT,
  waitFor,
  waitForCard,
  waitForScan,
  waitForSidePanel,
  type Harness,
  type PopupTarget,
} from '../support/harness';
import {
  axeViolations,
  clickInPopup,
  emulateColorScheme,
  formatViolations,
  listedRows,
  rows,
} from '../support/popup-helpers';
import { sendNextMention, focusedMention } from '../support/card-helpers';
import { SIX_PEOPLE, demoFixture } from '../support/expected';

const ARTIFACTS = path.join(REPO_ROOT, 'test-output', 'side-panel');
const DOCS_SCREENSHOT = path.join(REPO_ROOT, 'docs/screenshots/side-panel.png');
mkdirSync(ARTIFACTS, { recursive: true });

const { demo } = demoFixture();

/** The entity whose row the panel marks as the one the reader looks at, and whether its sentence is whole. */
const LOOKED_AT = `(() => { const li = document.querySelector('.entities > li[aria-current="true"]'); if (!li) return null; const row = li.querySelector('[data-entity]'); return { id: row.dataset.entity, whole: !!row.querySelector('.summary .fact-text.open') }; })()`;

async function lookedAt(panel: PopupTarget) {
  return panel.evaluate<{ id: string; whole: boolean } | null>(LOOKED_AT);
}

/** What the page's own scripts record: window messages and timeline entries. */
const RECORDER = `<script>
window.observed = { messages: [], entries: [] };
addEventListener('message', (e) => observed.messages.push(JSON.stringify(e.data)), true);
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) observed.entries.push(entry.entryType + ':' + entry.name);
}).observe({ entryTypes: ['mark', 'measure'] });
</script>`;

describe('the side panel', () => {
  let harness: Harness;
  let page: Page;
  let panel: PopupTarget;

  before(async () => {
    harness = await launch();
    page = await harness.context.newPage();
    await page.goto(harness.server.route('/demo.html', { body: demo.html }));
    await waitForScan(harness, page);
  });

  after(async () => {
    panel?.close();
    await harness?.close();
  });

  it('opens from the popup beside the page, with the page’s briefings, people first', async () => {
    const popup = await openToolbarPopup(harness, page);
    await popup.waitFor(`document.querySelector('[data-action="side-panel"]')`);
    await clickInPopup(popup, '[data-action="side-panel"]');
    panel = await waitForSidePanel(harness);
    const listed = await rows(panel);
    const people = listed.filter((r) => r.person);
    assert.deepEqual(new Set(people.map((r) => r.id)), new Set(SIX_PEOPLE));
    for (const person of people) {
      assert.ok(person.fact.length > 20, `${person.id} has a sentence`);
      assert.ok(person.source, `${person.id}'s sentence has a source`);
    }
    const firstOther = listed.findIndex((r) => !r.person);
    assert.ok(
      listed.slice(firstOther).every((r) => !r.person),
      'people before countries and places',
    );
    const shot = await panel.screenshot();
    writeFileSync(path.join(ARTIFACTS, 'side-panel.png'), shot);
    if (process.env.UPDATE_SCREENSHOTS) writeFileSync(DOCS_SCREENSHOT, shot);
  });

  it('follows the name the reader hovers, and the one the keyboard reaches', async () => {
    await hoverText(page, 'Motegi');
    await waitForCard(page);
    const hovered = await waitFor(
      () => lookedAt(panel),
      (row) => row?.id === 'toshimitsu-motegi',
      'Motegi marked in the panel',
    );
    assert.equal(hovered!.whole, true, 'his sentence shown whole');
    // The mouse away, then the next-mention command: the first name below the top of the screen.
    await page.mouse.move(2, 2);
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.ok(await sendNextMention(harness, page));
    const focused = await waitFor(
      () => focusedMention(page),
      (m) => m !== null,
      'a name focused',
    );
    const marked = await waitFor(
      () => lookedAt(panel),
      (row) => !!row && row.id !== 'toshimitsu-motegi',
      `the panel marking "${focused!.text}"`,
    );
    const names = await panel.evaluate<string>(
      `document.querySelector('[data-entity="${marked!.id}"]').textContent`,
    );
    assert.ok(names.length > 0);
    await page.keyboard.press('Escape');
  });

  it('follows a tab switch, and back', async () => {
    const other = await harness.context.newPage();
    await other.goto(
      harness.server.route('/other.html', {
        body: '<!doctype html><html lang="en"><body><p>Xi Jinping met Lee Jae-myung.</p></body></html>',
      }),
    );
    await waitFor(
      () => listedRows(panel),
      (listed) =>
        listed
          .map((r) => r.id)
          .sort()
          .join() === 'lee-jae-myung,xi-jinping' && listed.every((r) => r.fact),
      'the other tab’s two people',
    );
    await page.bringToFront();
    await waitFor(
      () => listedRows(panel),
      (listed) => SIX_PEOPLE.every((id) => listed.some((r) => r.id === id)),
      'the demo page’s people again',
    );
    await other.close();
  });

  it('stays live as the page grows and as an SPA moves on, and the page hears nothing of it', async () => {
    const spa = await harness.context.newPage();
    await spa.goto(
      harness.server.route('/spa.html', {
        body: `<!doctype html><html lang="en"><head>${RECORDER}</head><body><main><p>Wang Yi spoke.</p></main></body></html>`,
      }),
    );
    await waitFor(
      () => listedRows(panel),
      (listed) => listed.map((r) => r.id).join() === 'wang-yi',
      'the SPA’s first name',
    );
    // A feed grows.
    await spa.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Toshimitsu Motegi answered.';
      document.querySelector('main')!.append(p);
    });
    await waitFor(
      () => listedRows(panel),
      (listed) =>
        listed
          .map((r) => r.id)
          .sort()
          .join() === 'toshimitsu-motegi,wang-yi',
      'the name the feed added',
    );
    // The SPA goes to another article.
    await spa.evaluate(() => {
      history.pushState(null, '', '/spa/next');
      document
        .querySelector('main')!
        .replaceChildren(
          Object.assign(document.createElement('p'), { textContent: 'Sanae Takaichi arrived.' }),
        );
    });
    await waitFor(
      () => listedRows(panel),
      (listed) => listed.map((r) => r.id).join() === 'sanae-takaichi',
      'the next article’s name only',
    );
    assert.deepEqual(
      await spa.evaluate(() => (window as unknown as { observed: unknown }).observed),
      { messages: [], entries: [] },
    );
    await spa.close();
    await page.bringToFront();
  });

  for (const scheme of ['light', 'dark'] as const)
    it(`has no axe violations (${scheme})`, async () => {
      await emulateColorScheme(panel, scheme);
      await rows(panel);
      const violations = await axeViolations(panel);
      writeFileSync(path.join(ARTIFACTS, `side-panel-${scheme}.png`), await panel.screenshot());
      assert.equal(violations.length, 0, formatViolations(violations));
    });
});

describe('the card’s side-panel button', () => {
  let harness: Harness;

  before(async () => {
    harness = await launch();
  });
  after(async () => {
    await harness?.close();
  });

  it('opens the side panel for the page, clicked by the reader', async () => {
    const page = await harness.context.newPage();
    await page.goto(harness.server.route('/demo.html', { body: demo.html }));
    await waitForScan(harness, page);
    await hoverText(page, 'Motegi');
    await waitForCard(page);
    await clickInCard(page, 'button.side-panel');
    const panel = await waitForSidePanel(harness);
    const listed = await rows(panel);
    assert.ok(SIX_PEOPLE.every((id) => listed.some((r) => r.id === id)));
    panel.close();
  });
});
