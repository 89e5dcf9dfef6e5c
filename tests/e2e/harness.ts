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
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built extension; BRIEFING_LENS_EXTENSION_DIR points a run at another build (A/B benchmarks). */
export const EXTENSION_DIR =
  process.env.BRIEFING_LENS_EXTENSION_DIR ?? path.join(REPO_ROOT, '.output/chrome-mv3');
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus/pages');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Offline and quiet, as root: no sandbox (root cannot use it), no GPU, no
 * background traffic, and every host but 127.0.0.1 fails to resolve.
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
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
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
  worker: Worker;
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
}

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  const extensionDir = options.extensionDir === undefined ? EXTENSION_DIR : options.extensionDir;
  if (extensionDir && !existsSync(path.join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'briefing-lens-chromium-'));
  const server = new FixtureServer();
  await server.start();
  // Service-worker requests are reported only with this set (Chromium).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    // BRIEFING_LENS_HEADED=1 (under a display, e.g. xvfb-run) for a real windowed browser.
    headless: process.env.BRIEFING_LENS_HEADED !== '1',
    args: [
      ...CHROMIUM_FLAGS,
      '--remote-debugging-port=0',
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
    ],
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
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
    worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  const devtoolsPort = Number(
    readFileSync(path.join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0],
  );

  return {
    context,
    worker: worker as Worker,
    extensionId,
    server,
    requests,
    devtoolsPort,
    async close() {
      await context.close();
      await server.stop();
      rmSync(userDataDir, { recursive: true, force: true });
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

/** Waits until the content script has finished at least `passes` scan passes on the page. */
export async function waitForScan(page: Page, passes = 1, timeout = 15_000): Promise<ScanDetail[]> {
  await page.waitForFunction(
    (n) => performance.getEntriesByName('briefing-lens:scan').length >= n,
    passes,
    { timeout },
  );
  return scanMeasures(page);
}

export interface ScanDetail {
  mentions: number;
  entities: number;
  textNodes: number;
  chars: number;
  cpuMs: number;
  slices: number;
  longestSliceMs: number;
  duration: number;
}

export async function scanMeasures(page: Page): Promise<ScanDetail[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByName('briefing-lens:scan')
      .map((e) => ({ ...(e as PerformanceMeasure).detail, duration: e.duration })),
  );
}

export interface HighlightedRange {
  highlight: string;
  text: string;
}

/**
 * Runs in the page (either browser's driver): every range the page's
 * CSS.highlights holds, with its text.
 */
export function collectHighlights(): HighlightedRange[] {
  const out: Array<{ highlight: string; text: string }> = [];
  for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
    for (const r of highlight) {
      const range = document.createRange();
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({ highlight: name, text: range.toString() });
      } catch {
        out.push({ highlight: name, text: '(stale)' });
      }
    }
  }
  return out;
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

/** Waits until a card is open, placed, and shows a briefing (its role line). */
export async function waitForCard(page: Page, timeout = 5000): Promise<void> {
  await page.waitForFunction(
    () => {
      const host = document.querySelector('briefing-lens-card[data-placed]');
      return !!host?.shadowRoot?.querySelector('.role, .facts');
    },
    undefined,
    { timeout },
  );
  // Let the 120 ms entrance animation finish before anyone looks.
  await page.waitForTimeout(150);
}

/** The card's shadow root text, or null when no card is open. */
export async function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('briefing-lens-card');
    return host?.shadowRoot?.textContent ?? null;
  });
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
  const url = extensionUrl(harness, 'popup.html');
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
  throw new Error('The toolbar popup did not open');
}

/** A raw DevTools connection to one target. */
export class PopupTarget {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    (value: { result?: unknown; error?: { message: string } }) => void
  >();

  private constructor(private readonly socket: WebSocket) {
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
