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
  KIND_TITLED_WEAK,
  type PatternTable,
} from './patterns';
import { resolve, type Candidate, type Span } from './resolve';
import type { DocumentState, MatchableEntity, Matcher, Mention } from './types';

const HASH = 35;
const FULLWIDTH_HASH = 0xff03;

export function compileMatcher(entities: readonly MatchableEntity[]): Matcher {
  const table = compilePatterns(entities);
  const fold = new FoldBuffer();
  const hits = new Hits();
  return {
    find(text: string, state?: DocumentState): Mention[] {
      const n = foldText(text, fold);
      scan(table.automaton, fold.units, n, hits);
      const found =
        hits.length === 0
          ? []
          : mentions(table, text, fold, n, hits, state?.namedInFull ?? new Set<string>());
      fold.trim();
      return found;
    },
  };
}

function mentions(
  table: PatternTable,
  text: string,
  fold: FoldBuffer,
  n: number,
  hits: Hits,
  named: Set<string>,
): Mention[] {
  const { candidates, exclusions } = collect(table, text, fold, n, hits);
  if (candidates.length === 0) return [];
  const ids = table.entityIds;
  return resolve(
    candidates,
    exclusions,
    (e) => named.has(ids[e]!),
    (e) => named.add(ids[e]!),
  ).map((c) => ({
    entityId: ids[c.entity]!,
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
  }));
}

/** Turns automaton hits into candidates and exclusion spans, applying boundaries and case. */
function collect(
  t: PatternTable,
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
        exclusions.push({ entity: t.entity[p]!, start: pStart, end: pEnd });
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
      if (flags & NOT_BEFORE_CAPITAL && followedByCapital(text, u, offs, n, me)) continue;
      candidates.push({
        entity: t.entity[p]!,
        start: offs[ms]!,
        end: endAfter(text, offs[me - 1]!),
        weight: pEnd - pStart,
        secondary: kind === KIND_AMBIGUOUS || kind === KIND_TITLED_WEAK,
      });
    }
  }
  return { candidates, exclusions };
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
