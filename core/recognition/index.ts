/**
 * Public API of the recognition core: find the people and topics of a pack
 * in a block of page text. Pure TypeScript, no DOM: the content script hands
 * it one block (paragraph) at a time, in document order, with one
 * DocumentState per page.
 *
 * How it works: normalise.ts (folding with offsets) → automaton.ts (one
 * Aho–Corasick pass) → boundaries.ts and casing.ts (per-script word edges,
 * the case rule) → resolve.ts (exclusions, longest match, ambiguous forms).
 * patterns.ts, variants.ts and titles.ts build the pattern table once per pack;
 * compiled.ts sends it, compiled, from the background to pages.
 */
import type { DocumentState } from './types';

export type { DocumentState, MatchableEntity, Matcher, Mention } from './types';
export { compileMatcher } from './matcher';
export { compileForPages, matcherFromCompiled, type CompiledMatcher } from './compiled';

export function createDocumentState(): DocumentState {
  return { namedInFull: new Set(), namedOther: new Set() };
}
