/**
 * The few things that differ between Chromium and Firefox, in one place.
 * Everything else goes through webextension-polyfill unchanged.
 */

/** Where the reader changes keyboard shortcuts. Chromium: a chrome:// page; Firefox: the add-ons manager. */
export function shortcutsPage(): string {
  return import.meta.env.FIREFOX
    ? 'about:addons → ⚙ → Manage Extension Shortcuts'
    : 'chrome://extensions/shortcuts';
}
