import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPage } from './page-session';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Same-origin and cross-origin frames each get their own copy.
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    try {
      await startPage(ctx.signal);
    } catch (error) {
      // The extension was reloaded or its background is gone: stay silent on
      // the owner's page rather than throw into its console.
      if (!ctx.isInvalid) console.debug('[Briefing Lens] not started:', (error as Error).message);
    }
  },
});
