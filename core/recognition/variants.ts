/**
 * Spellings that news writes interchangeably for one alias, derived when the
 * matcher is compiled so that pack authors write each name once. Folding
 * (normalise.ts) already covers case, width, dash and apostrophe look-alikes
 * and separators inside Han/kana names; what remains is here.
 */
import { isHangul } from './normalise';

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;

/**
 * Hyphenated romanised given names: "Lee Jae-myung" is also written
 * "Lee Jae myung" and "Lee Jaemyung". A hyphen between letters becomes a
 * space; it is dropped only inside a word (a lower-case letter follows), so
 * "South Korea-U.S." never becomes "South KoreaU.S.".
 */
export function hyphenVariants(alias: string): string[] {
  if (!alias.includes('-')) return [alias];
  let spaced = '';
  let joined = '';
  let canJoin = false;
  let changed = false;
  for (let i = 0; i < alias.length; i++) {
    const ch = alias[i]!;
    const before = alias[i - 1] ?? '';
    const after = alias[i + 1] ?? '';
    if (ch !== '-' || !LETTER.test(before) || !LETTER.test(after)) {
      spaced += ch;
      joined += ch;
      continue;
    }
    changed = true;
    spaced += ' ';
    if (LOWER.test(after)) canJoin = true;
    else joined += ' ';
  }
  if (!changed) return [alias];
  return canJoin ? [alias, spaced, joined] : [alias, spaced];
}

/**
 * Korean writes the parts of a name or phrase with or without a space
 * ("모테기 도시미쓰", "모테기도시미쓰"; "APEC 정상회의", "APEC정상회의"):
 * spaces next to Hangul are optional.
 */
export function hangulSpacingVariants(alias: string): string[] {
  if (!alias.includes(' ')) return [alias];
  let joined = '';
  for (let i = 0; i < alias.length; i++) {
    const ch = alias[i]!;
    if (ch === ' ') {
      const prev = alias.charCodeAt(i - 1);
      const next = alias.charCodeAt(i + 1);
      if (isHangul(prev) || isHangul(next)) continue;
    }
    joined += ch;
  }
  return joined === alias ? [alias] : [alias, joined];
}

const CAPITALISED = /^[A-Z]/;
/** Hepburn-style romanised Japanese: every syllable a (consonant +) vowel, or n. */
const ROMAJI = /^(?:(?:(?:[kgsztdnhbpmr]y?|sh|ch|j|ts|f|w|y)?[aiueo])|n)+$/i;
/** A hyphenated Korean given name such as "Jae-myung". */
const KOREAN_GIVEN = /^[A-Z][a-z]+-[a-z]+$/;
/** A one-syllable romanised Korean surname such as "Lee", "Kim", "Park". */
const KOREAN_SURNAME = /^[A-Z][a-z]{1,4}$/;

/**
 * The other name order of a two-part Latin name of an East Asian person:
 * "Toshimitsu Motegi" ↔ "Motegi Toshimitsu", "Lee Jae-myung" → "Jae-myung Lee".
 * Only where both orders occur in English news: Japanese names (both parts
 * romaji, at least three letters) and Korean names (a one-syllable surname
 * and a hyphenated given name). Chinese names ("Xi Jinping") keep their
 * order, and Western names ("Donald Trump") are never turned round.
 */
export function reversedName(alias: string): string | undefined {
  const parts = alias.split(' ');
  if (parts.length !== 2) return undefined;
  const [a, b] = parts as [string, string];
  if (!CAPITALISED.test(a) || !CAPITALISED.test(b)) return undefined;
  const japanese = a.length >= 3 && b.length >= 3 && ROMAJI.test(a) && ROMAJI.test(b);
  const korean =
    (KOREAN_SURNAME.test(a) && KOREAN_GIVEN.test(b)) ||
    (KOREAN_GIVEN.test(a) && KOREAN_SURNAME.test(b));
  return japanese || korean ? `${b} ${a}` : undefined;
}

/** Every spelling of a full alias (reversed order, hyphens, Korean spacing), deduplicated. */
export function aliasVariants(alias: string, withOrder: boolean): string[] {
  if (!alias.includes(' ') && !alias.includes('-')) return [alias];
  const bases = [alias];
  const reversed = withOrder ? reversedName(alias) : undefined;
  if (reversed) bases.push(reversed);
  const out = new Set<string>();
  for (const b of bases)
    for (const h of hyphenVariants(b)) for (const k of hangulSpacingVariants(h)) out.add(k);
  return [...out];
}
