/**
 * The one place the extension API is imported from. WXT's
 * `@wxt-dev/webextension-polyfill` module makes `wxt/browser` the promise-based
 * webextension-polyfill in Chromium and the native `browser` in Firefox, and
 * WxtVitest swaps it for an in-memory fake in unit tests.
 */
export { browser } from 'wxt/browser';
export type { Browser } from 'wxt/browser';
