/**
 * Public API of the recognition core: find the people and topics of a pack
 * in the text of a document. Pure TypeScript, no DOM: the content script
 * hands the matcher one block (paragraph) at a time, in any order, and a
 * DocumentLinker decides every block's candidates with the evidence of the
 * whole document, again whenever a block comes, changes or goes.
 *
 * How it works: normalise.ts (folding with offsets) → automaton.ts (one
 * Aho–Corasick pass) → boundaries.ts and casing.ts (per-script word edges,
 * the case rule) → matcher.ts (exclusions, longest match, what is written
 * around each candidate) → linker.ts (the document decides). patterns.ts,
 * variants.ts and lexicon.ts build the pattern table once per pack;
 * compiled.ts sends it, compiled, from the background to pages.
 */
export type { Candidate, MatchableEntity, Matcher, Mention } from './types';
export { compileMatcher } from './matcher';
export { DocumentLinker, linkDocument } from './linker';
export { compileForPages, matcherFromCompiled, type CompiledMatcher } from './compiled';
