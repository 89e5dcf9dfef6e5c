/**
 * The matcher: fold the block, run the automaton, check each hit's
 * boundaries and case, then resolve. Only the first two steps touch every
 * character; they allocate nothing once the buffers have grown to the
 * longest block seen. (Folding inside the automaton's loop was tried: V8
 * compiled the merged loop worse than the two tight ones, 20–40% slower.)
 */
import { Hits, scan } from './automaton';
import { boundariesHold, NOT_BEFORE_CAPITAL } from './boundaries';
import { casingHolds } from './casing';
import { endAfter, FoldBuffer, foldText, isUpperUnit, isWordUnit, SPACE } from './normalise';
import {
  compilePatterns,
  KIND_AMBIGUOUS,
  KIND_EXCLUSION,
  KIND_TITLED,
  KIND_TITLED_WEAK,
  OTHER_PERSON,
  type MatchTable,
} from './patterns';
import { buildPrefilter, type Prefilter } from './prefilter';
import { resolve, type Candidate, type Span } from './resolve';
import type { DocumentState, MatchableEntity, Matcher, Mention } from './types';

const HASH = 35;
const FULLWIDTH_HASH = 0xff03;

export interface MatcherOptions {
  /**
   * Run the native pre-check (prefilter.ts) before folding each block. For
   * code that runs cold, like a content script on a fresh page (which gets it
   * through compiled.ts), where V8 has not yet optimised the fold and
   * automaton loops; warm code (Node tools, the pack compiler) is faster
   * without it, so it is off by default.
   */
  prefilter?: boolean;
}

export function compileMatcher(
  entities: readonly MatchableEntity[],
  options: MatcherOptions = {},
): Matcher {
  const table = compilePatterns(entities);
  return createMatcher(table, options.prefilter ? buildPrefilter(table.prefilterPatterns) : null);
}

/** A matcher over a table already compiled (here, or sent by the background: compiled.ts). */
export function createMatcher(table: MatchTable, prefilter: Prefilter | null): Matcher {
  const fold = new FoldBuffer();
  const hits = new Hits();
  return {
    find(text: string, state?: DocumentState): Mention[] {
      // No pattern can occur: nothing to find, and nothing for the document state.
      if (prefilter && !prefilter.mayMatch(text)) return [];
      const n = foldText(text, fold);
      scan(table.automaton, fold.units, n, hits);
      const found =
        hits.length === 0
          ? []
          : mentions(
              table,
              text,
              fold,
              n,
              hits,
              state?.namedInFull ?? new Set<string>(),
              state ? (state.namedOther ??= new Set<string>()) : new Set<string>(),
            );
      fold.trim();
      return found;
    },
  };
}

function mentions(
  table: MatchTable,
  text: string,
  fold: FoldBuffer,
  n: number,
  hits: Hits,
  named: Set<string>,
  other: Set<string>,
): Mention[] {
  const { candidates, exclusions } = collect(table, text, fold, n, hits);
  const ids = table.entityIds;
  if (candidates.length === 0) {
    // Nothing to highlight, but "Lee Myung-bak" still takes the surname for later blocks.
    for (const x of exclusions) if (x.person) other.add(ids[x.entity]!);
    return [];
  }
  return resolve(candidates, exclusions, {
    isNamed: (e) => named.has(ids[e]!),
    markNamed: (e) => named.add(ids[e]!),
    isOther: (e) => other.has(ids[e]!),
    markOther: (e) => other.add(ids[e]!),
  }).map((c) => ({
    entityId: ids[c.entity]!,
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
  }));
}

/** Turns automaton hits into candidates and exclusion spans, applying boundaries and case. */
function collect(
  t: MatchTable,
  text: string,
  fold: FoldBuffer,
  n: number,
  hits: Hits,
): { candidates: Candidate[]; exclusions: Span[] } {
  const candidates: Candidate[] = [];
  const exclusions: Span[] = [];
  const u = fold.units;
  const offs = fold.offs;
  const depth = t.automaton.depth;
  for (let h = 0; h < hits.length; h += 2) {
    const k = hits.data[h]!;
    const state = hits.data[h + 1]!;
    const fs = k + 1 - depth[state]!;
    for (let p = t.head[state]!; p >= 0; p = t.next[p]!) {
      const flags = t.flags[p]!;
      if (!boundariesHold(flags, u, n, fs, k + 1)) continue;
      const kind = t.kind[p]!;
      const pStart = offs[fs]!;
      const pEnd = endAfter(text, offs[k]!);
      if (kind === KIND_EXCLUSION) {
        exclusions.push({
          entity: t.entity[p]!,
          start: pStart,
          end: pEnd,
          person: (flags & OTHER_PERSON) !== 0 && !formerly(text, pStart, pEnd),
        });
        continue;
      }
      // Hashtags are written in lower case ("#lee jae-myung"): no case rule after "#".
      const before = pStart > 0 ? text.charCodeAt(pStart - 1) : 0;
      if (
        t.upperCount[p]! > 0 &&
        before !== HASH &&
        before !== FULLWIDTH_HASH &&
        !casingHolds(text, offs, fs, t.upperPool, t.upperFrom[p]!, t.upperCount[p]!)
      )
        continue;
      const ms = fs + t.mentionStart[p]!;
      const me = fs + t.mentionEnd[p]!;
      if (flags & NOT_BEFORE_CAPITAL) {
        if (followedByCapital(text, u, offs, n, me) && !inCapitals(text, offs, fs, me, n)) continue;
        if (ms === fs && precededByGivenName(text, u, offs, fs)) continue;
        if (ms === fs && shoutedAlone(text, offs[ms]!, endAfter(text, offs[me - 1]!))) continue;
      }
      candidates.push({
        entity: t.entity[p]!,
        start: offs[ms]!,
        end: endAfter(text, offs[me - 1]!),
        weight: pEnd - pStart,
        secondary: kind === KIND_AMBIGUOUS || kind === KIND_TITLED_WEAK,
        titled: kind === KIND_TITLED || kind === KIND_TITLED_WEAK,
      });
    }
  }
  return { candidates, exclusions };
}

/**
 * Is the surname at folded [fs, me) written in capitals, and the word after it
 * too? An all-capitals headline ("TRUMP, XI AGREE ON TARIFFS") capitalises
 * every word, so the next one is no given name; full names in capitals are
 * longer matches ("XI JINPING") or exclusions ("LEE KUAN YEW") anyway.
 */
function inCapitals(text: string, offs: Int32Array, fs: number, me: number, n: number): boolean {
  const start = offs[fs]!;
  const end = offs[me - 1]! + 1;
  if (me >= n || !CAPS_WORD.test(text.slice(start, end))) return false;
  const after = WORD_AFTER.exec(text.slice(end, end + 40))?.[1];
  return after !== undefined && CAPS_WORD.test(after);
}

/** Is folded position `i` a space followed by a capitalised Latin word? */
function followedByCapital(
  text: string,
  u: Uint16Array,
  offs: Int32Array,
  n: number,
  i: number,
): boolean {
  return (
    i + 1 < n &&
    u[i] === SPACE &&
    isWordUnit(u[i + 1]!) &&
    isUpperUnit(text.charCodeAt(offs[i + 1]!))
  );
}

/**
 * Is the word ending before folded position `fs` a capitalised given name in
 * the middle of a sentence: "director Ang Lee", "actress Sheryl Lee"? Then a
 * bare surname at `fs` is that person's (one given name only: "Min Jin Lee"
 * is left alone). The word before the given name must
 * be a lower-case word, so a sentence start ("When Lee…"), a title-case
 * headline ("Seoul Hosts Xi") or a place ("In Seoul Lee…") does not count.
 */
function precededByGivenName(text: string, u: Uint16Array, offs: Int32Array, fs: number): boolean {
  if (fs < 4 || u[fs - 1] !== SPACE) return false;
  const ge = fs - 1;
  let gs = ge;
  while (gs > 0 && isWordUnit(u[gs - 1]!)) gs--;
  if (ge - gs < 2 || !isUpperUnit(text.charCodeAt(offs[gs]!))) return false;
  for (let i = gs + 1; i < ge; i++) if (isUpperUnit(text.charCodeAt(offs[i]!))) return false;
  if (gs < 2 || u[gs - 1] !== SPACE) return false;
  let ws = gs - 1;
  while (ws > 0 && isWordUnit(u[ws - 1]!)) ws--;
  if (ws === gs - 1) return false;
  const first = text.charCodeAt(offs[ws]!);
  return !isUpperUnit(first) && !(first >= 48 && first <= 57);
}

/** "former"/"ex-" up to four words before, with nothing ending a sentence in between. */
const FORMER_BEFORE = /\b(?:former|ex-)\s*(?:[^\s.;:!?。]+\s+){0,4}$/i;
/** Korean "이명박 전 대통령", Japanese "李明博元大統領", Chinese "李明博前总统". */
const FORMER_AFTER = /^\s?[전前元](?:\s|[\u4e00-\u9fff\uac00-\ud7a3])/;
/** Chinese and Japanese put 前/元 before the office: "韩国前总统李明博". */
const FORMER_BEFORE_HAN = /[前元][\u4e00-\u9fff]{1,5}$/;

/**
 * Is the person at [start, end) named as a *former* office holder ("former
 * President Lee Myung-bak", "이명박 전 대통령", "前总统李明博")? Then they do
 * not take the surname's title from the entity: "President Lee" later is the
 * sitting one. Only asked for the few exclusions that name other people.
 */
function formerly(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 4);
  return FORMER_BEFORE.test(before) || FORMER_AFTER.test(after) || FORMER_BEFORE_HAN.test(before);
}

const CAPS_WORD = /^\p{Lu}{2,}$/u;
const WORD_BEFORE = /(\p{L}+)[^\p{L}\n]{1,3}$/u;
const WORD_AFTER = /^[^\p{L}\n]{1,3}(\p{L}+)/u;

/**
 * Is a bare surname written in capitals ("XI") among words that are not?
 * In an all-capitals headline ("TRUMP, XI AGREE") a neighbour is in capitals
 * too; alone, "XI" is a Roman numeral ("Super Bowl XI") or a team ("the
 * Chinese XI"), not the surname "Xi".
 */
function shoutedAlone(text: string, start: number, end: number): boolean {
  // Most bare surnames are "Lee", "Xi": the second letter settles it.
  if (end - start < 2 || !isUpperUnit(text.charCodeAt(start + 1))) return false;
  if (!CAPS_WORD.test(text.slice(start, end))) return false;
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const after = WORD_AFTER.exec(text.slice(end, end + 40))?.[1];
  return !(before && CAPS_WORD.test(before)) && !(after && CAPS_WORD.test(after));
}
