/**
 * The sidebar in Firefox ESR. WebDriver cannot reach Firefox's sidebar, so
 * its page is loaded as a background tab of the demo tab's window, where it
 * follows that window's active tab exactly as it does in the sidebar
 * (followed-tab.ts): the page's briefings, a hover, a tab switch. That the
 * popup's button opens the real sidebar is seen through the extension's own
 * `sidebarAction.isOpen`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { waitFor } from '../support/harness';
import { SIX_PEOPLE, demoFixture } from '../support/expected';
import {
  hoverText,
  launchFirefox,
  openExtensionPage,
  waitForCard,
  waitForScan,
  type FirefoxHarness,
} from './harness';

const { demo } = demoFixture();

const listed = (panel: Page) =>
  panel.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.entities [data-entity]')].map((e) => ({
      id: e.dataset.entity!,
      person: e.classList.contains('kind-person'),
      fact: e.querySelector('.summary .fact-text')?.textContent ?? '',
      source: e.querySelector('.summary a.source')?.textContent ?? '',
    })),
  );

describe('the sidebar in Firefox', () => {
  let harness: FirefoxHarness;
  let page: Page;
  let panel: Page;

  before(async () => {
    harness = await launchFirefox({
      routes: {
        '/demo.html': demo.html,
        '/other.html':
          '<!doctype html><html lang="en"><body><p>Xi Jinping met Lee Jae-myung.</p></body></html>',
      },
    });
    page = await harness.browser.newPage();
    await page.goto(harness.server.url('/demo.html'));
    await waitForScan(harness, page);
    await page.bringToFront();
    panel = await openExtensionPage(harness, 'sidepanel.html', { background: true });
  });

  after(async () => {
    await harness?.close();
  });

  it('lists the page’s briefings, people first, each with a sourced sentence', async () => {
    const rows = await waitFor(
      () => listed(panel),
      (rows) =>
        rows.length > SIX_PEOPLE.length && rows.filter((r) => r.person).every((r) => r.fact),
      'the demo page’s briefings',
    );
    const firstOther = rows.findIndex((r) => !r.person);
    assert.deepEqual(new Set(rows.slice(0, firstOther).map((r) => r.id)), new Set(SIX_PEOPLE));
    assert.ok(rows.slice(firstOther).every((r) => !r.person));
    for (const row of rows.slice(0, firstOther)) assert.match(row.source, /\S/);
  });

  it('marks the name the reader hovers on the page, its sentence whole', async () => {
    await hoverText(page, 'Motegi');
    await waitForCard(harness, page, 'Motegi');
    const looked = await waitFor(
      () =>
        panel.evaluate(() => {
          const row = document.querySelector<HTMLElement>(
            '.entities > li[aria-current="true"] [data-entity]',
          );
          return row
            ? { id: row.dataset.entity, whole: !!row.querySelector('.fact-text.open') }
            : null;
        }),
      (row) => row?.id === 'toshimitsu-motegi',
      'Motegi marked',
    );
    assert.equal(looked!.whole, true);
    await page.mouse.move(1, 1);
  });

  it('follows a tab switch, and back', async () => {
    const other = await harness.browser.newPage();
    await other.goto(harness.server.url('/other.html'));
    await other.bringToFront();
    await waitFor(
      () => listed(panel),
      (rows) =>
        rows
          .map((r) => r.id)
          .sort()
          .join() === 'lee-jae-myung,xi-jinping',
      'the other tab’s two people',
    );
    await page.bringToFront();
    await waitFor(
      () => listed(panel),
      (rows) => SIX_PEOPLE.every((id) => rows.some((r) => r.id === id)),
      'the demo page’s people again',
    );
    await other.close();
  });

  it('opens as the real sidebar from the popup’s button', async () => {
    const probe = await openExtensionPage(harness, 'options.html', { background: true });
    const isOpen = () =>
      probe.evaluate(() =>
        (
          globalThis as unknown as {
            browser: { sidebarAction: { isOpen(o: object): Promise<boolean> } };
          }
        ).browser.sidebarAction.isOpen({}),
      );
    assert.equal(await isOpen(), false, 'closed at first (not opened at install)');
    const popup = await openExtensionPage(harness, 'popup.html', { background: true });
    await popup.waitForSelector('[data-action="side-panel"]');
    await popup.click('[data-action="side-panel"]');
    await waitFor(isOpen, Boolean, 'the sidebar open');
    await probe.close();
  });
});
