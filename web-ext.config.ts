import { defineWebExtConfig } from 'wxt';

// `npm run dev` as root (these machines): Chromium's sandbox needs a non-root user.
export default defineWebExtConfig({
  chromiumArgs: ['--no-sandbox', '--disable-gpu'],
});
