/**
 * Sentence boundaries of an article, as [start, end) UTF-16 offsets into its
 * text, trimmed of surrounding whitespace. Every briefing line is one of these
 * slices, so the splitter errs on the side of *not* splitting: a sentence that
 * is too long still reads correctly, a sentence cut in half does not.
 *
 * Rules, in the order they are tried at a full stop / question / exclamation mark:
 * - CJK sentence ends (。！？) always end a sentence.
 * - A line break always ends a sentence (titles and paragraphs).
 * - A mark glued to a capital letter ("Peace Prize.Xi Jinping's…") ends a
 *   sentence when a lowercase letter or digit precedes it: the seed glues each
 *   section title to the previous body that way, while "U.S.A" and the title
 *   ellipsis "Summit...Will" have a capital or a dot before the mark.
 * - A mark followed by space then a capital, digit, opening quote or a
 *   Hangul/CJK character ends a sentence, except after an abbreviation or an
 *   initialism ("U.S. President", "Mr. Lee", "Oct. 28", "Donald J. Trump").
 *   After those it ends only when the next word is a common sentence opener
 *   ("…companies in the U.S. At this summit, …").
 */

/** Marks that end a sentence wherever they are (Chinese/Japanese full-width). */
const CJK_ENDS = new Set(['。', '！', '？', '｡']);
const LATIN_ENDS = new Set(['.', '!', '?', '…']);
/** Closing quotes and brackets that belong to the sentence they follow. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '}', '」', '』', '）', '】', '》', '〉']);
const OPENERS = new Set(['"', "'", '“', '‘', '(', '[', '「', '『', '（', '【', '《', '〈']);

/** Words before a dot that do not end a sentence on their own (lowercased, without dots). */
// prettier-ignore
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'sgt', 'adm', 'sen', 'rep', 'gov',
  'pres', 'amb', 'st', 'jr', 'sr', 'vs', 'etc', 'eg', 'ie', 'approx', 'dept', 'inc', 'co', 'corp',
  'ltd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'wed', 'thu', 'fri', 'cf',
]);
/** Abbreviations only before a number ("No. 1", "p. 12"); "said no. Then…" ends a sentence. */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'vol', 'p', 'pp', 'fig', 'art']);

/**
 * Words that usually open a sentence and almost never follow "U.S." or an
 * initial inside one. After an abbreviation, only these make the dot a
 * sentence end.
 */
// prettier-ignore
const SENTENCE_OPENERS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we',
  'i', 'you', 'his', 'her', 'their', 'our', 'my', 'there', 'here', 'at', 'in', 'on', 'for',
  'with', 'by', 'from', 'after', 'before', 'since', 'during', 'as', 'if', 'when', 'while',
  'although', 'though', 'but', 'and', 'or', 'so', 'yet', 'however', 'meanwhile', 'moreover',
  'furthermore', 'also', 'still', 'notably', 'instead', 'some', 'many', 'most', 'such', 'both',
  'all', 'no', 'not', 'what', 'who', 'why', 'how', 'where', 'which', 'according', 'analysts',
  'officials', 'critics', 'experts',
]);

const LOWER_OR_DIGIT = /[\p{Ll}\p{N}]/u;
const UPPER = /\p{Lu}/u;
/** Hangul, kana and CJK ideographs: scripts whose sentences need not start with a capital. */
const CJK_OR_HANGUL = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

export type SentenceRange = [start: number, end: number];

/** Splits `text` into sentences; see the file comment for the rules. */
export function splitSentences(text: string): SentenceRange[] {
  const out: SentenceRange[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) out.push([s, e]);
    start = end;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') {
      push(i);
      continue;
    }
    if (CJK_ENDS.has(ch)) {
      push(skipClosers(text, runEnd(text, i, CJK_ENDS)));
      i = start - 1;
      continue;
    }
    if (!LATIN_ENDS.has(ch)) continue;

    // A run of marks ("...", "?!") is one boundary candidate.
    const markEnd = runEnd(text, i, LATIN_ENDS);
    const after = skipClosers(text, markEnd);
    const run = text.slice(i, markEnd);
    if (isBoundary(text, i, markEnd, after, run)) {
      push(after);
      i = after - 1;
    } else {
      i = markEnd - 1;
    }
  }
  push(text.length);
  return out;
}

function runEnd(text: string, i: number, set: Set<string>): number {
  let j = i;
  while (j < text.length && set.has(text[j]!)) j++;
  return j;
}

function skipClosers(text: string, i: number): number {
  let j = i;
  while (j < text.length && CLOSERS.has(text[j]!)) j++;
  return j;
}

/** Is the mark run text[markStart, markEnd) (closers up to `after`) the end of a sentence? */
function isBoundary(
  text: string,
  markStart: number,
  markEnd: number,
  after: number,
  run: string,
): boolean {
  if (after >= text.length) return true;
  const before = text[markStart - 1] ?? '';
  const isEllipsis = run === '…' || run.length >= 3;
  const next = text[after]!;

  // Glued: "Prize.Xi", "했다.그러나". A decimal "3.5" or "U.S.-China" never gets here as a split.
  if (!SPACE.test(next)) {
    if (isEllipsis) return false;
    if (after === markEnd && !LOWER_OR_DIGIT.test(before) && !CJK_OR_HANGUL.test(before))
      return false;
    if (UPPER.test(next)) return !endsWithAbbreviation(text, markStart);
    return CJK_OR_HANGUL.test(before) && CJK_OR_HANGUL.test(next);
  }

  let k = after;
  while (k < text.length && SPACE.test(text[k]!)) k++;
  if (k >= text.length) return true;
  let first = text[k]!;
  if (OPENERS.has(first) && k + 1 < text.length) first = text[k + 1]!;
  const startsSentence =
    UPPER.test(first) || /\p{N}/u.test(first) || CJK_OR_HANGUL.test(first) || OPENERS.has(text[k]!);
  if (!startsSentence) return false;
  if (run === '.' && endsWithAbbreviation(text, markStart))
    return SENTENCE_OPENERS.has(nextWord(text, k).toLowerCase());
  if (run === '.' && /\p{N}/u.test(first) && NUMBER_ABBREVIATIONS.has(wordBefore(text, markStart)))
    return false;
  return true;
}

/** The word before the dot at `dot`, lowercased, without its inner dots ("U.S" → "us"). */
function wordBefore(text: string, dot: number): string {
  let s = dot;
  while (s > 0 && (WORD_CHAR.test(text[s - 1]!) || text[s - 1] === '.')) s--;
  return text.slice(s, dot).replace(/\./g, '').toLowerCase();
}

/** Does the word just before the dot at `dot` look like "U.S", "J", "Mr" or "Oct"? */
function endsWithAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && (WORD_CHAR.test(text[s - 1]!) || text[s - 1] === '.')) s--;
  const word = text.slice(s, dot);
  if (word === '') return false;
  // Initials and initialisms: "J", "U.S", "U.K", "e.g" — one letter between dots.
  if (/^(\p{L}\.)*\p{L}$/u.test(word)) return /^\p{Lu}/u.test(word) || word.includes('.');
  return ABBREVIATIONS.has(word.replace(/\./g, '').toLowerCase());
}

function nextWord(text: string, i: number): string {
  let j = i;
  while (j < text.length && OPENERS.has(text[j]!)) j++;
  let e = j;
  while (e < text.length && WORD_CHAR.test(text[e]!)) e++;
  return text.slice(j, e);
}

/** The sentences as strings (for tests and debugging). */
export function sentenceTexts(text: string): string[] {
  return splitSentences(text).map(([s, e]) => text.slice(s, e));
}
