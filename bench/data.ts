/**
 * Data-layer benchmark (`npm run bench:data`): generates a pack of 10,000
 * articles and 10,000 entities, then measures compilation, import into
 * IndexedDB (fake-indexeddb in Node, so slower than Chromium's), briefing and
 * search latency, and the stored size per store; then the same pack in real
 * Chromium through the options page (bench/data-chromium.ts).
 *
 * Run as `node --experimental-websocket --import tsx bench/data.ts` (the
 * Chromium part uses the e2e harness), after `npm run build`.
 * Options: --entities N --articles N --queries N --seed N
 *          --no-chromium (Node figures only) --extension DIR (another Chromium build)
 * Targets (issue, in Chromium): import of 10,000 articles < 30 s; briefing p95 < 20 ms.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { compilePack } from '../core/pack/compile';
import { importPack } from '../lib/db/import';
import { openBriefingDb } from '../lib/db/open';
import { getBriefing, searchEntities } from '../lib/db/queries';
import { jsonSize } from '../lib/db/records';
import type { BriefingDb } from '../lib/db/schema';
import { generateSourcePack, rng, sampleQueries } from './generate-pack';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
}

function stringArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function latencies(count: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run(i);
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

const ms = (x: number): string => `${x.toFixed(1)} ms`;
const s = (x: number): string => `${(x / 1000).toFixed(2)} s`;

async function storeSizes(db: BriefingDb): Promise<Array<[string, number, number]>> {
  const out: Array<[string, number, number]> = [];
  for (const name of db.objectStoreNames) {
    const records = await db.getAll(name);
    out.push([name, records.length, records.reduce((sum, r) => sum + jsonSize(r), 0)]);
  }
  return out;
}

async function main(): Promise<void> {
  const entities = arg('entities', 10_000);
  const articles = arg('articles', 10_000);
  const queries = arg('queries', 1_000);
  const seed = arg('seed', 1);

  let t = performance.now();
  const source = generateSourcePack({ entities, articles, seed });
  const text = JSON.stringify(source);
  console.log(
    `generate: ${entities} entities, ${articles} articles, ${(text.length / 1e6).toFixed(1)}M chars of JSON in ${ms(performance.now() - t)}`,
  );

  t = performance.now();
  const compiled = compilePack(source);
  const compileMs = performance.now() - t;
  const facts = compiled.briefings.reduce((n, b) => n + b.facts.length, 0);
  console.log(
    `compile (compilePack): ${s(compileMs)} — ${compiled.briefings.length} briefings, ${facts} facts`,
  );

  const db = await openBriefingDb({ factory: new IDBFactory() });
  // The first progress report (0 of total) comes when the write transaction starts.
  let writeStart = NaN;
  let records = 0;
  t = performance.now();
  // The pack compiled above is handed in, so compilation is not timed twice.
  const result = await importPack(
    db,
    text,
    'bench.json',
    (done, total) => {
      if (done === 0) writeStart = performance.now();
      records = total;
    },
    { compile: () => compiled },
  );
  const end = performance.now();
  const importMs = end - t;
  if (!result.ok) {
    console.log('import failed:', result.problems.slice(0, 5));
    process.exitCode = 1;
    return;
  }
  console.log(
    `import (parse + validate + write, fake-indexeddb): ${s(importMs)}, of which the write transaction (${records} records) ${s(end - writeStart)}; with compilation: ${s(importMs + compileMs)}`,
  );

  const random = rng(seed + 7);
  const ids = source.entities.map((e) => e.id);
  const briefing = await latencies(queries, () =>
    getBriefing(db, ids[Math.floor(random() * ids.length)] as string),
  );
  console.log(
    `getBriefing × ${queries} (random entities): median ${ms(quantile(briefing, 0.5))}, p95 ${ms(quantile(briefing, 0.95))}, max ${ms(quantile(briefing, 1))}`,
  );

  const terms = sampleQueries(source, queries, seed + 11);
  const search = await latencies(queries, (i) => searchEntities(db, terms[i] as string));
  console.log(
    `searchEntities × ${queries} (1–4 char prefixes, all scripts): median ${ms(quantile(search, 0.5))}, p95 ${ms(quantile(search, 0.95))}, max ${ms(quantile(search, 1))}`,
  );

  const sizes = await storeSizes(db);
  const total = sizes.reduce((sum, [, , bytes]) => sum + bytes, 0);
  console.log(
    `stored size (UTF-8 JSON of records): ${(total / 1e6).toFixed(1)} MB — ${sizes
      .map(([name, n, bytes]) => `${name} ${(bytes / 1e6).toFixed(2)} MB (${n})`)
      .join(', ')}`,
  );
  db.close();

  if (process.argv.includes('--no-chromium')) return;
  // Imported only when wanted: the Node figures need no browser.
  const { runChromiumBench } = await import('./data-chromium');
  await runChromiumBench({ source, text, queries, seed, extensionDir: stringArg('extension') });
}

await main();
