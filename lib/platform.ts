/**
 * The few things that differ between Chromium and Firefox, in one place. Each
 * says which browser needs it and why. Everything else goes through
 * webextension-polyfill unchanged, and no other module asks which browser it
 * runs in (no `import.meta.env.FIREFOX`, no user-agent sniffing elsewhere).
 *
 * The manifest differences (MV3 service worker and `action` for Chromium, MV2
 * background page and `browser_action` plus `browser_specific_settings.gecko`
 * for Firefox) are WXT's and wxt.config.ts's business, not this module's.
 * docs/firefox.md lists what was checked in a real Firefox.
 */
import { browser } from './browser';

/**
 * How the highlights' fill is drawn (core/highlight-css.ts). Chromium (156)
 * computes the fill and colour of a user-origin highlight but draws only its
 * lines, so there a fill is a raised line; Firefox draws the fill itself.
 */
export function highlightSheetOptions(): { fillAsLine: boolean } {
  return { fillAsLine: !import.meta.env.FIREFOX };
}

/** Where the reader changes keyboard shortcuts, in words. Chromium: a chrome:// page; Firefox: the add-ons manager. */
export function shortcutsPage(): string {
  return import.meta.env.FIREFOX
    ? 'about:addons → ⚙ → Manage Extension Shortcuts'
    : 'chrome://extensions/shortcuts';
}

/**
 * Opens the browser's own keyboard-shortcut settings.
 * - Chromium has no API for it, but an extension (unlike a page) may open
 *   chrome://extensions/shortcuts in a tab.
 * - Firefox refuses about:addons in tabs.create; `commands.openShortcutSettings()`
 *   (Firefox 137+, so every Firefox this add-on installs in) opens the add-ons
 *   manager at its shortcuts view. Checked in firefox-esr 153.
 */
export async function openShortcutSettings(): Promise<void> {
  if (import.meta.env.FIREFOX) {
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
    await commands.openShortcutSettings?.();
    return;
  }
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/**
 * The text position (node and offset) under a viewport point.
 * Firefox has only the standard `caretPositionFromPoint` (never had
 * `caretRangeFromPoint`); Chromium has the standard one from 128 and the older
 * WebKit `caretRangeFromPoint` before that, as does Safari. The standard one
 * is tried first. Returns null where no text is under the point.
 */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (withPosition.caretPositionFromPoint) {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/**
 * Whether a page's card can open the side panel (its button asks the
 * background). Chromium lets the background open it for the reader's click
 * in the card; Firefox opens its sidebar only from a user input handler of
 * an extension page or a command, and a message from a content script is
 * none (checked in firefox-esr 153), so there the card has no such button.
 */
export function cardCanOpenSidePanel(): boolean {
  return !import.meta.env.FIREFOX;
}

/**
 * Opens the side panel beside the page. Call it while the reader's click or
 * key is being handled, with nothing awaited first: both browsers open a
 * panel only in answer to the reader, and Firefox only synchronously.
 * - Chromium: `sidePanel.open`, for a window (the popup, a command) or a tab
 *   (the card, through the background).
 * - Firefox: `sidebarAction.open`, for the window the call comes from.
 */
export function openSidePanel(where: { windowId?: number; tabId?: number }): Promise<void> {
  if (import.meta.env.FIREFOX) {
    const sidebar = (browser as unknown as { sidebarAction: { open(): Promise<void> } })
      .sidebarAction;
    return sidebar.open();
  }
  return browser.sidePanel.open(where as never);
}
