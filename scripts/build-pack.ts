/**
 * `npm run pack`: data/pack.json + data/topics.json + data/entities.json +
 * data/articles.json → validated → compiled → assets/bundled-pack.json.
 *
 * The output's version is data/pack.json's version plus "+" and the first 8
 * hex digits of a sha256 of the sources, so any data change re-seeds the
 * bundled pack in installed extensions even when nobody bumps the version.
 *
 * Exits 1 after printing every problem (file, entry, field, message) when
 * the sources do not validate.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePack } from '../core/pack/compile';
import { formatProblem, validatePackSource, type Problem } from '../core/pack/validate';
import type { CompiledPack, PackSource } from '../core/pack/types';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SOURCE_FILES = {
  pack: 'data/pack.json',
  topics: 'data/topics.json',
  entities: 'data/entities.json',
  articles: 'data/articles.json',
} as const;
export const OUTPUT_FILE = 'assets/bundled-pack.json';
const HASH_CHARS = 8;

export type BuildResult =
  { ok: true; pack: CompiledPack; json: string } | { ok: false; problems: Problem[] };

function readJson(root: string, file: string, problems: Problem[]): unknown {
  let text: string;
  try {
    text = readFileSync(path.join(root, file), 'utf8');
  } catch (e) {
    problems.push({ file, message: `cannot be read: ${(e as Error).message}` });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    problems.push({ file, message: `is not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

/** Reads, validates and compiles the repo's sources. Pure apart from reading files: used by the tests too. */
export function buildBundledPack(root = repoRoot): BuildResult {
  const problems: Problem[] = [];
  const meta = readJson(root, SOURCE_FILES.pack, problems);
  const topics = readJson(root, SOURCE_FILES.topics, problems);
  const entities = readJson(root, SOURCE_FILES.entities, problems);
  const articles = readJson(root, SOURCE_FILES.articles, problems);
  if (problems.length > 0) return { ok: false, problems };
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta))
    return { ok: false, problems: [{ file: SOURCE_FILES.pack, message: 'must be a JSON object' }] };

  // The collection files may be a bare array or an object holding it ({ "entities": [...] }).
  const unwrap = (x: unknown, key: string) =>
    typeof x === 'object' && x !== null && !Array.isArray(x) && key in x
      ? (x as Record<string, unknown>)[key]
      : x;
  const input = {
    ...meta,
    topics: unwrap(topics, 'topics'),
    entities: unwrap(entities, 'entities'),
    articles: unwrap(articles, 'articles'),
  };
  const result = validatePackSource(input, SOURCE_FILES);
  if (!result.ok) return result;

  const source: PackSource = {
    ...result.pack,
    version: `${result.pack.version}+${sourceDigest(result.pack).slice(0, HASH_CHARS)}`,
  };
  const pack = compilePack(source);
  return { ok: true, pack, json: JSON.stringify(pack, null, 2) + '\n' };
}

/**
 * sha256 of the validated sources, as hex. The validated pack has the schema's
 * key order, so reordering keys in a file does not change it; any edit of a
 * value does.
 */
export function sourceDigest(source: PackSource): string {
  return createHash('sha256').update(JSON.stringify(source)).digest('hex');
}

function main(): void {
  const result = buildBundledPack();
  if (!result.ok) {
    console.error(`Cannot build the pack: ${result.problems.length} problem(s)`);
    for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
    process.exit(1);
  }
  writeFileSync(path.join(repoRoot, OUTPUT_FILE), result.json);
  const { pack } = result;
  const b = pack.briefings;
  const sentences = pack.articles.reduce((n, a) => n + a.sentences.length, 0);
  const facts = b.reduce((n, x) => n + x.facts.length, 0);
  const timeline = b.reduce((n, x) => n + x.timeline.length, 0);
  console.log(
    `${OUTPUT_FILE} ${pack.version}: ${pack.entities.length} entities, ${pack.articles.length} articles, ` +
      `${sentences} sentences, ${facts} facts, ${timeline} timeline entries`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
