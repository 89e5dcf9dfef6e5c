/**
 * `npx tsx bench/recognition-eval.ts [--in-process | --cli-root DIR]`: precision and recall of
 * the people the extension highlights, against the hand-annotated excerpts of
 * tests/fixtures/recognition-eval (see its README.md).
 *
 * By default it measures exactly what the acceptance check measures: it
 * spawns `npx tsx scripts/mentions.ts --json` on every excerpt file and reads
 * one JSON array per file. `--in-process` compiles the matcher here instead
 * (the unit test does that; both must agree, the CLI being a thin wrapper).
 * `--cli-root DIR` runs the CLI of another checkout (an older commit, say)
 * against this corpus, for before/after figures.
 *
 * Scoring: only the six people in PEOPLE count, both in the gold and in the
 * output (places, topics and other entities are ignored). A mention is right
 * when entity, start and end are all equal to a gold span; anything else is a
 * false positive, and every unmatched gold span a false negative. Figures per
 * language (the excerpt's directory: en, ko, ja, zh) and overall, then every
 * error with its context.
 *
 * Exit status: 0 when the thresholds hold (precision ≥ 0.98 and recall ≥ 0.95
 * overall, ≥ 0.95 and ≥ 0.90 per language), 1 when they do not, 2 on an
 * unreadable corpus or a CLI failure.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EntitySource } from '../core/pack/types';
import { compileMatcher, createDocumentState } from '../core/recognition';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');
export const EVAL_DIR = path.join(repoRoot, 'tests/fixtures/recognition-eval');

export const PEOPLE = [
  'wang-yi',
  'toshimitsu-motegi',
  'xi-jinping',
  'lee-jae-myung',
  'sanae-takaichi',
  'donald-trump',
] as const;
const PEOPLE_SET: ReadonlySet<string> = new Set(PEOPLE);

export const THRESHOLDS = {
  overall: { precision: 0.98, recall: 0.95 },
  language: { precision: 0.95, recall: 0.9 },
};

export interface Span {
  entity: string;
  start: number;
  end: number;
  /** the annotated text (gold) or the matched text (output) */
  text?: string;
}

export interface Excerpt {
  /** path relative to EVAL_DIR, e.g. "ko/ko-01-yonhap-apec.txt" */
  file: string;
  lang: string;
  text: string;
  gold: Span[];
}

/** The excerpts and their gold spans; throws when a gold span does not fit its text. */
export function loadCorpus(dir = EVAL_DIR): Excerpt[] {
  const gold = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as Record<
    string,
    Span[]
  >;
  return Object.entries(gold).map(([file, spans]) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const s of spans) {
      if (!PEOPLE_SET.has(s.entity)) throw new Error(`${file}: unknown person ${s.entity}`);
      const actual = text.slice(s.start, s.end);
      if (s.text !== undefined && actual !== s.text)
        throw new Error(`${file}: gold ${s.start}-${s.end} is "${actual}", not "${s.text}"`);
    }
    return { file, lang: file.split('/')[0]!, text, gold: spans };
  });
}

/** The mentions of each excerpt, from the CLI exactly as `npm run -s mentions -- --json` runs it. */
export function mentionsByCli(
  corpus: readonly Excerpt[],
  dir = EVAL_DIR,
  cliRoot = repoRoot,
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

/** The same, with the matcher compiled in this process (what the CLI does inside). */
export function mentionsInProcess(corpus: readonly Excerpt[]): Span[][] {
  const entities = JSON.parse(
    readFileSync(path.join(repoRoot, 'data/entities.json'), 'utf8'),
  ) as EntitySource[];
  const matcher = compileMatcher(entities);
  return corpus.map((e) =>
    matcher.find(e.text, createDocumentState()).map((m) => ({
      entity: m.entityId,
      start: m.start,
      end: m.end,
      text: m.text,
    })),
  );
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
  overall: Counts;
  byLanguage: Record<string, Counts>;
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

/** Exact-span comparison of `output[i]` with `corpus[i].gold`, restricted to PEOPLE. */
export function score(corpus: readonly Excerpt[], output: readonly Span[][]): Score {
  const tally = new Map<string, { tp: number; fp: number; fn: number }>();
  const errors: ErrorCase[] = [];
  corpus.forEach((e, i) => {
    const t = tally.get(e.lang) ?? { tp: 0, fp: 0, fn: 0 };
    tally.set(e.lang, t);
    const key = (s: Span) => `${s.entity}@${s.start}-${s.end}`;
    const gold = new Map(e.gold.map((s) => [key(s), s]));
    const seen = new Set<string>();
    for (const m of output[i] ?? []) {
      if (!PEOPLE_SET.has(m.entity)) continue;
      const k = key(m);
      if (gold.has(k) && !seen.has(k)) {
        t.tp++;
        seen.add(k);
      } else {
        t.fp++;
        errors.push({ kind: 'FP', file: e.file, span: m, context: context(e.text, m) });
      }
    }
    for (const [k, s] of gold)
      if (!seen.has(k)) {
        t.fn++;
        errors.push({ kind: 'FN', file: e.file, span: s, context: context(e.text, s) });
      }
  });
  const byLanguage: Record<string, Counts> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [lang, t] of [...tally].sort(([a], [b]) => a.localeCompare(b))) {
    byLanguage[lang] = counts(t.tp, t.fp, t.fn);
    tp += t.tp;
    fp += t.fp;
    fn += t.fn;
  }
  return { overall: counts(tp, fp, fn), byLanguage, errors };
}

/** Do the figures meet THRESHOLDS? The failing figures, or [] when they do. */
export function shortfalls(s: Score): string[] {
  const out: string[] = [];
  const check = (label: string, c: Counts, min: { precision: number; recall: number }) => {
    if (c.precision < min.precision)
      out.push(`${label} precision ${c.precision.toFixed(3)} < ${min.precision}`);
    if (c.recall < min.recall) out.push(`${label} recall ${c.recall.toFixed(3)} < ${min.recall}`);
  };
  check('overall', s.overall, THRESHOLDS.overall);
  for (const [lang, c] of Object.entries(s.byLanguage)) check(lang, c, THRESHOLDS.language);
  return out;
}

export function formatScore(s: Score, corpus: readonly Excerpt[]): string {
  const files = new Map<string, number>();
  for (const e of corpus) files.set(e.lang, (files.get(e.lang) ?? 0) + 1);
  const row = (label: string, n: number, c: Counts) =>
    `${label.padEnd(8)}${String(n).padStart(6)}${String(c.tp + c.fn).padStart(6)}` +
    `${String(c.tp).padStart(5)}${String(c.fp).padStart(5)}${String(c.fn).padStart(5)}` +
    `${c.precision.toFixed(3).padStart(10)}${c.recall.toFixed(3).padStart(8)}${c.f1.toFixed(3).padStart(8)}`;
  const lines = [
    'language files  gold   tp   fp   fn precision  recall      F1',
    ...Object.entries(s.byLanguage).map(([l, c]) => row(l, files.get(l) ?? 0, c)),
    row('overall', corpus.length, s.overall),
  ];
  if (s.errors.length > 0) {
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

function main(argv: readonly string[]): number {
  const inProcess = argv.includes('--in-process');
  const at = argv.indexOf('--cli-root');
  const cliRoot = at >= 0 ? path.resolve(argv[at + 1] ?? '.') : repoRoot;
  let corpus: Excerpt[];
  let output: Span[][];
  try {
    corpus = loadCorpus();
    output = inProcess ? mentionsInProcess(corpus) : mentionsByCli(corpus, EVAL_DIR, cliRoot);
  } catch (e) {
    process.stderr.write(`recognition-eval: ${(e as Error).message}\n`);
    return 2;
  }
  const s = score(corpus, output);
  process.stdout.write(
    `${inProcess ? 'in process' : `via npx tsx scripts/mentions.ts --json in ${path.relative(repoRoot, cliRoot) || '.'}`}: ` +
      `${corpus.length} excerpts, people: ${PEOPLE.join(', ')}\n\n` +
      formatScore(s, corpus) +
      '\n',
  );
  return shortfalls(s).length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = main(process.argv.slice(2));
