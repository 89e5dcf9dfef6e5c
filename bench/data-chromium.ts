/**
 * The Chromium part of `npm run bench:data`: the issue's targets are stated
 * for the real browser, where the background's IndexedDB is not
 * fake-indexeddb. Drives the built extension (tests/e2e/harness.ts) as a
 * user would:
 *  - chooses the generated pack in the options page's file input and times
 *    it until the page says it was imported, logging every status text shown
 *    meanwhile (to prove progress was shown, and when);
 *  - then, from the options page, asks the background for 1,000 briefings and
 *    1,000 searches over runtime messages, timing each round trip in the page.
 *
 * Needs a build in .output/chrome-mv3 (built here when missing) and, because
 * the harness may open DevTools sockets, Node's --experimental-websocket.
 * Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { PackSource } from '../core/pack/types';
import { EXTENSION_DIR, REPO_ROOT, launch, openExtensionPage } from '../tests/support/harness';
import { rng, sampleQueries } from './generate-pack';

export interface ChromiumBenchOptions {
  source: PackSource;
  /** the source pack as JSON: what the user picks in the file input */
  text: string;
  queries: number;
  seed: number;
  /** a built Chromium extension; defaults to the harness's .output/chrome-mv3 */
  extensionDir?: string;
}

/** The import must finish within this, or the run reports a timeout (the target is 30 s). */
const IMPORT_TIMEOUT_MS = 120_000;

/** One status line as the options page showed it, stamped with the page's clock. */
interface StatusSample {
  at: number;
  kind: string;
  text: string;
}

/** The page's view of `chrome.runtime`: the options page is an extension page, so it has it. */
type RuntimeGlobal = {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
};
/** What the bench leaves on the page's window between evaluate calls. */
type BenchGlobal = { __benchStatus: StatusSample[]; __benchChosenAt: number };

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const sec = (x: number): string => `${(x / 1000).toFixed(2)} s`;

/** Newest modification time under `dir`, to warn when the build is older than its sources. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(tsx?|css|json)$/.test(entry.name))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuild(extensionDir: string): void {
  const manifest = path.join(extensionDir, 'manifest.json');
  if (!existsSync(manifest)) {
    if (extensionDir !== EXTENSION_DIR) throw new Error(`No built extension at ${extensionDir}`);
    console.log('chromium: no build in .output/chrome-mv3, running `npx wxt build`…');
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`wxt build failed:\n${build.stdout}${build.stderr}`);
    return;
  }
  // A stale build measures old code (the compiler runs in the background): say so.
  const sources = Math.max(
    ...['core', 'lib', 'entrypoints', 'assets'].map((d) => newestMtime(path.join(REPO_ROOT, d))),
  );
  if (sources > statSync(manifest).mtimeMs)
    console.log(
      `chromium: warning: ${path.relative(REPO_ROOT, extensionDir)} is older than the sources; \`npm run build\` first to measure the current code`,
    );
}

/**
 * Round trips to the background from the page, timed there with
 * performance.now() around each await; `requests` are sent one after another.
 * Returns the sorted times and how many answers were not `{ ok: true }`.
 */
async function timeRequests(
  page: Page,
  type: string,
  requests: unknown[],
): Promise<{ sorted: number[]; failed: number; empty: number }> {
  const { times, failed, empty } = await page.evaluate(
    async ({ type, requests }) => {
      const { runtime } = (globalThis as unknown as RuntimeGlobal).chrome;
      const times: number[] = [];
      let failed = 0;
      let empty = 0;
      for (const request of requests) {
        const start = performance.now();
        const reply = (await runtime.sendMessage({ channel: 'briefing-lens', type, request })) as {
          ok?: boolean;
          value?: unknown;
        };
        times.push(performance.now() - start);
        if (!reply?.ok) failed++;
        else if (reply.value === null || (Array.isArray(reply.value) && reply.value.length === 0))
          empty++;
      }
      return { times, failed, empty };
    },
    { type, requests },
  );
  return { sorted: times.sort((a, b) => a - b), failed, empty };
}

function latencyLine(label: string, result: Awaited<ReturnType<typeof timeRequests>>): string {
  const { sorted, failed, empty } = result;
  const notes = [failed && `${failed} failed`, empty && `${empty} empty`].filter(Boolean);
  return `${label}: median ${ms(quantile(sorted, 0.5))}, p95 ${ms(quantile(sorted, 0.95))}, max ${ms(quantile(sorted, 1))}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

export async function runChromiumBench(options: ChromiumBenchOptions): Promise<void> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  ensureBuild(extensionDir);
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-lens-bench-'));
  const file = path.join(dir, 'bench-pack.json');
  writeFileSync(file, options.text);
  const harness = await launch({ extensionDir });
  try {
    const page = await openExtensionPage(harness, 'options.html');
    const input = page.locator('input[data-action=import-pack]');
    await input.waitFor({ state: 'attached' });
    // The background seeds the bundled pack on install; answering listPacks
    // waits for that, so the seed's writes are not timed as part of the import.
    await page.evaluate(() =>
      (globalThis as unknown as RuntimeGlobal).chrome.runtime.sendMessage({
        channel: 'briefing-lens',
        type: 'listPacks',
      }),
    );

    // Every status text the page shows, as it changes: sampling from Node
    // could miss short-lived states, an observer in the page cannot.
    await page.evaluate(() => {
      const g = globalThis as unknown as BenchGlobal;
      g.__benchStatus = [];
      g.__benchChosenAt = NaN;
      document
        .querySelector('input[data-action=import-pack]')!
        .addEventListener('change', () => (g.__benchChosenAt = performance.now()), {
          capture: true,
        });
      // Inline callbacks only: tsx wraps named local functions in a helper the page lacks.
      new MutationObserver(() => {
        const el = document.querySelector('.status');
        const last = g.__benchStatus[g.__benchStatus.length - 1];
        const text = el?.querySelector('p')?.textContent ?? '';
        const kind = [...(el?.classList ?? [])].filter((c) => c !== 'status').join(' ');
        if (el && (last?.text !== text || last?.kind !== kind))
          g.__benchStatus.push({ at: performance.now(), kind, text });
      }).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });

    const wallStart = performance.now();
    await input.setInputFiles(file);
    const done = page.locator('.status.ok, .status.error');
    try {
      await done.waitFor({ timeout: IMPORT_TIMEOUT_MS });
    } catch {
      console.log(`chromium import: no result after ${sec(IMPORT_TIMEOUT_MS)}`);
      process.exitCode = 1;
      return;
    }
    const wallMs = performance.now() - wallStart;
    const { log, chosenAt } = await page.evaluate(() => {
      const g = globalThis as unknown as BenchGlobal;
      return { log: g.__benchStatus, chosenAt: g.__benchChosenAt };
    });
    const final = log.find((x) => x.kind === 'ok' || x.kind === 'error');
    if (!final || final.kind !== 'ok') {
      console.log(`chromium import failed: ${(await done.innerText()).slice(0, 500)}`);
      process.exitCode = 1;
      return;
    }
    const progress = log.filter((x) => x.kind === 'progress');
    const after = (x: StatusSample) => sec(x.at - chosenAt);
    const firstWrite = progress.find((x) => !/\b0%/.test(x.text));
    const shown = progress.length
      ? `progress shown ${progress.length} times: "${progress[0]!.text}" after ${after(progress[0]!)}` +
        (firstWrite ? `, first write progress "${firstWrite.text}" at ${after(firstWrite)}` : '') +
        `, last "${progress[progress.length - 1]!.text}" at ${after(progress[progress.length - 1]!)}`
      : 'NO progress shown';
    console.log(
      `chromium import (options page file input, ${options.source.articles.length} articles, ${(options.text.length / 1e6).toFixed(1)}M chars): ${sec(final.at - chosenAt)} until "${final.text}" (target < 30 s; ${sec(wallMs)} as seen from Node); ${shown}`,
    );

    const random = rng(options.seed + 7);
    const ids = options.source.entities.map((e) => e.id);
    const briefingRequests = Array.from({ length: options.queries }, () => ({
      entityId: ids[Math.floor(random() * ids.length)],
    }));
    console.log(
      latencyLine(
        `chromium getBriefing × ${options.queries} (runtime.sendMessage from the options page, random entities; target p95 < 20 ms)`,
        await timeRequests(page, 'getBriefing', briefingRequests),
      ),
    );

    const terms = sampleQueries(options.source, options.queries, options.seed + 11);
    console.log(
      latencyLine(
        `chromium searchEntities × ${options.queries} (runtime.sendMessage, limit 20, 1–4 char prefixes)`,
        await timeRequests(
          page,
          'searchEntities',
          terms.map((query) => ({ query, limit: 20 })),
        ),
      ),
    );
  } finally {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
