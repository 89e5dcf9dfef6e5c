import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader should see where every name comes from.
  imports: false,
  // Static files (locales, icons) live with the other assets.
  publicDir: 'assets/public',
  vite: () => ({
    // NO_MINIFY=1 keeps names readable in CPU profiles of the content script.
    build: process.env.NO_MINIFY ? { minify: false } : {},
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    // `storage`: settings (storage.sync, the paused sites in storage.local),
    // the imported packs' manifest, and what each frame found (storage.session);
    // the background closes them to content scripts (background/storage-access.ts).
    // `scripting` with access to every site: only to insert the highlights'
    // colours as a user-origin sheet (scripting.insertCSS), which the page can
    // neither read nor override. The content script runs on every site
    // already, so the install prompt asks for nothing more. The popup asks the
    // tab's content script what it found instead of reading the tab (no
    // `tabs`/`activeTab`).
    permissions: ['storage', 'scripting'],
    host_permissions: ['<all_urls>'],
    commands: {
      // Keys Chromium leaves free: Alt+Shift+B (bookmarks bar), N and P are
      // its own, and a suggested key it reserves is silently left unassigned.
      // J and K are assigned in fresh profiles of Chromium 156 (headed) and
      // Firefox ESR 153 on Linux (commands.getAll), and are next and previous
      // for readers of vim and Gmail.
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandNextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandPreviousMention__',
      },
      // No suggested key: every free Alt+Shift letter left is some OS's own
      // (ChromeOS takes L, S, M, N…); the reader picks one. Firefox opens its
      // sidebar itself on the reserved `_execute_sidebar_action`; Chromium
      // hands the command to the background (sidePanel.open).
      [browser === 'firefox' ? '_execute_sidebar_action' : 'open-side-panel']: {
        description: '__MSG_commandOpenSidePanel__',
      },
    },
    // Firefox gets WXT's default, Manifest V2 (.output/firefox-mv2): the
    // content script's <all_urls> is granted at install and cannot be
    // withdrawn site by site, and the background is a persistent page. Why,
    // and what MV3 would change: docs/firefox.md.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Stable: storage.sync is keyed by it (a temporary add-on needs one too).
              id: 'briefing-lens@briefing-lens.example',
              // 140: CSS Custom Highlight API, data_collection_permissions (desktop);
              // 142: data_collection_permissions on Android.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
