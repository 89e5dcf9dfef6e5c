/**
 * The keyboard commands as a reader uses them: a real windowed Chromium on a
 * private X display, a fresh profile, and key presses that come from the X
 * server (xdotool), which is how the browser's own shortcuts are reached
 * (keys sent through the DevTools protocol go to the page and never trigger
 * an extension command). The suggested keys are assigned, the command starts
 * from the screen, and Enter opens the card, not the page's focused link;
 * the side panel's command, given a key, opens the side panel.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch,
  nextFrames,
  waitFor,
  waitForCard,
  waitForScan,
  waitForSidePanel,
  type Harness,
} from '../support/harness';
import {
  drawnMentions,
  focusedMention,
  waitForCardClosed,
  type OnScreen,
} from '../support/card-helpers';
import { NO_REAL_KEYS, startXDisplay, type XDisplay } from '../support/x-display';
import { KEYS_PAGE, KEYS_TITLE } from '../support/keys-page';

describe('the keyboard commands, pressed for real', { skip: NO_REAL_KEYS ?? false }, () => {
  let display: XDisplay;
  let harness: Harness;

  before(async () => {
    display = await startXDisplay();
    harness = await launch({ display: display.name });
  });

  after(async () => {
    await harness?.close();
    display?.close();
  });

  it('has both keys assigned in a fresh profile', async () => {
    const commands = await harness.worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> } };
        }
      ).chrome.commands.getAll(),
    );
    const key = (name: string) => commands.find((c) => c.name === name)?.shortcut ?? '';
    assert.equal(key('next-mention'), 'Alt+Shift+J');
    assert.equal(key('previous-mention'), 'Alt+Shift+K');
  });

  it('moves from the first name on screen, back with the other key, and Enter opens its card, not the focused link', async () => {
    const page = await harness.context.newPage();
    try {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(harness.server.route('/real-keys.html', { body: KEYS_PAGE }));
      await waitForScan(harness, page);
      await page.bringToFront();
      await page.focus('#home');
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight * 0.4));
      await nextFrames(page, 2);
      const scrolled = await page.evaluate(() => scrollY);
      // Where each name is on the page (its place on screen moves if it is scrolled to).
      const onPage = (m: OnScreen, scrollY: number) => Math.round(m.top + scrollY);
      const drawn = await drawnMentions(page);
      const firstOnScreen = drawn.find((m) => m.bottom > 0)!;
      const at = drawn.indexOf(firstOnScreen);
      assert.ok(at > 0, 'some names are above the screen');

      const press = async (keys: string, expected: OnScreen) => {
        display.press(KEYS_TITLE, keys);
        const focused = await waitFor(
          async () => ({
            mention: await focusedMention(page),
            scrollY: await page.evaluate(() => scrollY),
          }),
          ({ mention, scrollY }) =>
            mention?.text === expected.text &&
            onPage(mention, scrollY) === onPage(expected, scrolled),
          `${keys} to focus “${expected.text}”`,
        ).then(({ mention }) => mention);
        const height = await page.evaluate(() => innerHeight);
        assert.ok(focused!.top >= 0 && focused!.bottom <= height, `${expected.text} in view`);
      };
      await press('alt+shift+j', firstOnScreen);
      await press('alt+shift+j', drawn[at + 1]!);
      await press('alt+shift+k', firstOnScreen);

      const url = page.url();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'home');
      display.press(KEYS_TITLE, 'Return');
      await waitForCard(page);
      assert.equal(page.url(), url, 'the focused link was not followed');
      display.press(KEYS_TITLE, 'Escape');
      await waitForCardClosed(page);
    } finally {
      await page.close();
    }
  });

  it('opens the side panel with the key the reader gives its command', async () => {
    // No key is suggested for it (wxt.config.ts): set one as the reader does,
    // on Chromium's own shortcuts page (through the API that page uses).
    const id = new URL(harness.worker.url()).host;
    const shortcuts = await harness.context.newPage();
    await shortcuts.goto('chrome://extensions/shortcuts');
    await shortcuts.evaluate(
      (id) =>
        (
          globalThis as unknown as {
            chrome: { developerPrivate: { updateExtensionCommand(o: object): Promise<void> } };
          }
        ).chrome.developerPrivate.updateExtensionCommand({
          extensionId: id,
          commandName: 'open-side-panel',
          keybinding: 'Alt+Shift+O',
        }),
      id,
    );
    await shortcuts.close();
    const page = await harness.context.newPage();
    try {
      await page.goto(harness.server.route('/real-keys.html', { body: KEYS_PAGE }));
      await waitForScan(harness, page);
      await page.bringToFront();
      display.press(KEYS_TITLE, 'alt+shift+o');
      const panel = await waitForSidePanel(harness);
      await panel.waitFor(`document.querySelectorAll('.entities [data-entity]').length > 0`);
      panel.close();
    } finally {
      await page.close();
    }
  });
});
