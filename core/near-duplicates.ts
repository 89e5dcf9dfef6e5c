/**
 * Sentences that say the same thing ("has repeatedly stated" / "has
 * previously stated", one sentence in two packs, or twice in one article)
 * shown once, with every source. Similarity is the overlap of the two
 * sentences' words (Jaccard): Latin words as they are, and CJK text, which
 * has no spaces, as pairs of characters. Pure.
 */

/** Two sentences at least this alike are one line. */
export const NEAR_DUPLICATE = 0.8;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

/** The sentence's words (CJK runs as character pairs), lower-cased. */
export function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (!CJK.test(word)) {
      words.add(word);
      continue;
    }
    const chars = [...word];
    if (chars.length === 1) words.add(word);
    for (let i = 0; i + 1 < chars.length; i++) words.add(chars[i]! + chars[i + 1]!);
  }
  return words;
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * `lines` (best first) with each near-duplicate folded into the first line
 * it resembles, whose `also` lists the folded lines in their order.
 */
export function collapseNearDuplicates<T extends { text: string }>(
  lines: readonly T[],
): Array<T & { also?: T[] }> {
  const kept: Array<{ line: T & { also?: T[] }; words: Set<string> }> = [];
  for (const line of lines) {
    const words = wordsOf(line.text);
    const same = kept.find((k) => similarity(k.words, words) >= NEAR_DUPLICATE);
    if (same) (same.line.also ??= []).push(line);
    else kept.push({ line: { ...line }, words });
  }
  return kept.map((k) => k.line);
}
