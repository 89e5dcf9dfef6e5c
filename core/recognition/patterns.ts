/**
 * From entities to the pattern table the matcher runs: every alias, its
 * spelling variants, every ambiguous form, every surname + title and every
 * exclusion, folded, deduplicated and put in one automaton. Runs once per
 * pack, so it may allocate; the result is flat typed arrays.
 */
import { LANGUAGES, type Language } from '../pack/types';
import { buildAutomaton, type Automaton } from './automaton';
import { boundaryFlags, NOT_BEFORE_CAPITAL } from './boundaries';
import { upperPositions } from './casing';
import { FoldBuffer, foldAlias, foldString, isWordUnit, SPACE } from './normalise';
import { titledForms } from './titles';
import type { MatchableEntity } from './types';
import { aliasVariants } from './variants';

/** A full alias, or a surname with an office: names the entity on its own. */
export const KIND_ALIAS = 0;
export const KIND_TITLED = 1;
/** Counts only when the document has already named the entity in full. */
export const KIND_AMBIGUOUS = 2;
export const KIND_TITLED_WEAK = 3;
/** Not the entity: cancels the entity's candidates it overlaps. */
export const KIND_EXCLUSION = 4;

/**
 * Flag of an exclusion that names somebody else with one of the entity's
 * titled surnames: "Lee Myung-bak", "Robert E. Lee", "이재용", "李明博". A
 * surname with a title later in the document is then theirs until the entity
 * is named in full (resolve.ts). Shares `flags` with the boundary bits.
 */
export const OTHER_PERSON = 64;

/** What the matcher runs: flat arrays, so a table can be sent to a page as it is (compiled.ts). */
export interface MatchTable {
  automaton: Automaton;
  /** first pattern of each automaton state, -1 when none; then `next` */
  head: Int32Array;
  next: Int32Array;
  entity: Int32Array;
  kind: Uint8Array;
  flags: Uint8Array;
  /** the mention inside the pattern, in folded units (a title is outside it) */
  mentionStart: Uint16Array;
  mentionEnd: Uint16Array;
  /** positions that must be upper case: pool[upperFrom .. upperFrom + upperCount) */
  upperFrom: Int32Array;
  upperCount: Uint8Array;
  upperPool: Uint16Array;
  entityIds: string[];
}

export interface PatternTable extends MatchTable {
  /** what the pre-check must find: every pattern but the plain exclusions */
  prefilterPatterns: readonly PrefilterPattern[];
}

/** A pattern as the pre-check (prefilter.ts) sees it. */
export interface PrefilterPattern {
  folded: string;
  /** positions that every use of the pattern needs in upper case */
  upper: readonly number[];
  /**
   * The part that best tells the pattern apart, [start, end) in folded
   * units: the surname of "President Lee", "Lee" in "Robert E. Lee".
   */
  focusStart: number;
  focusEnd: number;
}

interface Draft {
  folded: string;
  entity: number;
  kind: number;
  mentionStart: number;
  mentionEnd: number;
  flags: number;
  upper: number[] | null;
  focusStart: number;
  focusEnd: number;
  /** the next draft with the same folded text, -1 at the end */
  next: number;
}

/** The longest pattern kept; longer aliases are cut by validation anyway. */
const MAX_PATTERN = 1000;

export function compilePatterns(entities: readonly MatchableEntity[]): PatternTable {
  const list: Draft[] = [];
  /** folded text → last draft with it (then `next`); duplicates are merged */
  const byFolded = new Map<string, number>();
  const entityIds: string[] = [];
  const buf = new FoldBuffer();

  function add(
    raw: string,
    entity: number,
    kind: number,
    prefix = '',
    surname?: string,
    otherPerson: string | null = null,
  ): void {
    const source = raw.trim();
    const n = foldAlias(source, buf);
    if (n === 0 || n > MAX_PATTERN || (n === 1 && buf.units[0] === SPACE)) return;
    const folded = unitsToString(buf.units, n);
    const mentionStart = prefix ? foldString(prefix).length : 0;
    const mentionEnd = surname === undefined ? n : foldString(prefix + surname).length;
    let flags = boundaryFlags(folded);
    let focusStart = mentionStart;
    let focusEnd = mentionEnd;
    if (otherPerson !== null) {
      flags |= OTHER_PERSON;
      const at = folded.indexOf(foldString(otherPerson));
      if (at >= 0) [focusStart, focusEnd] = [at, at + foldString(otherPerson).length];
    }
    if (kind !== KIND_ALIAS && kind !== KIND_EXCLUSION && isWordUnit(buf.units[mentionEnd - 1]!))
      flags |= NOT_BEFORE_CAPITAL;
    const upper = kind === KIND_EXCLUSION ? null : upperPositions(source, buf.units, buf.offs, n);
    const next = byFolded.get(folded) ?? -1;
    for (let p = next; p >= 0; p = list[p]!.next) {
      const d = list[p]!;
      if (d.entity === entity && d.kind === kind && d.mentionStart === mentionStart) {
        // Two spellings folding alike: the laxer case requirement wins.
        d.upper = d.upper && upper ? d.upper.filter((x) => upper.includes(x)) : null;
        return;
      }
    }
    byFolded.set(folded, list.length);
    list.push({
      folded,
      entity,
      kind,
      mentionStart,
      mentionEnd,
      flags,
      upper,
      focusStart,
      focusEnd,
      next,
    });
  }

  function addTitled(lang: Language, surname: string, entity: number): void {
    if (!surname) return;
    for (const t of titledForms(lang, surname))
      add(t.source, entity, t.strong ? KIND_TITLED : KIND_TITLED_WEAK, t.prefix, t.surname);
  }

  entities.forEach((e, i) => {
    entityIds.push(e.id);
    for (const lang of LANGUAGES) {
      for (const a of e.aliases[lang] ?? [])
        for (const v of aliasVariants(a, true)) add(v, i, KIND_ALIAS);
      for (const a of e.ambiguous?.[lang] ?? [])
        for (const v of aliasVariants(a, false)) add(v, i, KIND_AMBIGUOUS);
      for (const s of e.titled?.[lang] ?? []) addTitled(lang, s.trim(), i);
    }
    const surnames = LANGUAGES.flatMap((l) => e.titled?.[l] ?? []).map((x) => x.trim());
    for (const x of e.exclusions ?? []) {
      const person = otherPersonSurname(x.trim(), surnames);
      for (const v of aliasVariants(x, true)) add(v, i, KIND_EXCLUSION, '', undefined, person);
    }
  });

  const sorted = [...byFolded.keys()].sort();
  const { automaton, terminals } = buildAutomaton(sorted);

  const n = list.length;
  const head = new Int32Array(automaton.states).fill(-1);
  const next = new Int32Array(n);
  for (let i = 0; i < sorted.length; i++) head[terminals[i]!] = byFolded.get(sorted[i]!)!;
  for (let p = 0; p < n; p++) next[p] = list[p]!.next;
  const table: PatternTable = {
    automaton,
    head,
    next,
    entity: new Int32Array(n),
    kind: new Uint8Array(n),
    flags: new Uint8Array(n),
    mentionStart: new Uint16Array(n),
    mentionEnd: new Uint16Array(n),
    upperFrom: new Int32Array(n),
    upperCount: new Uint8Array(n),
    upperPool: new Uint16Array(list.reduce((s, d) => s + (d.upper?.length ?? 0), 0)),
    entityIds,
    prefilterPatterns: prefilterPatterns(sorted, byFolded, list),
  };
  let pool = 0;
  list.forEach((d, p) => {
    table.entity[p] = d.entity;
    table.kind[p] = d.kind;
    table.flags[p] = d.flags;
    table.mentionStart[p] = d.mentionStart;
    table.mentionEnd[p] = d.mentionEnd;
    table.upperFrom[p] = pool;
    const up = (d.upper ?? []).slice(0, 255);
    table.upperCount[p] = up.length;
    for (const u of up) table.upperPool[pool++] = u;
  });
  return table;
}

/**
 * One entry per folded text, for the pre-check. Plain exclusions only cancel
 * candidates, so text with nothing else needs no matching; an exclusion
 * naming another person counts, as it changes the document's state. A
 * position must be upper case only where every use of the text needs it.
 */
function prefilterPatterns(
  sorted: readonly string[],
  byFolded: ReadonlyMap<string, number>,
  list: readonly Draft[],
): PrefilterPattern[] {
  const out: PrefilterPattern[] = [];
  for (const folded of sorted) {
    let entry: PrefilterPattern | null = null;
    let upper: number[] | null = null;
    for (let p = byFolded.get(folded)!; p >= 0; p = list[p]!.next) {
      const d = list[p]!;
      if (d.kind === KIND_EXCLUSION && !(d.flags & OTHER_PERSON)) continue;
      const needs = d.upper ?? [];
      upper = entry === null ? needs : upper!.filter((x) => needs.includes(x));
      entry ??= { folded, upper: [], focusStart: d.focusStart, focusEnd: d.focusEnd };
    }
    if (entry) out.push({ ...entry, upper: upper! });
  }
  return out;
}

const SPACES = /\s+/;

/**
 * The surname by which an exclusion names another person, or null. A Latin
 * surname must be one of its words ("Lee Kuan Yew", "General Lee", "President
 * Wang"); a Hangul or Han surname must begin it, followed at once by more of
 * the name ("이재용", "李明博", "李总理") — "시 대통령" (3시 대통령실) and "学习"
 * are not people.
 */
export function otherPersonSurname(exclusion: string, surnames: readonly string[]): string | null {
  const words = exclusion.toLowerCase().split(SPACES);
  const found = surnames.find((s) => {
    if (!s) return false;
    if (isWordUnit(foldString(s).charCodeAt(0))) return words.includes(s.toLowerCase());
    return (
      exclusion.startsWith(s) && exclusion.length > s.length && !SPACES.test(exclusion[s.length]!)
    );
  });
  return found ?? null;
}

function unitsToString(units: Uint16Array, n: number): string {
  return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
}
