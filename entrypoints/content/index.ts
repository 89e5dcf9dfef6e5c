import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from '../../lib/browser';
import { startPage } from './page-session';

/**
 * WXT announces every content script to the page it runs in: a CustomEvent
 * on `document` whose name holds the extension's id, and which, dispatched
 * back by the page, tears the content script down. The page must learn
 * neither that we are here nor how to switch us off, so the announcement is
 * dropped in this world (the page's own `dispatchEvent` is untouched: each
 * world has its own prototypes), and the session ends only when the
 * extension itself is gone (reloaded or removed), which the page cannot fake.
 */
const ANNOUNCEMENT = ':wxt:content-script-started';
// (WXT also loads this module in Node when it builds, to read its options.)
const prototype = typeof Document === 'undefined' ? null : Document.prototype;
const dispatch = prototype?.dispatchEvent;
if (prototype && dispatch)
  prototype.dispatchEvent = function (event: Event) {
    return event.type.endsWith(ANNOUNCEMENT) ? true : dispatch.call(this, event);
  };

/** How often an orphaned content script (its extension reloaded) checks that it is one. */
const ORPHAN_CHECK_MS = 1000;

export default defineContentScript({
  matches: ['<all_urls>'],
  // Same-origin and cross-origin frames each get their own copy.
  allFrames: true,
  runAt: 'document_idle',
  // No window message either (WXT's older announcement).
  noScriptStartedPostMessage: true,
  async main() {
    if (prototype && dispatch) prototype.dispatchEvent = dispatch;
    const session = new AbortController();
    const orphaned = setInterval(() => {
      if (browser.runtime?.id) return;
      clearInterval(orphaned);
      session.abort();
    }, ORPHAN_CHECK_MS);
    try {
      await startPage(session.signal);
    } catch (error) {
      // The extension was reloaded or its background is gone: stay silent on
      // the owner's page rather than throw into its console.
      if (browser.runtime?.id)
        console.debug('[Briefing Lens] not started:', (error as Error).message);
    }
  },
});
