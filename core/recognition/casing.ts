/**
 * The case rule for Latin names: a proper name matches when the page writes
 * it capitalised or in capitals ("Trump", "TRUMP", "TAKAICHI"), and a lower
 * case word is not a name ("a trump card", "trumped-up charges") unless the
 * alias itself is lower case ("semiconductors"). Matching itself is case
 * insensitive; each pattern keeps the positions whose letter must be upper
 * case in the page, and only candidates are checked.
 */
import { isDigitUnit, isUpperUnit, isWordUnit } from './normalise';

/**
 * Positions (in the folded pattern) that must be upper case: the first letter
 * of every capitalised word of the alias, and every letter of an all-capitals
 * word of two or more letters ("APEC", "US": "Apec" and "Us" are not them).
 * `units`/`offs` are the alias folded, `n` long; null when nothing is required.
 */
export function upperPositions(
  source: string,
  units: Uint16Array,
  offs: Int32Array,
  n: number,
): number[] | null {
  let out: number[] | null = null;
  let j = 0;
  while (j < n) {
    if (!isWordUnit(units[j]!)) {
      j++;
      continue;
    }
    let e = j;
    let letters = 0;
    let uppers = 0;
    for (; e < n && isWordUnit(units[e]!); e++)
      if (!isDigitUnit(units[e]!)) {
        letters++;
        if (isUpperUnit(source.charCodeAt(offs[e]!))) uppers++;
      }
    if (letters >= 2 && uppers === letters) {
      out ??= [];
      for (let i = j; i < e; i++) if (!isDigitUnit(units[i]!)) out.push(i);
    } else if (!isDigitUnit(units[j]!) && isUpperUnit(source.charCodeAt(offs[j]!))) {
      (out ??= []).push(j);
    }
    j = e;
  }
  return out;
}

/** Are the required letters upper case in the page? `offs` maps folded positions to the text. */
export function casingHolds(
  text: string,
  offs: Int32Array,
  fs: number,
  pool: Uint16Array,
  from: number,
  count: number,
): boolean {
  for (let i = from; i < from + count; i++)
    if (!isUpperUnit(text.charCodeAt(offs[fs + pool[i]!]!))) return false;
  return true;
}
