/**
 * Runs the *built* Firefox extension (.output/firefox-mv2) in a real Firefox
 * (Debian's /usr/bin/firefox-esr) driven over WebDriver BiDi by puppeteer-core,
 * offline, with fixture pages served from 127.0.0.1 by the Chromium harness's
 * FixtureServer. See docs/firefox.md for why each preference is set.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FixtureServer, REPO_ROOT } from '../support/harness';
import {
  collectHighlights,
  countHighlights,
  textRect,
  type HighlightedRange,
} from '../support/in-page';
import type { DiagnosticsSnapshot, ScanPassDetail } from '../../lib/messaging/protocol';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The built add-on; another build (e.g. `wxt build -b firefox --mv3` → .output/firefox-mv3) through the environment. */
export const FIREFOX_EXTENSION_DIR = path.resolve(
  REPO_ROOT,
  process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2',
);

/**
 * The extension's internal UUID, fixed so its pages have a known address
 * (moz-extension://<uuid>/popup.html). Firefox otherwise picks a random one per
 * profile; the pref `extensions.webextensions.uuids` maps add-on id → UUID.
 */
export const EXTENSION_UUID = 'b71e5a11-1e45-4b7a-9c0d-5eed1e55f00d';

/** The add-on id, read from the built manifest so it cannot drift from wxt.config.ts. */
export function geckoId(extensionDir = FIREFOX_EXTENSION_DIR): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('The Firefox manifest has no browser_specific_settings.gecko.id');
  return id;
}

/**
 * Offline and quiet. `MOZ_DISABLE_NONLOCAL_CONNECTIONS=1` (environment) makes
 * every connection to anything but localhost fail; the prefs below stop the
 * background services that would otherwise try (and log) anyway. ESR ignores
 * a `services.settings.server` override unless that variable is set.
 */
export const FIREFOX_PREFS: Record<string, unknown> = {
  // Remote Settings (blocklists, certificates…): a data: URL that never answers.
  'services.settings.server': 'data:,#remote-settings-disabled',
  'app.update.disabledForTesting': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.newtabpage.enabled': false,
  'browser.startup.page': 0,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  // A page in a background tab keeps running timers at full speed, so a
  // highlight change on the demo page is seen while the options tab is in front.
  'dom.min_background_timeout_value': 0,
  'dom.min_background_timeout_value_without_budget_throttling': 0,
  'dom.timeout.enable_budget_timer_throttling': false,
};

export interface FirefoxHarness {
  browser: Browser;
  server: FixtureServer;
  uuid: string;
  /** an extension page in a background tab, from which the harness messages content scripts */
  probe?: Page;
  /** the DOM of each page URL as Firefox rendered it before the extension was installed */
  pristine: Map<string, string>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  /** fixture routes served from 127.0.0.1: path → HTML */
  routes?: Record<string, string>;
  /** pages (paths of `routes`) to load once *before* the extension is installed */
  pristinePaths?: string[];
  viewport?: { width: number; height: number };
  /** an X display (support/x-display.ts) to run a real windowed Firefox on, for real key presses */
  display?: string;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxHarness> {
  // BiDi (webExtension.install) wants an absolute path.
  const extensionDir = path.resolve(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
  if (!existsSync(path.join(extensionDir, 'manifest.json')))
    throw new Error(
      `No built extension at ${extensionDir}: run \`npx wxt build -b firefox\` first.`,
    );
  if (!existsSync(FIREFOX))
    throw new Error(
      `No Firefox at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`,
    );

  const server = new FixtureServer();
  await server.start();
  for (const [route, body] of Object.entries(options.routes ?? {})) server.route(route, { body });

  // puppeteer-core makes its own temporary profile; a separate TMPDIR keeps
  // anything else Firefox writes out of the shared /tmp and is removed on close.
  const scratch = mkdtempSync(path.join(tmpdir(), 'briefing-lens-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: !options.display,
    // Lets BiDi install add-ons (webExtension.install) and reach privileged contexts.
    args: ['--remote-allow-system-access'],
    env: {
      ...process.env,
      MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
      TMPDIR: scratch,
      ...(options.display && { DISPLAY: options.display }),
    },
    defaultViewport: options.viewport ?? { width: 1280, height: 900 },
    extraPrefsFirefox: {
      ...FIREFOX_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId(extensionDir)]: EXTENSION_UUID }),
    },
  });

  const harness: FirefoxHarness = {
    browser,
    server,
    uuid: EXTENSION_UUID,
    pristine: new Map(),
    async close() {
      await browser.close().catch(() => undefined);
      await server.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
  try {
    // The same pages in the same Firefox, before the extension exists: the
    // yardstick for "the extension did not touch the DOM".
    for (const route of options.pristinePaths ?? []) {
      const page = await browser.newPage();
      await page.goto(server.url(route));
      harness.pristine.set(route, await page.evaluate(() => document.documentElement.outerHTML));
      await page.close();
    }
    await browser.installExtension(extensionDir).catch(async (error: Error) => {
      // Debian bookworm's main archive has ESR 140; 153 comes from bookworm-security.
      throw new Error(
        `${await browser.version()} did not install the add-on (its strict_min_version is in wxt.config.ts): ${error.message}`,
      );
    });
  } catch (error) {
    await harness.close();
    throw error;
  }
  return harness;
}

export function extensionUrl(harness: FirefoxHarness, pagePath: string): string {
  return `moz-extension://${harness.uuid}/${pagePath.replace(/^\//, '')}`;
}

/**
 * Navigates to a moz-extension:// page. Puppeteer's `page.goto` waits for a
 * BiDi navigation event Firefox does not send for extension pages, so it never
 * resolves; the BiDi command `browsingContext.navigate` itself does. Puppeteer
 * keeps the frame's BiDi browsing context on `mainFrame().browsingContext`
 * (not public API; the fallback is goto with a short timeout).
 */
export async function navigateExtensionPage(page: Page, url: string): Promise<void> {
  const context = (
    page.mainFrame() as unknown as {
      browsingContext?: {
        navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void>;
      };
    }
  ).browsingContext;
  if (context?.navigate) await context.navigate(url, 'complete');
  else await page.goto(url, { timeout: 3000 }).catch(() => undefined);
  await page.waitForFunction(
    (href) => location.href.startsWith(href) && document.readyState === 'complete',
    { polling: 50, timeout: 10_000 },
    url.split('#')[0]!,
  );
}

export async function openExtensionPage(
  harness: FirefoxHarness,
  pagePath: string,
  options: { background?: boolean } = {},
): Promise<Page> {
  const page = await harness.browser.newPage({ background: options.background });
  await navigateExtensionPage(page, extensionUrl(harness, pagePath));
  return page;
}

/**
 * What the content script of `page` says about itself, asked through the
 * extension's own messaging (as the Chromium harness does from the service
 * worker): an extension page of ours sends `getDiagnostics` to every tab, and
 * the frame whose address is the page's answers. Null when none answers yet.
 */
export async function diagnostics(
  harness: FirefoxHarness,
  page: Page,
  options: { mentions?: boolean } = {},
): Promise<DiagnosticsSnapshot | null> {
  harness.probe ??= await openExtensionPage(harness, 'options.html', { background: true });
  const request = { href: page.url(), mentions: !!options.mentions };
  return harness.probe.evaluate(async (request) => {
    const api = (
      globalThis as unknown as {
        browser: {
          tabs: {
            query(q: object): Promise<Array<{ id?: number }>>;
            sendMessage(id: number, m: unknown): Promise<unknown>;
          };
        };
      }
    ).browser;
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = (await api.tabs
        .sendMessage(tab.id, { channel: 'briefing-lens', type: 'getDiagnostics', request })
        .catch(() => undefined)) as { ok: boolean; value?: unknown } | undefined;
      if (reply?.ok) return reply.value as DiagnosticsSnapshot;
    }
    return null;
  }, request);
}

/** Waits until the content script of `page` has finished at least `passes` scan passes. */
export async function waitForScan(
  harness: FirefoxHarness,
  page: Page,
  passes = 1,
  timeout = 15_000,
): Promise<ScanPassDetail[]> {
  const end = Date.now() + timeout;
  for (;;) {
    const d = await diagnostics(harness, page);
    if (d && d.passCount >= passes) return d.passes;
    if (Date.now() > end)
      throw new Error(`Timed out waiting for ${passes} scan pass(es) on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every range the page's CSS.highlights holds, with its text (the Chromium harness's in-page code). */
export async function readHighlights(page: Page): Promise<HighlightedRange[]> {
  return page.evaluate(collectHighlights);
}

/** Waits until the page draws exactly `count` mentions (the shared in-page count). */
export async function waitForHighlightCount(page: Page, count: number, timeout = 10_000) {
  await page.waitForFunction(
    `(${countHighlights.toString()})() === ${count}`,
    // Interval polling: requestAnimationFrame does not run in a background tab.
    { polling: 50, timeout },
  );
}

/** Scrolls the n-th occurrence of `text` into view and rests the pointer on it. */
export async function hoverText(
  page: Page,
  text: string,
  nth = 0,
): Promise<{ x: number; y: number }> {
  const rect = await page.evaluate(textRect, { text, nth, scroll: true });
  if (!rect) throw new Error(`"${text}" is not on the page`);
  const point = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  await page.mouse.move(point.x - 40, point.y + 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  return point;
}

/**
 * Waits until a card is open, placed, done appearing and shows `text`, as the
 * content script reports it (the card's root is closed to the page, and so to
 * the driver). Returns the card's text.
 */
export async function waitForCard(
  harness: FirefoxHarness,
  page: Page,
  text: string,
  timeout = 5000,
): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    const card = (await diagnostics(harness, page))?.card;
    if (card?.settled && card.text?.includes(text)) return card.text;
    if (Date.now() > end) throw new Error(`No card showing "${text}" on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Writes the reader's settings where the options page keeps them, from our own page. */
export async function setSettings(
  harness: FirefoxHarness,
  settings: Record<string, unknown>,
): Promise<void> {
  harness.probe ??= await openExtensionPage(harness, 'options.html', { background: true });
  await harness.probe.evaluate(
    (s) =>
      (
        globalThis as unknown as {
          browser: { storage: { sync: { set(v: object): Promise<void> } } };
        }
      ).browser.storage.sync.set({ settings: s }),
    { version: 2, ...settings },
  );
}

/**
 * Sends each of `messages` to the background from a content-script world of
 * the tab showing `page`, as a compromised renderer could: our own page
 * injects the sender with `scripting.executeScript` (WebDriver cannot reach
 * a content script's world in Firefox). Each reply, or `{ ok: false }` with
 * the error a rejected send gave.
 */
export async function sendFromContentScript(
  harness: FirefoxHarness,
  page: Page,
  messages: unknown[],
): Promise<Array<{ ok: boolean; error?: string; value?: unknown }>> {
  harness.probe ??= await openExtensionPage(harness, 'options.html', { background: true });
  return harness.probe.evaluate(
    async ({ href, messages }) => {
      type Api = {
        tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
        scripting: {
          executeScript(o: object): Promise<Array<{ result?: unknown; error?: unknown }>>;
        };
        runtime: { sendMessage(m: unknown): Promise<unknown> };
      };
      const api = (globalThis as unknown as { browser: Api }).browser;
      // Taken from an array, where JavaScript infers no name: tsx would wrap
      // a named arrow in a helper of its own that does not exist in the tab.
      const [send] = [
        (messages: unknown[]) =>
          Promise.all(
            messages.map((m) =>
              (globalThis as unknown as { browser: Api }).browser.runtime
                .sendMessage(m)
                .catch((e: unknown) => ({ ok: false, error: String(e) })),
            ),
          ),
      ];
      const tab = (await api.tabs.query({})).find((t) => t.url === href);
      if (tab?.id === undefined) throw new Error(`no tab shows ${href}`);
      const [injected] = await api.scripting.executeScript({
        target: { tabId: tab.id },
        args: [messages],
        func: send,
      });
      if (!injected || injected.error) throw new Error(`not injected: ${String(injected?.error)}`);
      return injected.result as Array<{ ok: boolean; error?: string; value?: unknown }>;
    },
    { href: page.url(), messages },
  );
}
