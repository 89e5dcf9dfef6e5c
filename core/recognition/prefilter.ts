/**
 * A native pre-check that lets the matcher skip a block in which no pattern
 * can occur. Content scripts run cold: the per-character fold and automaton
 * loops start in V8's interpreter on every page, while a RegExp runs native
 * code at once. Most blocks of most pages name nobody, so one RegExp test
 * over the raw text decides them; only the rest are folded and scanned.
 *
 * It must never say "no" where the matcher would find something (a
 * superset). Each pattern contributes a *needle*: the start of one of its
 * words, which the raw text must contain. The needle is matched in the
 * page's own case, as the matcher's case rule would demand (casing.ts):
 * "Trump" needs `T[rR][uU][mM]` (with the full-width forms in each class,
 * as every unit that folds to a letter is), so "trumpet" and "thus" no
 * longer wake the matcher. Raw text holding a unit the fold drops or
 * combines, or a hashtag (which lifts the case rule), is always passed on to
 * the matcher; separators between two Han or kana units are removed first,
 * as the fold drops them (茂木 敏充, イ・ジェミョン). A needle at a Latin
 * word edge keeps the edge, so "Xinhua" and "taxi" need not be folded to know
 * they are not "Xi". One plain alternation without flags: V8 compiles that
 * well, while the `i` flag or per-needle separator classes made it 100× slower.
 *
 * The sources are built once per data version in the background
 * (compiled.ts); a page only compiles the RegExps.
 */
import { boundaryFlags, LEFT_WORD, RIGHT_WORD } from './boundaries';
import {
  DOT,
  DROP,
  foldUnit,
  isCjk,
  isCombining,
  isUpperUnit,
  isWordUnit,
  SPACE,
} from './normalise';
import type { PrefilterPattern } from './patterns';

/** Units of a needle: enough to be selective, short enough to be shared by variants. */
const NEEDLE_UNITS = 4;
/**
 * Past this many distinct needles one alternation costs more than folding
 * and scanning (the RegExp baseline of a 10,000-entity pack runs at a tenth of
 * the automaton's speed), so large packs go without a pre-check.
 */
const MAX_NEEDLES = 2000;

export interface Prefilter {
  /** false only when no pattern can occur in `text` */
  mayMatch(text: string): boolean;
}

const isHangulSyllable = (u: number) => u >= 0xac00 && u <= 0xd7a3;
const isLetter = (u: number) => isWordUnit(u) || isHangulSyllable(u) || isCjk(u);
const isAsciiLower = (u: number) => u >= 97 && u <= 122;

const hex = (u: number) => `\\u${u.toString(16).padStart(4, '0')}`;

/** A class of the given units, as compact ranges. */
function unitClass(units: number[]): string {
  const sorted = [...new Set(units)].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out += i === j ? hex(sorted[i]!) : `${hex(sorted[i]!)}-${hex(sorted[j]!)}`;
    i = j + 1;
  }
  return `[${out}]`;
}

/**
 * Ranges outside which `foldUnit` is the identity and no unit combines
 * (normalise.ts; U+2212 MINUS SIGN is the last unit it changes below U+3000).
 */
const FOLDING_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 0x2213],
  [0x3000, 0x3100],
  [0xf900, 0xfb00],
  [0xfe00, 0x10000],
];

/** The units of Han and kana (`isCjk`), between which separators are dropped. */
const CJK_CLASS =
  '[\\u3005-\\u3007\\u3040-\\u309f\\u30a1-\\u30fa\\u30fc-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff]';

/** "#" and "＃": a hashtag lifts the case rule (matcher.ts), so the needles' case cannot decide. */
const HASH_UNITS = [0x23, 0xff03];

export interface FoldClasses {
  /** units that are dropped or combine (and the hash signs): text with one goes to the matcher */
  special: string;
  /** units that fold to a separator */
  separator: string;
  /** for each unit asked about, the other units that fold to it ("A", "Ａ" and "ª" for "a") */
  sources: Map<number, number[]>;
}

/**
 * Sorts the units whose fold is not themselves; the ~10,000 that fold to
 * themselves are passed over before any string is made (a test checks the
 * result against the rule applied to every unit of the BMP).
 */
export function foldClasses(wanted: ReadonlySet<number> = new Set()): FoldClasses {
  const special: number[] = [...HASH_UNITS];
  const separator: number[] = [];
  const sources = new Map<number, number[]>();
  for (const [from, to] of FOLDING_RANGES)
    for (let c = from; c < to; c++) {
      const f = foldUnit(c);
      if (f === c && c !== SPACE && c !== DOT && c !== DROP && !isCombining(c)) continue;
      if (f === SPACE || f === DOT) separator.push(c);
      else if (f === DROP || isCombining(c) || isCombining(f)) special.push(c);
      else if (wanted.has(f)) {
        const list = sources.get(f);
        if (list) list.push(c);
        else sources.set(f, [c]);
      }
    }
  return { special: unitClass(special), separator: unitClass(separator), sources };
}

function escapeUnit(u: number): string {
  const c = String.fromCharCode(u);
  if (/[\\^$.*+?()[\]{}|/-]/.test(c)) return `\\${c}`;
  return u < 0x80 ? c : hex(u);
}

const NOT_AFTER_WORD = '(?<![A-Za-z0-9])';
const NOT_BEFORE_WORD = '(?![A-Za-z0-9])';

/** Where a needle is taken from: [start, end) of the folded pattern. */
interface Window {
  start: number;
  end: number;
  score: number;
}

/**
 * Where in the pattern the needle may be taken from: the start of each of
 * its words (units between separators), best first. The best tells the
 * pattern apart: a word of its focus (the surname of "President Lee"), one
 * that must be capitalised (rare in running text), then the longest.
 */
function windowsOf(p: PrefilterPattern): Window[] {
  const f = p.folded;
  const out: Window[] = [];
  for (let i = 0; i < f.length;) {
    let j = i;
    while (j < f.length && f.charCodeAt(j) !== SPACE && f.charCodeAt(j) !== DOT) j++;
    let letters = false;
    for (let k = i; k < j && !letters; k++) letters = isLetter(f.charCodeAt(k));
    if (letters) {
      const score =
        (i >= p.focusStart && j <= p.focusEnd ? 1000 : 0) +
        (p.upper.includes(i) && isAsciiLower(f.charCodeAt(i)) ? 100 : 0) +
        Math.min(j - i, 8);
      out.push({ start: i, end: Math.min(j, i + NEEDLE_UNITS), score });
    }
    i = j + 1;
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * One needle per pattern. A pattern of one word has no choice, so those go
 * first; a longer one then reuses a needle already chosen when it can
 * ("South Korea" takes the needle of "Korea", not "South"), which adds no
 * work and nothing that "South Africa" would wake. Null when a pattern has
 * no letters to take a needle from.
 */
function chooseNeedles(
  patterns: readonly PrefilterPattern[],
  sources: FoldClasses['sources'],
): Set<string> | null {
  const candidates = patterns.map(windowsOf);
  const order = patterns.map((_, i) => i);
  order.sort((a, b) => candidates[a]!.length - candidates[b]!.length);
  const needles = new Set<string>();
  for (const i of order) {
    const options = candidates[i]!.map((w) => needleSource(patterns[i]!, w, sources));
    if (options.length === 0) return null;
    needles.add(options.find((needle) => needles.has(needle)) ?? options[0]!);
  }
  return needles;
}

/** One folded unit as the raw text may write it; only upper case where the case rule demands it. */
function unitSource(u: number, mustBeUpper: boolean, sources: FoldClasses['sources']): string {
  let units = [u, ...(sources.get(u) ?? [])];
  if (mustBeUpper) {
    const upper = units.filter(isUpperUnit);
    if (upper.length) units = upper;
  }
  return units.length === 1 ? escapeUnit(units[0]!) : `[${units.map(escapeUnit).join('')}]`;
}

/** The needle of one pattern at its window, as RegExp source. */
function needleSource(
  p: PrefilterPattern,
  window: Window,
  sources: FoldClasses['sources'],
): string {
  const f = p.folded;
  const { start, end } = window;
  let source = '';
  for (let k = start; k < end; k++)
    source += unitSource(f.charCodeAt(k), p.upper.includes(k), sources);
  const flags = boundaryFlags(f);
  const before = start === 0 ? -1 : f.charCodeAt(start - 1);
  const after = end === f.length ? -1 : f.charCodeAt(end);
  // A window starts a word of the pattern, after a separator or at its start;
  // a separator in the pattern is one in the page, never a letter or digit.
  if (isWordUnit(f.charCodeAt(start)) && (before >= 0 || flags & LEFT_WORD))
    source = NOT_AFTER_WORD + source;
  if (
    (after < 0 && flags & RIGHT_WORD) ||
    (isWordUnit(f.charCodeAt(end - 1)) && (after === SPACE || after === DOT))
  )
    source += NOT_BEFORE_WORD;
  return source;
}

/** The RegExp sources of a pre-check: what a page needs to build one (compiled.ts). */
export interface PrefilterSources {
  needles: string;
  /** needles of patterns that count only in text with Hangul ("" when none) */
  hangulNeedles?: string;
  special: string;
  separator: string;
}

/** The sources of a pre-check for these patterns, or null when it would not pay (or cannot be built). */
export function prefilterSources(patterns: readonly PrefilterPattern[]): PrefilterSources | null {
  const wanted = new Set<number>();
  for (const { folded } of patterns)
    for (let k = 0; k < folded.length; k++) wanted.add(folded.charCodeAt(k));
  const { special, separator, sources } = foldClasses(wanted);
  // The Korean press's one-character names (美, 中, 日) are in most Chinese
  // and Japanese text: they wake the matcher only where there is Hangul.
  const needles = chooseNeedles(
    patterns.filter((p) => !p.amidHangul),
    sources,
  );
  const hangulNeedles = chooseNeedles(
    patterns.filter((p) => p.amidHangul),
    sources,
  );
  if (needles === null || hangulNeedles === null) return null;
  if (needles.size + hangulNeedles.size > MAX_NEEDLES) return null;
  return {
    needles: [...needles].join('|'),
    ...(hangulNeedles.size && { hangulNeedles: [...hangulNeedles].join('|') }),
    special,
    separator,
  };
}

const HANGUL = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\uffa0-\uffdc]/;

/** The pre-check from its sources. */
export function prefilterFrom({
  needles,
  hangulNeedles,
  special,
  separator,
}: PrefilterSources): Prefilter {
  const specialRe = new RegExp(special);
  const joinedSource = `(${CJK_CLASS})${separator}+(?=${CJK_CLASS})`;
  const joined = new RegExp(joinedSource, 'g');
  // Either of the two, in one pass over the text: most blocks hold neither.
  const specialOrJoined = new RegExp(`${special}|${joinedSource}`);
  const needleRe = new RegExp(needles || '(?!)');
  const hangulRe = hangulNeedles ? new RegExp(hangulNeedles) : null;
  const test = (text: string) =>
    needleRe.test(text) || (hangulRe !== null && HANGUL.test(text) && hangulRe.test(text));
  return {
    mayMatch(text) {
      if (specialOrJoined.test(text)) {
        if (specialRe.test(text)) return true;
        return test(text.replace(joined, '$1'));
      }
      return test(text);
    },
  };
}

/** A pre-check for these patterns, or null when it would not pay (or cannot be built). */
export function buildPrefilter(patterns: readonly PrefilterPattern[]): Prefilter | null {
  const sources = prefilterSources(patterns);
  return sources && prefilterFrom(sources);
}
