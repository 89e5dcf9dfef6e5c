/**
 * Validation of a source pack: the repo's data files (data/*.json) before they
 * are compiled, and a file a user imports. It reports every problem at once,
 * each naming the file, the entry ("entities[3] (wang-yi)"), the field and what
 * is wrong in plain English, so an author can fix a pack in one pass.
 *
 * Strings containing HTML or script are accepted and stay plain strings: the
 * UI renders pack text as text, never as markup (see schema.ts).
 */
import * as v from 'valibot';
import { jsonErrorOffset } from './json-position';
import { describe, LIMITS, PackSourceSchema } from './schema';
import { LANGUAGES, type Language, type PackSource } from './types';
import { aliasProblem, contextFormProblem } from './alias-checks';

export interface Problem {
  file?: string;
  /** e.g. "entities[3] (wang-yi)" */
  entry?: string;
  /** e.g. "aliases.en[2]" */
  field?: string;
  message: string;
}

export type ValidationResult = { ok: true; pack: PackSource } | { ok: false; problems: Problem[] };

/**
 * Which file each part of the pack came from, for messages. `pack` names the
 * file of the top-level fields and is the default for the collections (an
 * imported pack is one file).
 */
export interface SourceFiles {
  pack?: string;
  topics?: string;
  entities?: string;
  articles?: string;
}

const COLLECTIONS = ['topics', 'entities', 'articles'] as const;
type Collection = (typeof COLLECTIONS)[number];

export function validatePackSource(input: unknown, files: SourceFiles = {}): ValidationResult {
  if (!isRecord(input))
    return fail(files.pack, `a pack must be a JSON object; got ${describe(input)}`);
  const problems: Problem[] = [];
  const fileOf = (key: unknown): string | undefined =>
    (typeof key === 'string' && COLLECTIONS.includes(key as Collection)
      ? files[key as Collection]
      : undefined) ?? files.pack;

  // Counts first: a pack over them is refused before any per-entry work.
  const tooMany = COLLECTIONS.flatMap((coll): Problem[] => {
    const list = input[coll];
    return Array.isArray(list) && list.length > LIMITS[coll]
      ? [
          {
            file: fileOf(coll),
            field: coll,
            message: `has ${list.length} ${coll}, at most ${LIMITS[coll]}: refused before reading them`,
          },
        ]
      : [];
  });
  if (tooMany.length) return { ok: false, problems: tooMany };

  const parsed = v.safeParse(PackSourceSchema, input);
  if (!parsed.success) {
    for (const issue of parsed.issues) problems.push(issueToProblem(issue, input, fileOf));
  }
  if (isRecord(input))
    problems.push(...crossChecks(input, fileOf), ...prototypeKeys(input, fileOf));

  if (problems.length > 0 || !parsed.success)
    return { ok: false, problems: sortProblems(problems) };
  return { ok: true, pack: parsed.output satisfies PackSource };
}

/** Parses a pack file's text, then validates it; malformed JSON is one problem with its position. */
export function parsePackJson(text: string, fileName: string): ValidationResult {
  if (text.length > LIMITS.packChars)
    return fail(
      fileName,
      `the file is too large: ${text.length} characters, at most ${LIMITS.packChars}`,
    );
  let data: unknown;
  try {
    // A UTF-8 byte order mark is common in files saved by Windows editors.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(fileName, `is not valid JSON: ${jsonErrorMessage(e, text)}`);
  }
  return validatePackSource(data, { pack: fileName });
}

function fail(file: string | undefined, message: string): ValidationResult {
  return { ok: false, problems: [file === undefined ? { message } : { file, message }] };
}

/**
 * The engine's message with the line and column editors show. Node 20's
 * messages quote the text instead of giving a position for some errors, so the
 * position comes from our own scan when the message has none.
 */
function jsonErrorMessage(e: unknown, text: string): string {
  const raw = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
  const fromMessage = /at position (\d+)/.exec(raw)?.[1];
  const pos = fromMessage !== undefined ? Number(fromMessage) : jsonErrorOffset(text);
  if (pos === undefined) return raw;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const detail = /at position/.test(raw) ? raw : `${raw.replace(/, ".*" is not valid JSON$/, '')}`;
  return `${detail} at line ${line}, column ${column}`;
}

type Issue = v.InferIssue<typeof PackSourceSchema>;

/**
 * A problem at the path `keys` of the pack: its file, its entry
 * ("entities[3] (wang-yi)") when the path goes through one, and the field
 * within; `rest` is the path below the entry.
 */
function problemAt(
  keys: Array<string | number>,
  input: unknown,
  fileOf: (key: unknown) => string | undefined,
  message: string,
): { problem: Problem; rest: Array<string | number> } {
  const problem: Problem = { file: fileOf(keys[0]), message };
  let rest = keys;
  if (keys.length >= 2 && typeof keys[1] === 'number') {
    problem.entry = entryLabel(input, keys[0] as string, keys[1]);
    rest = keys.slice(2);
  }
  const field = formatPath(rest);
  if (field) problem.field = field;
  return { problem, rest };
}

function issueToProblem(
  issue: Issue,
  input: unknown,
  fileOf: (key: unknown) => string | undefined,
): Problem {
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  const { problem, rest } = problemAt(keys, input, fileOf, issue.message);

  // valibot's wording for a missing key and an unknown key is technical; say it plainly.
  if (issue.kind === 'schema' && issue.received === 'undefined' && /object$/.test(issue.type))
    problem.message = 'is required';
  else if (issue.type === 'strict_object' && issue.expected === 'never') {
    const key = String(keys[keys.length - 1]);
    problem.message =
      rest.length > 0 && /^(aliases|ambiguous|titled|names|name)\b/.test(String(rest[0]))
        ? `unknown language ${JSON.stringify(key)} (expected en, ko, ja, zh-Hans or zh-Hant)`
        : `unknown field ${JSON.stringify(key)}`;
  } else if (issue.kind === 'schema' && issue.type !== 'literal' && issue.type !== 'object')
    problem.message = `${issue.message} (got ${describeValue(issue.input)})`;
  return problem;
}

function describeValue(x: unknown): string {
  return describe(x);
}

function crossChecks(input: Record<string, unknown>, fileOf: (k: unknown) => string | undefined) {
  const problems: Problem[] = [];

  for (const coll of COLLECTIONS) {
    const list = input[coll];
    if (!Array.isArray(list)) continue;
    const firstIndex = new Map<string, number>();
    list.forEach((item, i) => {
      const itemId = isRecord(item) ? item.id : undefined;
      if (typeof itemId !== 'string') return;
      const seen = firstIndex.get(itemId);
      if (seen === undefined) firstIndex.set(itemId, i);
      else
        problems.push({
          file: fileOf(coll),
          entry: entryLabel(input, coll, i),
          field: 'id',
          message: `duplicate id ${JSON.stringify(itemId)}: ${coll}[${seen}] already uses it`,
        });
    });
  }

  const topicIds = new Set(
    (Array.isArray(input.topics) ? input.topics : [])
      .map((t) => (isRecord(t) ? t.id : undefined))
      .filter((x): x is string => typeof x === 'string'),
  );
  const entities = Array.isArray(input.entities) ? input.entities : [];
  entities.forEach((e, i) => {
    if (!isRecord(e)) return;
    const entry = entryLabel(input, 'entities', i);
    const file = fileOf('entities');
    if (Array.isArray(e.topics))
      e.topics.forEach((t, j) => {
        if (typeof t === 'string' && !topicIds.has(t))
          problems.push({
            file,
            entry,
            field: `topics[${j}]`,
            message: `unknown topic ${JSON.stringify(t)}: no topic in the pack has this id`,
          });
      });

    for (const key of ['aliases', 'ambiguous', 'titled'] as const) {
      const per = e[key];
      if (!isRecord(per)) continue;
      for (const [language, list] of Object.entries(per)) {
        if (!Array.isArray(list) || !(LANGUAGES as readonly string[]).includes(language)) continue;
        list.forEach((form, j) => {
          if (typeof form !== 'string' || form.trim() === '') return; // the schema says so
          const message =
            key === 'aliases' ? aliasProblem(form, language as Language) : contextFormProblem(form);
          if (message) problems.push({ file, entry, field: `${key}.${language}[${j}]`, message });
        });
      }
    }

    let forms = 0;
    let matchable = 0;
    for (const key of ['aliases', 'ambiguous', 'titled'] as const) {
      const per = e[key];
      if (!isRecord(per)) continue;
      for (const list of Object.values(per)) {
        if (!Array.isArray(list)) continue;
        forms += list.length;
        // Empty strings count here: they are reported once, as empty aliases.
        if (key !== 'ambiguous') matchable += list.length;
      }
    }
    if (forms > LIMITS.aliasesPerEntity)
      problems.push({
        file,
        entry,
        field: 'aliases',
        message: `has ${forms} aliases (with ambiguous and titled forms), at most ${LIMITS.aliasesPerEntity} allowed`,
      });
    let contextWords = 0;
    for (const key of ['titles', 'cues'] as const) {
      const per = e[key];
      if (isRecord(per))
        for (const list of Object.values(per)) if (Array.isArray(list)) contextWords += list.length;
    }
    if (contextWords > LIMITS.contextWordsPerEntity)
      problems.push({
        file,
        entry,
        field: 'cues',
        message: `has ${contextWords} titles and cues, at most ${LIMITS.contextWordsPerEntity} allowed`,
      });
    // An entity with only ambiguous forms could never be named in full, so never matched.
    if (isRecord(e.aliases) && matchable === 0)
      problems.push({
        file,
        entry,
        field: 'aliases',
        message: 'has no alias: give at least one full name in "aliases" (or a "titled" form)',
      });
  });
  return problems;
}

/**
 * Own "__proto__" keys (JSON.parse makes them from `"__proto__": …`): not
 * data, skipped by the schema, and a hazard wherever an object is later
 * spread or merged. Reported with where they are.
 */
function prototypeKeys(input: Record<string, unknown>, fileOf: (k: unknown) => string | undefined) {
  const problems: Problem[] = [];
  const visit = (value: unknown, keys: Array<string | number>) => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...keys, i]));
    else if (isRecord(value))
      for (const key of Object.keys(value)) {
        if (key === '__proto__')
          problems.push(
            problemAt(keys, input, fileOf, 'has a "__proto__" key, which is not data: remove it')
              .problem,
          );
        else visit(value[key], [...keys, key]);
      }
  };
  visit(input, []);
  return problems;
}

function entryLabel(input: unknown, coll: string, index: number): string {
  const list = isRecord(input) ? input[coll] : undefined;
  const item = Array.isArray(list) ? list[index] : undefined;
  const itemId = isRecord(item) ? item.id : undefined;
  return typeof itemId === 'string' && itemId.length <= LIMITS.idChars
    ? `${coll}[${index}] (${itemId})`
    : `${coll}[${index}]`;
}

/** ["aliases", "en", 2] → "aliases.en[2]" */
function formatPath(keys: Array<string | number>): string {
  let out = '';
  for (const k of keys) out += typeof k === 'number' ? `[${k}]` : out ? `.${k}` : k;
  return out;
}

/** Problems in pack order (top-level fields, topics, entities, articles; then by entry), so the list reads like the files. */
function sortProblems(problems: Problem[]): Problem[] {
  const rank = (entry?: string) =>
    COLLECTIONS.indexOf(/^[a-z]+/.exec(entry ?? '')?.[0] as Collection);
  const indexOf = (entry?: string) => Number(/\[(\d+)\]/.exec(entry ?? '')?.[1] ?? -1);
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        rank(a.p.entry) - rank(b.p.entry) || indexOf(a.p.entry) - indexOf(b.p.entry) || a.i - b.i,
    )
    .map((x) => x.p);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** "file: entry, field: message", one line per problem, for the CLI and the import dialog. */
export function formatProblem(p: Problem): string {
  const where = [p.entry, p.field].filter(Boolean).join(' › ');
  return `${p.file ? `${p.file}: ` : ''}${where ? `${where}: ` : ''}${p.message}`;
}
