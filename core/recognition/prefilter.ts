/**
 * A native pre-check that lets the matcher skip a block in which no pattern
 * can occur. Content scripts run cold: the per-character fold and automaton
 * loops start in V8's interpreter on every page, while a RegExp runs native
 * code at once. Most blocks of most pages name nobody, so one lower-casing
 * and one RegExp test over the raw text decide them; only the rest are
 * folded and scanned.
 *
 * It must never say "no" where the automaton would find a pattern (a
 * superset). Each folded pattern contributes a *needle*: the start of its
 * longest run of letters (Latin, Hangul, Han or kana), which the lower-cased
 * raw text must then contain. Raw text holding any unit whose fold is not its
 * lower case (full-width forms, compatibility ideographs, dropped or
 * combining units…) is always passed on to the matcher; separators between
 * two Han or kana units are removed first, as the fold drops them (茂木 敏充,
 * イ・ジェミョン). A needle that starts or ends a pattern at a Latin word edge
 * keeps the edge, so "Xinhua" and "taxi" need not be folded to know they are
 * not "Xi". One plain alternation without flags: V8 compiles that well, while
 * the `i` flag or per-needle separator classes made it 100× slower.
 */
import { boundaryFlags, LEFT_WORD, RIGHT_WORD } from './boundaries';
import { DOT, DROP, foldUnit, isCjk, isCombining, isWordUnit, SPACE } from './normalise';

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
const isAsciiAlnum = (u: number) => (u >= 48 && u <= 57) || (u >= 97 && u <= 122);

function escapeUnit(u: number): string {
  const c = String.fromCharCode(u);
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** A class of the given units, as compact ranges. */
function unitClass(units: number[]): string {
  const sorted = [...new Set(units)].sort((a, b) => a - b);
  const hex = (u: number) => `\\u${u.toString(16).padStart(4, '0')}`;
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
 * Ranges outside which `foldUnit` is the identity, no unit combines and no
 * unit lower-cases into ASCII (normalise.ts; U+212A KELVIN SIGN is the last).
 */
const FOLDING_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 0x2200],
  [0x3000, 0x3100],
  [0xf900, 0xfb00],
  [0xfe00, 0x10000],
];

/** The units of Han and kana (`isCjk`), between which separators are dropped. */
const CJK_CLASS =
  '[\\u3005-\\u3007\\u3040-\\u309f\\u30a1-\\u30fa\\u30fc-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff]';

/** The only non-ASCII units whose lower case is ASCII: K (Kelvin) → k, İ → i̇. */
const LOWER_TO_ASCII = [0x130, 0x212a];

/**
 * Units the lower-casing cannot stand in for, and the separators the fold
 * drops. Runs at every page's start, so the ~10,000 units that fold to
 * themselves are passed over before any string is made (a test checks the
 * result against the rule applied to every unit).
 */
export function foldClasses(): { special: string; separator: string } {
  const special: number[] = [0x3a3]; // Σ lower-cases to ς at a word's end, folds to σ
  const separator: number[] = [];
  for (const [from, to] of FOLDING_RANGES)
    for (let c = from; c < to; c++) {
      const f = foldUnit(c);
      if (f === c && c !== SPACE && c !== DOT && c !== DROP && !isCombining(c)) {
        if (LOWER_TO_ASCII.includes(c)) special.push(c); // would fake or hide a Latin word edge
        continue;
      }
      const lower = String.fromCharCode(c).toLowerCase();
      const l = lower.length === 1 ? lower.charCodeAt(0) : -1;
      if (f === SPACE || f === DOT) separator.push(c);
      else if (f === DROP || isCombining(c) || isCombining(f)) special.push(c);
      else if (isLetter(f) && f !== c && l !== f) special.push(c);
      else if (c >= 128 && (isAsciiAlnum(l) || (l < 0 && isAsciiAlnum(lower.charCodeAt(0)))))
        special.push(c);
    }
  return { special: unitClass(special), separator: unitClass(separator) };
}

/** The needle of one folded pattern, as RegExp source; null when it has no letters. */
function needleOf(folded: string): string | null {
  let best = -1;
  let bestLength = 0;
  for (let i = 0; i < folded.length;) {
    let j = i;
    while (j < folded.length && isLetter(folded.charCodeAt(j))) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j + 1;
  }
  if (best < 0) return null;
  const take = Math.min(bestLength, NEEDLE_UNITS);
  let source = '';
  for (let k = best; k < best + take; k++) source += escapeUnit(folded.charCodeAt(k));
  const flags = boundaryFlags(folded);
  if (best === 0 && flags & LEFT_WORD) source = `(?<![a-z0-9])${source}`;
  if (take === bestLength && best + bestLength === folded.length && flags & RIGHT_WORD)
    source += '(?![a-z0-9])';
  return source;
}

/** A pre-check for these folded patterns, or null when it would not pay (or cannot be built). */
export function buildPrefilter(patterns: readonly string[]): Prefilter | null {
  const needles = new Set<string>();
  for (const pattern of patterns) {
    const needle = needleOf(pattern);
    if (needle === null) return null;
    needles.add(needle);
    if (needles.size > MAX_NEEDLES) return null;
  }
  const { special, separator } = foldClasses();
  const specialRe = new RegExp(special);
  const joined = new RegExp(`(${CJK_CLASS})${separator}+(?=${CJK_CLASS})`, 'g');
  const needleRe = new RegExp([...needles].join('|'));
  return {
    mayMatch(text) {
      if (specialRe.test(text)) return true;
      let lowered = text.toLowerCase();
      joined.lastIndex = 0;
      if (joined.test(lowered)) lowered = lowered.replace(joined, '$1');
      return needleRe.test(lowered);
    },
  };
}
