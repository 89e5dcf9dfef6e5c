/**
 * Aliases that would hurt the reader: a form that lights up on nearly every
 * page (one letter, a common word) or one that can never match (nothing left
 * after the matcher's folding: only spaces, marks or invisible characters).
 * Checked for every pack, bundled or imported, by validate.ts.
 *
 * One character is too short, except a single Han character or Hangul
 * syllable: Korean and Japanese news abbreviate countries so (韓, 中, 日 in
 * "韓中日", 미 in "한미"), and the matcher's context rules handle them; the
 * syllables that are words of their own (이, 그, 수 …) are in the common words. The common words are per language,
 * the few dozen most frequent function words and words of every news story;
 * an all-capital Latin form ("US", "IT") is an acronym, not the word.
 */
import type { Language } from './types';
import { foldString } from '../recognition/normalise';

const SYLLABLE = /^[\p{Script=Han}\p{Script=Hangul}]$/u;

const COMMON_WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set(
    (
      'the a an and or but if of to in on at by for with from as into about after before ' +
      'is are was were be been has have had do does did will would can could may might must ' +
      'it its this that these those he she him her his they them their we us our you your i me my ' +
      'not no yes all any some one two new old more most other such than then there here who what ' +
      'when where which why how said says say also just over under up down out very'
    ).split(' '),
  ),
  ko: new Set(
    '것 수 등 및 또 더 그 저 이 그리고 하지만 그러나 또는 우리 오늘 어제 내일 이번 지난 올해 정부 대통령 장관 기자'.split(
      ' ',
    ),
  ),
  ja: new Set(
    'の は が を に で と も や へ これ それ あれ この その こと もの ため よう など 日 年 月 人 大 今日 昨日 政府 首相 記者'.split(
      ' ',
    ),
  ),
  'zh-Hans': new Set(
    '的 是 在 了 和 有 我 他 她 它 也 就 不 人 这 那 一 个 中 大 上 为 会 年 月 日 今天 昨天 政府 记者'.split(
      ' ',
    ),
  ),
  'zh-Hant': new Set(
    '的 是 在 了 和 有 我 他 她 它 也 就 不 人 這 那 一 個 中 大 上 為 會 年 月 日 今天 昨天 政府 記者'.split(
      ' ',
    ),
  ),
};

const isAcronym = (form: string) => /^[A-Z]{2,}$/.test(form);

/** What is wrong with `form` as an alias in `language`, or null. */
export function aliasProblem(form: string, language: Language): string | null {
  if (foldString(form) === '')
    return 'has no character the matcher can find (only spaces, marks or invisible characters), so it could never match';
  const letters = [...form.trim()];
  if (letters.length < 2 && !SYLLABLE.test(form.trim()))
    return `is a single character ("${form.trim()}"): it would light up on nearly every page`;
  const word = isAcronym(form.trim()) ? null : form.trim().toLowerCase();
  if (word !== null && COMMON_WORDS[language].has(word))
    return `is a common word ("${form.trim()}"): it would light up on nearly every page`;
  return null;
}

/** Forms of the `ambiguous` and `titled` lists, which count only in context: they only need to be matchable. */
export function contextFormProblem(form: string): string | null {
  return foldString(form) === ''
    ? 'has no character the matcher can find (only spaces, marks or invisible characters), so it could never match'
    : null;
}
