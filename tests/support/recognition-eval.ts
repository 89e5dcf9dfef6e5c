/**
 * The recognition evaluation: loads tests/fixtures/recognition-eval (see its
 * README.md), runs the mentions CLI over it as the held-out acceptance check
 * does, and scores the output against the gold spans, per language and per
 * group (people; everything else). Used by `npm run eval:recognition`
 * (bench/recognition-eval.ts) and the unit test that asserts the thresholds.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntitySource } from '../../core/pack/types';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EVAL_DIR = path.join(REPO_ROOT, 'tests/fixtures/recognition-eval');
export const LANGUAGES = ['en', 'ko', 'ja', 'zh'] as const;

/** The six people the seed article is about. */
export const PEOPLE = [
  'wang-yi',
  'toshimitsu-motegi',
  'xi-jinping',
  'lee-jae-myung',
  'sanae-takaichi',
  'donald-trump',
] as const;

export const GROUPS = ['people', 'other'] as const;
export type Group = (typeof GROUPS)[number];

export const DOMAINS = [
  'diplomacy',
  'sports',
  'religion',
  'games',
  'science',
  'entertainment',
  'business',
  'geography',
  'history',
  'culture',
  'furniture',
] as const;

/** Minimum precision and recall, for each group in each language. */
export const THRESHOLDS: Record<Group, { precision: number; recall: number }> = {
  people: { precision: 0.99, recall: 0.98 },
  other: { precision: 0.99, recall: 0.98 },
};

export interface Span {
  entity: string;
  start: number;
  end: number;
  /** the annotated text (gold) or the matched text (output) */
  text?: string;
}

export interface Source {
  origin: 'real' | 'written';
  url?: string;
  domain: (typeof DOMAINS)[number];
  note?: string;
}

export interface Excerpt {
  /** path relative to EVAL_DIR, e.g. "ko/ko-01-yonhap-apec.txt" */
  file: string;
  lang: string;
  text: string;
  gold: Span[];
  source: Source;
}

export function loadEntities(root = REPO_ROOT): EntitySource[] {
  return JSON.parse(readFileSync(path.join(root, 'data/entities.json'), 'utf8')) as EntitySource[];
}

const groupOf = (entity: string): Group =>
  (PEOPLE as readonly string[]).includes(entity) ? 'people' : 'other';

/**
 * The excerpts with their gold spans and sources. Throws, naming the file,
 * when the set is inconsistent: a gold span that does not fit its text, spans
 * out of order or overlapping, an unknown entity, an excerpt without gold or
 * source, or a gold entry without an excerpt.
 */
export function loadCorpus(dir = EVAL_DIR, entityIds = loadEntities().map((e) => e.id)): Excerpt[] {
  const known = new Set(entityIds);
  const out: Excerpt[] = [];
  for (const lang of LANGUAGES) {
    const at = path.join(dir, lang);
    const gold = JSON.parse(readFileSync(path.join(at, 'gold.json'), 'utf8')) as Record<
      string,
      Span[]
    >;
    const sources = JSON.parse(readFileSync(path.join(at, 'sources.json'), 'utf8')) as Record<
      string,
      Source
    >;
    const files = readdirSync(at)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    for (const f of Object.keys(gold))
      if (!files.includes(f)) throw new Error(`${lang}/gold.json: no excerpt ${f}`);
    for (const f of Object.keys(sources))
      if (!files.includes(f)) throw new Error(`${lang}/sources.json: no excerpt ${f}`);
    for (const f of files) {
      const file = `${lang}/${f}`;
      const spans = gold[f];
      const source = sources[f];
      if (!spans) throw new Error(`${file}: no entry in ${lang}/gold.json`);
      if (!source) throw new Error(`${file}: no entry in ${lang}/sources.json`);
      if (!DOMAINS.includes(source.domain))
        throw new Error(`${file}: unknown domain ${source.domain}`);
      if (source.origin !== 'real' && source.origin !== 'written')
        throw new Error(`${file}: origin must be "real" or "written"`);
      if (source.origin === 'real' && !source.url)
        throw new Error(`${file}: a real excerpt needs its url`);
      const text = readFileSync(path.join(at, f), 'utf8');
      let end = 0;
      for (const s of spans) {
        if (!known.has(s.entity)) throw new Error(`${file}: unknown entity ${s.entity}`);
        const actual = text.slice(s.start, s.end);
        if (s.text !== undefined && actual !== s.text)
          throw new Error(`${file}: gold ${s.start}-${s.end} is "${actual}", not "${s.text}"`);
        if (s.end <= s.start) throw new Error(`${file}: empty span at ${s.start}`);
        if (s.start < end)
          throw new Error(`${file}: span at ${s.start} overlaps or is out of order`);
        end = s.end;
      }
      out.push({ file, lang, text, gold: spans, source });
    }
  }
  return out;
}

/** The mentions of each excerpt, from the CLI exactly as `npm run -s mentions -- --json` runs it. */
export function mentionsByCli(
  corpus: readonly Excerpt[],
  dir = EVAL_DIR,
  cliRoot = REPO_ROOT,
): Span[][] {
  const files = corpus.map((e) => path.join(dir, e.file));
  const r = spawnSync('npx', ['tsx', 'scripts/mentions.ts', '--json', ...files], {
    cwd: cliRoot,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`mentions CLI failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  if (lines.length !== files.length)
    throw new Error(`mentions CLI printed ${lines.length} lines for ${files.length} files`);
  return lines.map((l) => JSON.parse(l) as Span[]);
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ErrorCase {
  kind: 'FP' | 'FN';
  file: string;
  span: Span;
  context: string;
}

export interface Score {
  /** language → group → counts */
  byLanguage: Record<string, Record<Group, Counts>>;
  overall: Record<Group, Counts>;
  errors: ErrorCase[];
}

function counts(tp: number, fp: number, fn: number): Counts {
  // No prediction is no false positive: precision 1; nothing to find: recall 1.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** The span with 30 characters either side, the span in [brackets], on one line. */
export function context(text: string, s: Span, width = 30): string {
  const a = Math.max(0, s.start - width);
  const b = Math.min(text.length, s.end + width);
  const show = (t: string) => t.replace(/\s+/g, ' ');
  return (
    (a > 0 ? '…' : '') +
    show(text.slice(a, s.start)) +
    '[' +
    text.slice(s.start, s.end) +
    ']' +
    show(text.slice(s.end, b)) +
    (b < text.length ? '…' : '')
  );
}

type Tally = { tp: number; fp: number; fn: number };
const emptyTally = (): Record<Group, Tally> => ({
  people: { tp: 0, fp: 0, fn: 0 },
  other: { tp: 0, fp: 0, fn: 0 },
});

/** Exact-span comparison of `output[i]` with `corpus[i].gold`: entity, start and end all equal. */
export function score(corpus: readonly Excerpt[], output: readonly Span[][]): Score {
  const tally = new Map<string, Record<Group, Tally>>();
  const errors: ErrorCase[] = [];
  corpus.forEach((e, i) => {
    let t = tally.get(e.lang);
    if (!t) tally.set(e.lang, (t = emptyTally()));
    const key = (s: Span) => `${s.entity}@${s.start}-${s.end}`;
    const gold = new Map(e.gold.map((s) => [key(s), s]));
    const seen = new Set<string>();
    for (const m of output[i] ?? []) {
      const k = key(m);
      const g = t[groupOf(m.entity)];
      if (gold.has(k) && !seen.has(k)) {
        g.tp++;
        seen.add(k);
      } else {
        g.fp++;
        errors.push({ kind: 'FP', file: e.file, span: m, context: context(e.text, m) });
      }
    }
    for (const [k, s] of gold)
      if (!seen.has(k)) {
        t[groupOf(s.entity)].fn++;
        errors.push({ kind: 'FN', file: e.file, span: s, context: context(e.text, s) });
      }
  });
  const byLanguage: Score['byLanguage'] = {};
  const total = emptyTally();
  for (const lang of LANGUAGES) {
    const t = tally.get(lang) ?? emptyTally();
    byLanguage[lang] = {} as Record<Group, Counts>;
    for (const g of GROUPS) {
      byLanguage[lang][g] = counts(t[g].tp, t[g].fp, t[g].fn);
      total[g].tp += t[g].tp;
      total[g].fp += t[g].fp;
      total[g].fn += t[g].fn;
    }
  }
  const overall = {} as Record<Group, Counts>;
  for (const g of GROUPS) overall[g] = counts(total[g].tp, total[g].fp, total[g].fn);
  return { byLanguage, overall, errors };
}

/** The figures below THRESHOLDS (each group in each language), or [] when all hold. */
export function shortfalls(s: Score, thresholds = THRESHOLDS): string[] {
  const out: string[] = [];
  for (const [lang, groups] of Object.entries(s.byLanguage))
    for (const g of GROUPS) {
      const c = groups[g];
      const min = thresholds[g];
      if (c.precision < min.precision)
        out.push(`${lang} ${g} precision ${c.precision.toFixed(3)} < ${min.precision}`);
      if (c.recall < min.recall)
        out.push(`${lang} ${g} recall ${c.recall.toFixed(3)} < ${min.recall}`);
    }
  return out;
}

export function formatScore(s: Score, corpus: readonly Excerpt[], withErrors = true): string {
  const files = new Map<string, number>();
  for (const e of corpus) files.set(e.lang, (files.get(e.lang) ?? 0) + 1);
  const row = (label: string, group: string, n: number, c: Counts) =>
    `${label.padEnd(8)}${group.padEnd(8)}${String(n).padStart(6)}${String(c.tp + c.fn).padStart(6)}` +
    `${String(c.tp).padStart(6)}${String(c.fp).padStart(5)}${String(c.fn).padStart(5)}` +
    `${c.precision.toFixed(3).padStart(10)}${c.recall.toFixed(3).padStart(8)}${c.f1.toFixed(3).padStart(8)}`;
  const lines = ['language group    files  gold    tp   fp   fn precision  recall      F1'];
  for (const [lang, groups] of Object.entries(s.byLanguage))
    for (const g of GROUPS) lines.push(row(lang, g, files.get(lang) ?? 0, groups[g]));
  for (const g of GROUPS) lines.push(row('overall', g, corpus.length, s.overall[g]));
  if (withErrors && s.errors.length > 0) {
    lines.push('', 'errors:');
    for (const e of s.errors)
      lines.push(
        `${e.kind} ${e.file} ${e.span.start}-${e.span.end} ${e.span.entity} ${JSON.stringify(
          e.span.text ?? '',
        )}  ${e.context}`,
      );
  }
  const short = shortfalls(s);
  lines.push(
    '',
    short.length === 0 ? 'thresholds: met' : `thresholds: NOT met (${short.join('; ')})`,
  );
  return lines.join('\n');
}

/** How the set is made up: excerpts per language, origin and domain. */
export function formatComposition(corpus: readonly Excerpt[]): string {
  const lines = ['language excerpts  real written  other-referent  furniture'];
  for (const lang of LANGUAGES) {
    const es = corpus.filter((e) => e.lang === lang);
    const real = es.filter((e) => e.source.origin === 'real').length;
    const other = es.filter(
      (e) => e.source.domain !== 'diplomacy' && e.source.domain !== 'furniture',
    ).length;
    const furniture = es.filter((e) => e.source.domain === 'furniture').length;
    lines.push(
      `${lang.padEnd(9)}${String(es.length).padStart(8)}${String(real).padStart(6)}` +
        `${String(es.length - real).padStart(8)}${String(other).padStart(16)}${String(furniture).padStart(11)}`,
    );
  }
  return lines.join('\n');
}
