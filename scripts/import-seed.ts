/**
 * Turns the seed article (../shared/seed/000_3ed15dba5e9935ca.txt) into
 * data/articles.json: one ArticleSource per section.
 *
 * The seed's shape (see ../shared/seed/README.md): line 1 the section tag,
 * line 2 the headline, line 3 the first section's title, lines 4–8 the five
 * bodies. Each body has the *next* title glued to its last sentence with no
 * space ("...Nobel Peace Prize.Xi Jinping's First Visit..."), and the last
 * body has the "#tag#tag" list glued to it. Bodies are kept verbatim: every
 * briefing line must be a slice of them.
 *
 * Usage: npx tsx scripts/import-seed.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleSource } from '../core/pack/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED_FILE = path.resolve(repoRoot, '../shared/seed/000_3ed15dba5e9935ca.txt');
const OUT_FILE = path.resolve(repoRoot, 'data/articles.json');

/** The day the piece was written for: just before the APEC summit of 31 October 2025. */
const SEED_DATE = '2025-10-28';
const SEED_LANGUAGE = 'en';
const SECTION_COUNT = 5;
/** Words that add nothing to an id ("What Changes Will the APEC Summit…" → "changes-apec-summit"). */
// prettier-ignore
const ID_STOPWORDS = new Set([
  'a', 'an', 'the', 'to', 'in', 'on', 'of', 'for', 'with', 'and', 'will', 'what', 'could',
  'this', 'it', 'its', 'is', 'be', 'bring', 'open',
]);
const ID_MAX_CHARS = 24;

/**
 * Where a body ends and the glued title begins: the first sentence-final mark
 * that follows a lowercase letter or digit and is directly followed by a
 * capital letter. Requiring a lowercase letter before the mark keeps "U.S."
 * and an ellipsis inside a title ("Summit...Will") from matching.
 */
const GLUED_TITLE = /[\p{Ll}\d][.!?](?=\p{Lu})/u;

export interface SeedSection {
  title: string;
  body: string;
}

export interface ParsedSeed {
  sectionTag: string;
  headline: string;
  sections: SeedSection[];
  tags: string[];
}

/** Splits the seed text into its headline, sections and tags. Pure: used by the tests too. */
export function parseSeed(raw: string): ParsedSeed {
  const lines = raw.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length !== 3 + SECTION_COUNT)
    throw new Error(`seed: expected ${3 + SECTION_COUNT} lines, found ${lines.length}`);
  const [tagLine, headline, firstTitle] = lines as [string, string, string];
  const bodies = lines.slice(3);

  const sections: SeedSection[] = [];
  let title = firstTitle;
  let tags: string[] = [];
  bodies.forEach((line, i) => {
    const last = i === bodies.length - 1;
    let body: string;
    let nextTitle = '';
    if (last) {
      const hash = line.indexOf('#');
      if (hash < 0) throw new Error('seed: the last section has no tag list');
      body = line.slice(0, hash);
      tags = line
        .slice(hash + 1)
        .split('#')
        .map((t) => t.trim())
        .filter((t) => t !== '');
    } else {
      const m = GLUED_TITLE.exec(line);
      if (!m) throw new Error(`seed: no glued title found in section ${i + 1}`);
      const cut = m.index + 2;
      body = line.slice(0, cut);
      nextTitle = line.slice(cut);
    }
    sections.push({ title: title.trim(), body: body.trim() });
    title = nextTitle;
  });
  return {
    sectionTag: tagLine.replace(/^#/, '').trim(),
    headline: headline.trim(),
    sections,
    tags,
  };
}

/**
 * A short kebab-case id from a title: its significant words, cut at a word
 * boundary. A hyphenated word ("High-Level") is kept whole or dropped whole.
 */
export function idFromTitle(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/\s+|\.{2,}/)
    .map((w) =>
      w
        .replace(/\./g, '')
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((w) => w !== '' && !ID_STOPWORDS.has(w));
  let id = '';
  for (const w of words) {
    const next = id ? `${id}-${w}` : w;
    if (next.length > ID_MAX_CHARS && id) break;
    id = next;
  }
  return id;
}

export function seedToArticles(parsed: ParsedSeed): ArticleSource[] {
  const seen = new Set<string>();
  return parsed.sections.map((s) => {
    let id = idFromTitle(s.title);
    for (let n = 2; seen.has(id); n++) id = `${idFromTitle(s.title)}-${n}`;
    seen.add(id);
    return {
      id,
      title: s.title,
      headline: parsed.headline,
      section: parsed.sectionTag,
      date: SEED_DATE,
      language: SEED_LANGUAGE,
      tags: parsed.tags,
      text: s.body,
    };
  });
}

function main(): void {
  const parsed = parseSeed(readFileSync(SEED_FILE, 'utf8'));
  const articles = seedToArticles(parsed);
  writeFileSync(OUT_FILE, JSON.stringify(articles, null, 2) + '\n');
  console.log(
    `wrote ${path.relative(repoRoot, OUT_FILE)}: ${articles.length} articles (${articles
      .map((a) => a.id)
      .join(', ')})`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
