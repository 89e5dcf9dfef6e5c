/**
 * Golden baselines of what the extension highlights on real saved pages
 * (after hypothesis/client's html-baselines): one committed JSON per page in
 * tests/baselines/saved-pages, entity → count and the texts it matched.
 * A test compares the live result with it and fails on any change; running
 * with `UPDATE_BASELINES=1` writes the live result instead, to be reviewed
 * in the diff like code.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASELINE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../baselines/saved-pages',
);
export const UPDATING = process.env.UPDATE_BASELINES === '1';

export interface PageBaseline {
  /** ranges drawn on the page */
  highlights: number;
  /** entity id → how many of its mentions are drawn, and the texts they cover */
  entities: Record<string, { count: number; texts: Record<string, number> }>;
}

/** The baseline of drawn mentions, with keys in a stable order. */
export function baselineOf(drawn: ReadonlyArray<{ entityId: string; text: string }>): PageBaseline {
  const entities: PageBaseline['entities'] = {};
  for (const { entityId, text } of [...drawn].sort(
    (a, b) => a.entityId.localeCompare(b.entityId) || a.text.localeCompare(b.text),
  )) {
    const e = (entities[entityId] ??= { count: 0, texts: {} });
    e.count++;
    e.texts[text] = (e.texts[text] ?? 0) + 1;
  }
  return { highlights: drawn.length, entities };
}

const fileOf = (name: string) => path.join(BASELINE_DIR, name.replace(/\.html$/, '') + '.json');

/**
 * Compares `actual` with the committed baseline of `name`: the differences,
 * one line each, or [] when they agree (or when updating, after writing it).
 */
export function compareWithBaseline(name: string, actual: PageBaseline): string[] {
  const file = fileOf(name);
  if (UPDATING) {
    mkdirSync(BASELINE_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
    return [];
  }
  if (!existsSync(file))
    return [`${name}: no baseline (run with UPDATE_BASELINES=1 and review the new file)`];
  const expected = JSON.parse(readFileSync(file, 'utf8')) as PageBaseline;
  const out: string[] = [];
  if (expected.highlights !== actual.highlights)
    out.push(`${name}: ${actual.highlights} highlights, baseline ${expected.highlights}`);
  const ids = new Set([...Object.keys(expected.entities), ...Object.keys(actual.entities)]);
  for (const id of [...ids].sort()) {
    const e = expected.entities[id];
    const a = actual.entities[id];
    if (JSON.stringify(e) !== JSON.stringify(a))
      out.push(
        `${name}: ${id} ${JSON.stringify(a ?? null)}, baseline ${JSON.stringify(e ?? null)}`,
      );
  }
  return out;
}
