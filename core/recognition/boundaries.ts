/**
 * Where a match may start and end, by script. Checked on the folded text
 * around a candidate, so the rules see "Wang Yi" in "Wang Yihan" and "왕이"
 * in "국왕이" however the page wrote its spaces and widths.
 *
 * - Latin (letters and digits): whole words only, so "Xinhua" is not "Xi",
 *   "Wang Yihan" is not "Wang Yi" and "trumped" is not "Trump". An apostrophe
 *   is not a letter, so "Takaichi's" matches "Takaichi" and the possessive
 *   stays outside the mention. A number must not continue one: "1,500
 *   trillion won" is not "500 trillion won".
 * - Hangul: not preceded by Hangul ("국왕이", "여왕이" are not 왕이; the 이 of
 *   "클린턴이 대통령이" is a particle, not the surname 이); anything may follow,
 *   because Korean glues particles to names ("다카이치는", "이재명 대통령이").
 * - Katakana: not inside a longer katakana word ("トランプ" in "トランプゲーム").
 * - Han: no rule; Chinese and Japanese run words together, so the confusers
 *   ("高市郡", "毅然") are listed as exclusions in the data.
 */
import { DOT, isCjk, isDigitUnit, isHangul, isKatakana, isWordUnit } from './normalise';

export const LEFT_WORD = 1;
export const LEFT_HANGUL = 2;
export const LEFT_KANA = 4;
export const RIGHT_WORD = 8;
export const RIGHT_KANA = 16;
/**
 * Set on bare Latin surnames (ambiguous and titled forms): they do not count
 * when another capitalised word follows, which makes them part of somebody
 * else's full name ("Lee Kuan Yew", "Wang Qishan", "President Lee Myung-bak").
 */
export const NOT_BEFORE_CAPITAL = 32;
/**
 * Set on one-character names (the Korean press's 韓, 美, 中, 日, 北, 미):
 * neither neighbour may be Han, kana or a digit ("一日中", "30日"), nor
 * Hangul before ("한미"); a Hangul name must be followed by a space or
 * punctuation ("미 의회", not "미국"), a Han one may take a particle (韓에)
 * and must have Hangul around it.
 */
export const STANDALONE = 256;
/**
 * Set on a country's Korean names: 대(對, "towards") may be glued before them
 * when it starts the word ("대중국 관세"), though no other Hangul may.
 */
export const AFTER_DAE = 512;
const DAE = 0xb300;

const PERIOD = 46;
const ELLIPSIS = 0x2026;
const HYPHEN = 45;
const COMMA = 44;

/** Boundary flags of a folded pattern, from the scripts of its first and last units. */
export function boundaryFlags(folded: string): number {
  const first = folded.charCodeAt(0);
  const last = folded.charCodeAt(folded.length - 1);
  let flags = 0;
  if (isWordUnit(first)) flags |= LEFT_WORD;
  else if (isHangul(first)) flags |= LEFT_HANGUL;
  else if (isKatakana(first)) flags |= LEFT_KANA;
  // "U.S." must not match the start of "U.S.S.R.": a final period of an
  // abbreviation takes the word rule too.
  if (isWordUnit(last) || (last === PERIOD && folded.length > 1)) flags |= RIGHT_WORD;
  else if (isKatakana(last)) flags |= RIGHT_KANA;
  return flags;
}

/** Do the folded units around [fs, fe) allow a match with these flags? */
export function boundariesHold(
  flags: number,
  u: Uint16Array,
  n: number,
  fs: number,
  fe: number,
): boolean {
  if (fs > 0) {
    const p = u[fs - 1]!;
    if (flags & LEFT_WORD) {
      if (isWordUnit(p)) return false;
      if ((p === COMMA || p === PERIOD) && fs > 1 && isDigitUnit(u[fs]!) && isDigitUnit(u[fs - 2]!))
        return false;
    } else if (flags & LEFT_HANGUL) {
      if (isHangul(p) && !(flags & AFTER_DAE && p === DAE && (fs < 2 || !isHangul(u[fs - 2]!))))
        return false;
    } else if (flags & LEFT_KANA) {
      if (isKatakana(p)) return false;
    }
  }
  if (flags & STANDALONE && !standsAlone(u, n, fs, fe)) return false;
  if (fe < n) {
    const x = u[fe]!;
    if (flags & RIGHT_WORD) {
      if (isWordUnit(x)) return false;
    } else if (flags & RIGHT_KANA) {
      if (isKatakana(x)) return false;
    }
  }
  return true;
}

/** Brackets around a lone character make it an abbreviation of something else: 日 for Sunday in "(日)". */
const BRACKETS = new Set([0x28, 0x29, 0xff08, 0xff09]);

function standsAlone(u: Uint16Array, n: number, fs: number, fe: number): boolean {
  const near = (x: number) => isCjk(x) || isDigitUnit(x) || x === DOT || BRACKETS.has(x);
  if (fs > 0 && (near(u[fs - 1]!) || isHangul(u[fs - 1]!))) return false;
  if (fe < n && near(u[fe]!)) return false;
  // "직원들이 미...": a word cut off by an ellipsis, not a name.
  if (fe < n && (u[fe] === ELLIPSIS || (u[fe] === PERIOD && u[fe + 1] === PERIOD))) return false;
  // "한-미 정상회담": joined by a hyphen to another name, a compound of them.
  const joined = (x: number) => isCjk(x) || isHangul(x);
  if (fs > 1 && u[fs - 1] === HYPHEN && joined(u[fs - 2]!)) return false;
  if (fe + 1 < n && u[fe] === HYPHEN && joined(u[fe + 1]!)) return false;
  if (isHangul(u[fs]!) && fe < n && (isHangul(u[fe]!) || isWordUnit(u[fe]!))) return false;
  // A lone Han character stands for a country only in the Korean press's
  // Hangul ("美 국무부"); amid Chinese or Japanese it is a word ("真、善、美").
  if (!isHangul(u[fs]!) && !hangulNear(u, n, fs, fe)) return false;
  return true;
}

/** How far (in folded units) a Korean abbreviation looks for the Hangul around it. */
const HANGUL_WINDOW = 24;

function hangulNear(u: Uint16Array, n: number, fs: number, fe: number): boolean {
  for (let i = Math.max(0, fs - HANGUL_WINDOW); i < Math.min(n, fe + HANGUL_WINDOW); i++)
    if (isHangul(u[i]!)) return true;
  return false;
}
