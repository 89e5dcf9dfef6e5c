/**
 * The keyboard commands pressed for real in Firefox: a windowed firefox-esr
 * on a private X display, a fresh profile, and key presses from the X server
 * (xdotool), which reach Firefox's own shortcut handling as a keyboard's do
 * (WebDriver's keys go to the page). The suggested keys are assigned, the
 * command starts from the screen, and Enter opens the card there too.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page as PlaywrightPage } from 'playwright-core';
import {
  launchFirefox,
  openExtensionPage,
  waitForCard,
  waitForScan,
  type FirefoxHarness,
} from './harness';
import { drawnMentions, focusedMention, type OnScreen } from '../support/card-helpers';
import { NO_REAL_KEYS, startXDisplay, type XDisplay } from '../support/x-display';
import { KEYS_PAGE, KEYS_TITLE } from '../support/keys-page';
import { waitFor } from '../support/harness';

describe(
  'the keyboard commands in Firefox, pressed for real',
  { skip: NO_REAL_KEYS ?? false },
  () => {
    let display: XDisplay;
    let harness: FirefoxHarness;

    before(async () => {
      display = await startXDisplay();
      harness = await launchFirefox({ display: display.name, routes: { '/keys.html': KEYS_PAGE } });
    });

    after(async () => {
      await harness?.close();
      display?.close();
    });

    it('has both keys assigned in a fresh profile', async () => {
      const options = await openExtensionPage(harness, 'options.html', { background: true });
      const commands = await options.evaluate(() =>
        (
          globalThis as unknown as {
            browser: {
              commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
            };
          }
        ).browser.commands.getAll(),
      );
      await options.close();
      const key = (name: string) => commands.find((c) => c.name === name)?.shortcut ?? '';
      assert.equal(key('next-mention'), 'Alt+Shift+J');
      assert.equal(key('previous-mention'), 'Alt+Shift+K');
    });

    it('moves from the first name on screen, back with the other key, and Enter opens its card', async () => {
      const page = await harness.browser.newPage();
      // The shared in-page readers take any page that evaluates functions.
      const asPage = page as unknown as PlaywrightPage;
      try {
        await page.goto(harness.server.url('/keys.html'));
        await waitForScan(harness, page);
        await page.bringToFront();
        await page.evaluate(() => {
          document.getElementById('home')!.focus();
          scrollTo({ top: document.documentElement.scrollHeight * 0.4, behavior: 'instant' });
        });
        const scrolled = await page.evaluate(() => scrollY);
        const onPage = (m: OnScreen, scrollY: number) => Math.round(m.top + scrollY);
        const drawn = await drawnMentions(asPage);
        const firstOnScreen = drawn.find((m) => m.bottom > 0)!;
        const at = drawn.indexOf(firstOnScreen);
        assert.ok(at > 0, 'some names are above the screen');

        const press = async (keys: string, expected: OnScreen) => {
          display.press(KEYS_TITLE, keys);
          const { mention } = await waitFor(
            async () => ({
              mention: await focusedMention(asPage),
              scrollY: await page.evaluate(() => scrollY),
            }),
            ({ mention, scrollY }) =>
              mention?.text === expected.text &&
              Math.abs(onPage(mention, scrollY) - onPage(expected, scrolled)) <= 1,
            `${keys} to focus “${expected.text}”`,
          );
          const height = await page.evaluate(() => innerHeight);
          assert.ok(mention!.top >= 0 && mention!.bottom <= height, `${expected.text} in view`);
        };
        await press('alt+shift+j', firstOnScreen);
        await press('alt+shift+j', drawn[at + 1]!);
        await press('alt+shift+k', firstOnScreen);

        const url = page.url();
        display.press(KEYS_TITLE, 'Return');
        await waitForCard(harness, page, firstOnScreen.text.split(' ')[0]!);
        assert.equal(page.url(), url, 'the focused link was not followed');
      } finally {
        await page.close();
      }
    });
  },
);
