/**
 * Runs the *built* extension in a real Chromium (Debian's /usr/bin/chromium
 * driven by playwright-core), serves fixture pages from 127.0.0.1, and records
 * every request the browser makes so a test can prove the extension made none.
 * Used by the end-to-end tests, the demo and the page benchmarks.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import type { DiagnosticsSnapshot, ScanPassDetail } from '../../lib/messaging/protocol';
import { collectHighlights, type HighlightedRange } from './in-page';
import { inCard, waitInCard } from './card-root';

export { CORPUS_DIR, hasCorpus, SHARED_MISSING, corpusPages } from './corpus';
export { collectHighlights, type HighlightedRange };
export { clickInCard, inCard, waitInCard } from './card-root';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built extension; BRIEFING_LENS_EXTENSION_DIR points a run at another build (A/B benchmarks). */
export const EXTENSION_DIR =
  process.env.BRIEFING_LENS_EXTENSION_DIR ?? path.join(REPO_ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Small realistic pages of the project's own (tests/fixtures/pages/README.md). */
export const FIXTURE_PAGES_DIR = path.join(REPO_ROOT, 'tests/fixtures/pages');

/**
 * Offline and quiet, as root: no sandbox (root cannot use it), no GPU, no
 * background traffic, and every host but 127.0.0.1 fails to resolve
 * (*.localhost is 127.0.0.1 too: a subdomain to test site rules on).
 * Listed in DEVELOPERS.md.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP *.localhost 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export interface RecordedRequest {
  url: string;
  /** the page or worker that made it */
  from: string;
  resourceType: string;
}

export interface StaticRoute {
  body: string | Buffer;
  type?: string;
  /** extra headers, e.g. a CSP that keeps a saved page's scripts from running */
  headers?: Record<string, string>;
}

export class FixtureServer {
  private readonly routes = new Map<string, StaticRoute>();
  readonly hits: string[] = [];
  private server: Server | null = null;
  port = 0;

  route(pathname: string, route: StaticRoute): string {
    this.routes.set(pathname, route);
    return this.url(pathname);
  }

  url(pathname: string): string {
    return `http://127.0.0.1:${this.port}${pathname}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      this.hits.push(pathname);
      const route = this.routes.get(pathname);
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res
        .writeHead(200, {
          'content-type': route.type ?? 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          ...route.headers,
        })
        .end(route.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

/** A saved page served as a static document: its scripts and handlers do not run. */
export const STATIC_PAGE_HEADERS = {
  'content-security-policy': "script-src 'none'; object-src 'none'",
};

export interface Harness {
  context: BrowserContext;
  /** the extension's service worker, the one running now (it is replaced after a stop) */
  readonly worker: Worker;
  extensionId: string;
  server: FixtureServer;
  requests: RecordedRequest[];
  /** port of the DevTools endpoint, for targets Playwright does not list (the toolbar popup) */
  devtoolsPort: number;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** defaults to the built Chromium extension; null launches a plain browser */
  extensionDir?: string | null;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  viewport?: { width: number; height: number };
  /** the browser profile to use and keep (a restart, a small disk); a fresh temporary one by default */
  userDataDir?: string;
  /** an X display (support/x-display.ts) to run a real windowed browser on, for real key presses */
  display?: string;
  /** the browser's own UI language ("ko", "zh_TW"; Debian's chromium-l10n), which chrome.i18n reports */
  uiLanguage?: string;
}

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  const extensionDir = options.extensionDir === undefined ? EXTENSION_DIR : options.extensionDir;
  if (extensionDir && !existsSync(path.join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  const userDataDir =
    options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'briefing-lens-chromium-'));
  const server = new FixtureServer();
  await server.start();
  // Service-worker requests are reported only with this set (Chromium).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    // BRIEFING_LENS_HEADED=1 (under a display, e.g. xvfb-run) for a real windowed browser.
    headless: !options.display && process.env.BRIEFING_LENS_HEADED !== '1',
    ...((options.display || options.uiLanguage) && {
      env: {
        ...process.env,
        ...(options.display && { DISPLAY: options.display }),
        ...(options.uiLanguage && { LANGUAGE: options.uiLanguage }),
      },
    }),
    args: [
      ...CHROMIUM_FLAGS,
      '--remote-debugging-port=0',
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
    ],
    colorScheme: options.colorScheme ?? 'light',
    // Playwright passes its locale to Chromium as --lang: the UI language's too.
    locale: options.locale ?? options.uiLanguage?.replace('_', '-') ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const requests: RecordedRequest[] = [];
  context.on('request', (request) => {
    const worker = request.serviceWorker();
    let from = worker?.url() ?? '';
    if (!from) {
      try {
        from = request.frame().url();
      } catch {
        from = '(unknown)';
      }
    }
    requests.push({ url: request.url(), from, resourceType: request.resourceType() });
  });

  let worker: Worker | undefined;
  let extensionId = '';
  if (extensionDir) {
    const ours = () =>
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    const started = ours() ? null : context.waitForEvent('serviceworker', { timeout: 15_000 });
    // In a profile used before, the extension is installed already and its
    // worker starts only when something asks it: a page's content script.
    if (started && options.userDataDir) {
      const wake = await context.newPage();
      await wake.goto(server.route('/wake.html', { body: '<p>Wang Yi</p>' }));
      void started.then(() => wake.close());
    }
    worker = ours() ?? (await started!);
    extensionId = new URL(worker.url()).host;
    // A stopped worker comes back as a new one: keep the handle current.
    context.on('serviceworker', (next) => {
      if (next.url().startsWith(`chrome-extension://${extensionId}/`)) worker = next;
    });
  }
  const devtoolsPort = Number(
    readFileSync(path.join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0],
  );

  return {
    context,
    get worker() {
      return worker as Worker;
    },
    extensionId,
    server,
    requests,
    devtoolsPort,
    async close() {
      await context.close();
      await server.stop();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Requests the extension made: from its own pages or worker, to anywhere but its own origin. */
export function extensionRequestsOutsideItsOrigin(harness: Harness): RecordedRequest[] {
  const origin = `chrome-extension://${harness.extensionId}`;
  return harness.requests.filter(
    (r) => r.from.startsWith(origin) && !r.url.startsWith(origin) && !r.url.startsWith('data:'),
  );
}

export function extensionUrl(harness: Harness, pagePath: string): string {
  return `chrome-extension://${harness.extensionId}/${pagePath.replace(/^\//, '')}`;
}

export async function openExtensionPage(harness: Harness, pagePath: string): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(extensionUrl(harness, pagePath));
  return page;
}

/**
 * What the content script of `target` (a page, or a frame of one) says about
 * itself, asked through the extension's own messaging: the service worker
 * sends `getDiagnostics` to every frame of every tab, and the frame whose
 * address is the target's answers. Null when no content script answers (yet).
 * The page itself can neither send this message nor see its answer.
 */
export async function diagnostics(
  harness: Harness,
  target: Page | Frame,
  options: { mentions?: boolean } = {},
): Promise<DiagnosticsSnapshot | null> {
  const request = { href: target.url(), mentions: !!options.mentions };
  return harness.worker.evaluate(async (request) => {
    const chrome = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: object): Promise<Array<{ id?: number }>>;
            sendMessage(id: number, m: unknown): Promise<unknown>;
          };
        };
      }
    ).chrome;
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      const reply = (await chrome.tabs
        .sendMessage(tab.id, { channel: 'briefing-lens', type: 'getDiagnostics', request })
        .catch(() => undefined)) as { ok: boolean; value?: unknown } | undefined;
      if (reply?.ok) return reply.value as DiagnosticsSnapshot;
    }
    return null;
  }, request);
}

/**
 * Stores `settings` (over the defaults of the current shape) as the reader's
 * settings item, from the service worker, as the options page would.
 */
export async function setSettings(
  harness: Harness,
  settings: Record<string, unknown>,
): Promise<void> {
  await harness.worker.evaluate(
    (s) =>
      (
        globalThis as unknown as {
          chrome: { storage: { sync: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.sync.set({ settings: s }),
    { version: 2, ...settings },
  );
}

/** Polls `read` until `done` holds for its value; throws with `what` after `timeout` ms. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeout = 15_000,
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until the content script of `target` has finished at least `passes` scan passes. */
export async function waitForScan(
  harness: Harness,
  target: Page | Frame,
  passes = 1,
  timeout = 15_000,
): Promise<ScanPassDetail[]> {
  const snapshot = await waitFor(
    () => diagnostics(harness, target),
    (d) => !!d && d.passCount >= passes,
    `${passes} scan pass(es) on ${target.url()}`,
    timeout,
  );
  return snapshot!.passes;
}

/** Every range the page's CSS.highlights holds, with its text. */
export async function readHighlights(page: Page): Promise<HighlightedRange[]> {
  return page.evaluate(collectHighlights);
}

/** The client rectangle of the n-th occurrence of `text` in the page. */
export async function rectOfText(page: Page, text: string, nth = 0) {
  return page.evaluate(
    ({ text, nth }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        let at = data.indexOf(text);
        while (at >= 0) {
          if (seen++ === nth) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            const r = range.getClientRects()[0]!;
            return { x: r.left, y: r.top, width: r.width, height: r.height };
          }
          at = data.indexOf(text, at + 1);
        }
      }
      return null;
    },
    { text, nth },
  );
}

/** Scrolls `text` into view and rests the pointer on it, as a reader would. */
export async function hoverText(
  page: Page,
  text: string,
  nth = 0,
): Promise<{ x: number; y: number }> {
  await page.evaluate(
    ({ text, nth }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if ((node as Text).data.includes(text) && seen++ === nth) {
          node.parentElement?.scrollIntoView({ block: 'center' });
          return;
        }
    },
    { text, nth },
  );
  const rect = await rectOfText(page, text, nth);
  if (!rect) throw new Error(`"${text}" is not on the page`);
  const point = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  await page.mouse.move(point.x - 40, point.y + 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  return point;
}

/** Waits until a card is open, placed, shows a briefing (its role line) and has finished appearing. */
export async function waitForCard(page: Page, timeout = 5000): Promise<void> {
  await waitInCard(
    page,
    (root) => {
      const card = root?.querySelector('.card');
      if (!card || !root!.querySelector('.role, .facts')) return false;
      // Placed (shown only once placed), and the entrance animation and any
      // transition have run: the card is at rest.
      return (
        getComputedStyle(root!.host).visibility === 'visible' &&
        root!.getAnimations().every((a) => a.playState === 'finished')
      );
    },
    undefined,
    timeout,
  );
}

/**
 * Waits until the page's own clock has advanced `ms` milliseconds: for the
 * times the content script itself waits (its exported constants), so that a
 * test can say "after the hide delay, the pinned card is still open".
 */
export async function waitForPageClock(page: Page, ms: number): Promise<void> {
  const until = (await page.evaluate(() => performance.now())) + ms;
  await page.waitForFunction((until) => performance.now() >= until, until, { polling: 'raf' });
}

/** Waits for the page to render `frames` more frames (style and layout are then current). */
export async function nextFrames(page: Page, frames = 2): Promise<void> {
  // A string: tsx would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`new Promise((done) => {
    let left = ${frames};
    const tick = () => (left-- === 0 ? done() : requestAnimationFrame(tick));
    tick();
  })`);
}

/** The card's text, or null when no card is open. */
export async function cardText(page: Page): Promise<string | null> {
  return inCard(page, (root) => (root?.host.isConnected ? root.textContent : null));
}

/**
 * The real toolbar popup: opened by `chrome.action.openPopup()` in the
 * service worker for the active tab. Playwright does not list it as a page, so
 * it is reached through the DevTools endpoint directly.
 */
export async function openToolbarPopup(harness: Harness, forPage: Page): Promise<PopupTarget> {
  await forPage.bringToFront();
  await harness.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }
    ).chrome.action.openPopup(),
  );
  return connectToPage(harness, 'popup.html', 'The toolbar popup did not open');
}

/**
 * The browser's real side panel, once something opened it (the popup's
 * button, the card's, a command): like the popup, a DevTools target
 * Playwright does not list as a page.
 */
export function waitForSidePanel(harness: Harness): Promise<PopupTarget> {
  return connectToPage(harness, 'sidepanel.html', 'The side panel did not open');
}

/** Waits for a target showing an extension page (at most 5 s) and connects to it. */
async function connectToPage(harness: Harness, pagePath: string, failure: string) {
  const url = extensionUrl(harness, pagePath);
  for (let tries = 0; tries < 100; tries++) {
    const targets = (await (
      await fetch(`http://127.0.0.1:${harness.devtoolsPort}/json/list`)
    ).json()) as Array<{
      url: string;
      webSocketDebuggerUrl: string;
    }>;
    const target = targets.find((t) => t.url.startsWith(url));
    if (target) return PopupTarget.connect(target.webSocketDebuggerUrl);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(failure);
}

/** The message of a command sent to (or pending on) a target that has closed. */
export const TARGET_CLOSED = 'the target closed';

/** A raw DevTools connection to one target. */
export class PopupTarget {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    (value: { result?: unknown; error?: { message: string } }) => void
  >();

  private constructor(private readonly socket: WebSocket) {
    // A popup that closes itself (after opening a tab, say) answers nothing more.
    socket.addEventListener('close', () => {
      for (const resolve of this.pending.values()) resolve({ error: { message: TARGET_CLOSED } });
      this.pending.clear();
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      if (message.id !== undefined) this.pending.get(message.id)?.(message);
    });
  }

  static async connect(wsUrl: string): Promise<PopupTarget> {
    const socket = new WebSocket(wsUrl);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', reject, { once: true });
    });
    return new PopupTarget(socket);
  }

  async send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.socket.readyState !== WebSocket.OPEN) throw new Error(`${method}: ${TARGET_CLOSED}`);
    const id = this.nextId++;
    const reply = await new Promise<{ result?: unknown; error?: { message: string } }>(
      (resolve) => {
        this.pending.set(id, resolve);
        this.socket.send(JSON.stringify({ id, method, params }));
      },
    );
    this.pending.delete(id);
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result as T;
  }

  /** Evaluates an expression (a string of JS) in the popup and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const result = await this.send<{ result: { value: T }; exceptionDetails?: { text: string } }>(
      'Runtime.evaluate',
      {
        expression,
        awaitPromise: true,
        returnByValue: true,
      },
    );
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
    return result.result.value;
  }

  async waitFor(expression: string, timeout = 10_000): Promise<void> {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      if (await this.evaluate<boolean>(`Boolean(${expression})`).catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`Timed out waiting for ${expression}`);
  }

  async screenshot(): Promise<Buffer> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(data, 'base64');
  }

  close(): void {
    this.socket.close();
  }
}
