/**
 * `npm run bench:pack-cost`: what an imported pack costs, in real Chromium,
 * by its size. For each size a fresh browser imports a generated pack through
 * the options page (timed until the page gives its answer), then loads a page
 * that names a bundled person and some of the pack's people, and reports:
 *  - the import's answer and time;
 *  - the page data every tab receives (JSON characters, from the background);
 *  - the content script's matcher setup (diagnostics' setupMs) and the time
 *    until its first scan pass is done;
 *  - the page's JS heap (CDP Performance.getMetrics, which counts the content
 *    script's world too) against the same page with the bundled pack only;
 *  - whether both a bundled name and the pack's names are highlighted.
 * Sizes: 2,000, 10,000 and 20,000 entities with a few aliases each, then
 * 20,000 entities with 31 aliases each (the case that used to switch the
 * extension off), and with --largest about the largest file an import takes.
 * Options: --sizes 2000,10000 --aliases 31 --largest. Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { PackSource } from '../core/pack/types';
import {
  diagnostics,
  launch,
  openExtensionPage,
  readHighlights,
  waitForScan,
  type Harness,
} from '../tests/support/harness';
import { generateSourcePack } from './generate-pack';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (arg('sizes') ?? '2000,10000,20000').split(',').map(Number);
const MANY_ALIASES = Number(arg('aliases') ?? 31);
const IMPORT_TIMEOUT_MS = 15 * 60_000;

interface Case {
  label: string;
  entities: number;
  /** aliases per entity beyond the generated ones, 0 for none */
  extraAliases: number;
}

function packFor(c: Case): PackSource {
  // Articles are not what a pack's cost to pages depends on: a few thousand at most.
  const source = generateSourcePack({ entities: c.entities, articles: Math.min(c.entities, 2000) });
  source.id = 'bench-pack';
  if (c.extraAliases)
    for (const e of source.entities) {
      const base = e.aliases.en?.[0] ?? e.name;
      const extra = Array.from({ length: c.extraAliases - 1 }, (_, k) => `${base} Variant${k + 1}`);
      e.aliases.en = [...(e.aliases.en ?? []), ...extra];
    }
  return source;
}

/** A page naming a bundled person and a handful of the pack's people. */
function pageFor(source: PackSource): string {
  const people = source.entities
    .filter((e) => e.kind === 'person')
    .slice(0, 5)
    .map((e) => e.aliases.en?.[0] ?? e.name);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cost</title></head><body><main>
<p>Wang Yi met ${people.join(', ')} in Gyeongju on Tuesday.</p></main></body></html>`;
}

async function importThroughOptions(harness: Harness, text: string) {
  const options = await openExtensionPage(harness, 'options.html');
  await options.locator('.packs li').first().waitFor();
  const started = performance.now();
  await options.locator('input[data-action=import-pack]').setInputFiles({
    name: 'bench-pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const settled = options.locator('.packs ~ .status:not(.progress)');
  await settled.waitFor({ timeout: IMPORT_TIMEOUT_MS });
  const answer = ((await settled.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const ms = performance.now() - started;
  await options.close();
  return { ms, answer, imported: /^Imported/.test(answer) };
}

async function pageDataChars(harness: Harness): Promise<number> {
  const page = await openExtensionPage(harness, 'options.html');
  const chars = await page.evaluate(async () => {
    const runtime = (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<{ value?: unknown }> } };
      }
    ).chrome.runtime;
    const reply = await runtime.sendMessage({
      channel: 'briefing-lens',
      type: 'getMatcherData',
      request: undefined,
    });
    return JSON.stringify(reply.value ?? null).length;
  });
  await page.close();
  return chars;
}

async function visit(harness: Harness, url: string, names: string[]) {
  const page: Page = await harness.context.newPage();
  const cdp = await harness.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const started = performance.now();
  await page.goto(url);
  await waitForScan(harness, page, 1, 120_000);
  const firstScanMs = performance.now() - started;
  const setupMs = (await diagnostics(harness, page))?.setupMs ?? NaN;
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  const texts = new Set((await readHighlights(page)).map((h) => h.text));
  const highlighted = names.filter((n) => texts.has(n));
  await cdp.detach();
  await page.close();
  return { firstScanMs, setupMs, heap, highlighted };
}

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function measure(c: Case) {
  const source = packFor(c);
  const text = JSON.stringify(source);
  const html = pageFor(source);
  const names = [
    'Wang Yi',
    ...source.entities
      .filter((e) => e.kind === 'person')
      .slice(0, 5)
      .map((e) => e.aliases.en![0]!),
  ];
  const harness = await launch();
  try {
    const url = harness.server.route('/cost.html', { body: html });
    const before = await visit(harness, url, names);
    const imported = await importThroughOptions(harness, text);
    const chars = await pageDataChars(harness);
    const after = await visit(harness, url, names);
    console.log(
      `${c.label.padEnd(28)} file ${mb(text.length)}  import ${s(imported.ms)}: ${imported.imported ? 'imported' : `refused: "${imported.answer.slice(0, 220)}"`}\n` +
        `${''.padEnd(28)} page data ${mb(chars)}  setup ${after.setupMs.toFixed(1)} ms (bundled only ${before.setupMs.toFixed(1)} ms)  ` +
        `first scan done ${after.firstScanMs.toFixed(0)} ms (${before.firstScanMs.toFixed(0)} ms)  ` +
        `page heap ${mb(after.heap)} (${mb(before.heap)}, +${mb(after.heap - before.heap)})  ` +
        `highlighted: bundled ${after.highlighted.includes('Wang Yi') ? 'yes' : 'NO'} (before ${before.highlighted.includes('Wang Yi') ? 'yes' : 'NO'}), pack ${after.highlighted.filter((n) => n !== 'Wang Yi').length}/${names.length - 1}`,
    );
  } finally {
    await harness.close();
  }
}

const cases: Case[] = [
  ...SIZES.map((n) => ({
    label: `${n.toLocaleString('en')} entities`,
    entities: n,
    extraAliases: 0,
  })),
  {
    label: `20,000 × ${MANY_ALIASES} aliases`,
    entities: 20_000,
    extraAliases: MANY_ALIASES,
  },
  // About the largest file the import takes (MAX_IMPORT_BYTES, 50 MB), with --largest.
  ...(args.includes('--largest')
    ? [{ label: '20,000 × 80 aliases (~45 MB)', entities: 20_000, extraAliases: 80 }]
    : []),
];
console.log(`bench:pack-cost — one fresh Chromium per case; page figures: bundled pack only in ()`);
for (const c of cases) await measure(c);
