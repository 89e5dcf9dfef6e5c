import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wired up in lib/background (see below).
});
