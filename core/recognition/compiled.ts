/**
 * A matcher compiled once and sent to pages as plain data. Compiling the
 * patterns, the automaton and the pre-check costs a page 20–35 ms of its
 * main thread (cold code, on every page load) and grows with the installed
 * packs; the background compiles once per data version instead, and a page
 * only turns arrays back into typed arrays. Extension messages are JSON in
 * Chromium, so the typed arrays travel as arrays of numbers.
 */
import type { Automaton } from './automaton';
import { compilePatterns, type MatchTable } from './patterns';
import { createMatcher } from './matcher';
import { prefilterFrom, prefilterSources, type PrefilterSources } from './prefilter';
import type { MatchableEntity, Matcher } from './types';

type Typed = Int32Array | Int16Array | Uint16Array | Uint8Array;
type TypedConstructor = { from(values: readonly number[]): Typed };

const AUTOMATON_ARRAYS = {
  first: Int32Array,
  count: Int32Array,
  label: Uint16Array,
  fail: Int32Array,
  out: Int32Array,
  depth: Uint16Array,
  rootHigh: Int32Array,
  rootLow: Int32Array,
} satisfies Record<string, TypedConstructor>;

const TABLE_ARRAYS = {
  head: Int32Array,
  next: Int32Array,
  entity: Int32Array,
  kind: Uint8Array,
  flags: Uint16Array,
  mentionStart: Uint16Array,
  mentionEnd: Uint16Array,
  upperFrom: Int32Array,
  upperCount: Uint8Array,
  upperPool: Uint16Array,
  patternRole: Int16Array,
  entityKind: Uint8Array,
  entityCued: Uint8Array,
  entityMeeting: Int32Array,
  entitySince: Uint16Array,
  titleFrom: Int32Array,
  titleCount: Uint8Array,
  titlePool: Int16Array,
  relatedFrom: Int32Array,
  relatedCount: Uint8Array,
  relatedPool: Int32Array,
  roleWeak: Uint8Array,
} satisfies Record<string, TypedConstructor>;

type Plain<K extends string> = Record<K, number[]>;

/** A compiled matcher as JSON-safe data. */
export interface CompiledMatcher {
  automaton: Plain<keyof typeof AUTOMATON_ARRAYS> & { states: number };
  table: Plain<keyof typeof TABLE_ARRAYS>;
  entityIds: string[];
  domains: number;
  /** null when the pack is too large for one (see prefilter.ts) */
  prefilter: PrefilterSources | null;
}

/** The typed arrays of `source` named by `keys`, as plain arrays. */
function toPlain<K extends string>(source: object, keys: Record<K, TypedConstructor>): Plain<K> {
  const typed = source as Record<K, Typed>;
  const out = {} as Plain<K>;
  for (const key of Object.keys(keys) as K[]) out[key] = Array.from(typed[key]);
  return out;
}

/** The plain arrays of `source` named by `constructors`, as typed arrays again. */
function fromPlain<K extends string>(
  source: object,
  constructors: Record<K, TypedConstructor>,
): Record<K, Typed> {
  const plain = source as Plain<K>;
  const out = {} as Record<K, Typed>;
  for (const key of Object.keys(constructors) as K[]) out[key] = constructors[key].from(plain[key]);
  return out;
}

/** Compiles the matcher a page will run (with its pre-check), as data. */
export function compileForPages(entities: readonly MatchableEntity[]): CompiledMatcher {
  const table = compilePatterns(entities);
  return {
    automaton: {
      ...toPlain(table.automaton, AUTOMATON_ARRAYS),
      states: table.automaton.states,
    },
    table: toPlain(table, TABLE_ARRAYS),
    entityIds: table.entityIds,
    domains: table.domains,
    prefilter: prefilterSources(table.prefilterPatterns),
  };
}

/** The matcher from its compiled data: no pattern is compiled again. */
export function matcherFromCompiled(compiled: CompiledMatcher): Matcher {
  const automaton = {
    ...fromPlain(compiled.automaton, AUTOMATON_ARRAYS),
    states: compiled.automaton.states,
  } as Automaton;
  const table = {
    ...fromPlain(compiled.table, TABLE_ARRAYS),
    automaton,
    entityIds: compiled.entityIds,
    domains: compiled.domains,
  } as MatchTable;
  return createMatcher(table, compiled.prefilter && prefilterFrom(compiled.prefilter));
}
