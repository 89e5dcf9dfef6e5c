import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';

/**
 * `npm run dev:firefox`: web-ext looks for a `firefox` binary; Debian installs
 * Firefox ESR as /usr/bin/firefox-esr only. FIREFOX_PATH (also read by the
 * Firefox end-to-end tests) overrides both.
 */
const firefox =
  process.env.FIREFOX_PATH ??
  (!existsSync('/usr/bin/firefox') && existsSync('/usr/bin/firefox-esr')
    ? '/usr/bin/firefox-esr'
    : undefined);

export default defineWebExtConfig({
  // `npm run dev` as root (these machines): Chromium's sandbox needs a non-root user.
  chromiumArgs: ['--no-sandbox', '--disable-gpu'],
  ...(firefox ? { binaries: { firefox } } : {}),
});
