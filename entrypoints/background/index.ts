import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from './service';

export default defineBackground({
  // Firefox runs it as an event page; Chromium as a service worker.
  type: 'module',
  main() {
    startBackground();
  },
});
