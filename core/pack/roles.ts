/**
 * A person's role in the articles' own words: the run of capitalised words
 * directly before a mention that ends in a title noun ("Chinese Foreign
 * Minister Wang Yi", "U.S. President Donald Trump", "North Korean leader Kim").
 * Taken verbatim from the sentence, never composed.
 */

/** Words a role can end with (the word next to the name); lowercase forms are accepted too. */
// prettier-ignore
const TITLE_NOUNS = new Set([
  'president', 'minister', 'premier', 'chancellor', 'leader', 'chairman', 'chairwoman', 'chair',
  'chairperson', 'secretary', 'ambassador', 'envoy', 'governor', 'mayor', 'senator',
  'representative', 'lawmaker', 'speaker', 'spokesperson', 'spokesman', 'spokeswoman', 'king',
  'queen', 'emperor', 'prince', 'princess', 'general', 'admiral', 'commander', 'director',
  'chief', 'head', 'ceo', 'commissioner', 'counselor', 'adviser', 'advisor', 'justice', 'judge',
  'pope', 'vice-president', 'vice-minister',
]);

/** Capitalised words that open a sentence or clause rather than belong to a role. */
// prettier-ignore
const LEADING_STOPWORDS = new Set([
  'a', 'an', 'the', 'this', 'that', 'on', 'in', 'at', 'with', 'by', 'for', 'from', 'to', 'and',
  'but', 'or', 'as', 'if', 'when', 'while', 'after', 'before', 'since', 'also', 'notably',
  'however', 'meanwhile', 'moreover', 'then', 'still', 'both',
]);

/** Words of a role: capitalised words, initialisms ("U.S."), hyphenated titles ("Vice-President"). */
const ROLE_WORD = /^(?:\p{Lu}[\p{L}\p{M}-]*|(?:\p{Lu}\.)+)$/u;

/**
 * The role phrase directly before `mentionStart` in `sentence`, or undefined.
 * Returns offsets into the sentence so the caller can check it is verbatim.
 */
export function roleBefore(
  sentence: string,
  mentionStart: number,
): { text: string; start: number; end: number } | undefined {
  const words: Array<{ w: string; start: number }> = [];
  let end = mentionStart;
  // The run must touch the name: exactly one space between words.
  if (sentence[end - 1] !== ' ') return undefined;
  end -= 1;
  while (end > 0) {
    let s = end;
    while (s > 0 && sentence[s - 1] !== ' ') s--;
    const w = sentence.slice(s, end);
    const lower = w.toLowerCase();
    const acceptable = ROLE_WORD.test(w) || (words.length === 0 && TITLE_NOUNS.has(lower));
    if (!acceptable) break;
    words.unshift({ w, start: s });
    if (s === 0 || sentence[s - 1] !== ' ') break;
    end = s - 1;
  }
  while (words.length > 0 && LEADING_STOPWORDS.has(words[0]!.w.toLowerCase())) words.shift();
  const last = words[words.length - 1];
  if (!last || !TITLE_NOUNS.has(last.w.toLowerCase())) return undefined;
  const start = words[0]!.start;
  const stop = last.start + last.w.length;
  return { text: sentence.slice(start, stop), start, end: stop };
}

export interface RoleCandidate {
  text: string;
  /** order of first appearance, for ties */
  firstSeen: number;
  count: number;
}

/**
 * The role to show: the most frequent phrase, then the one with more words
 * ("Japanese Prime Minister" over "Prime Minister" when both occur as often),
 * then the first seen.
 */
export function pickRole(candidates: Iterable<RoleCandidate>): RoleCandidate | undefined {
  let best: RoleCandidate | undefined;
  const words = (s: string) => s.split(' ').length;
  for (const c of candidates) {
    if (
      !best ||
      c.count > best.count ||
      (c.count === best.count && words(c.text) > words(best.text)) ||
      (c.count === best.count && words(c.text) === words(best.text) && c.firstSeen < best.firstSeen)
    )
      best = c;
  }
  return best;
}
