/**
 * The automaton against a naive search, on random patterns and texts over a
 * small alphabet (so that patterns overlap and share prefixes and suffixes).
 * The reference applies the same word-start rule the automaton builds in:
 * a pattern that starts with a Latin letter does not start inside a word.
 */
import { describe, expect, test } from 'vitest';
import { buildAutomaton, Hits, scan } from '../../../core/recognition/automaton';
import { isWordUnit } from '../../../core/recognition/normalise';

const ALPHABET = ['a', 'b', 'c', ' ', '茂', '木', '高', '市'];

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  for (let end = 0; end < text.length; end++)
    patterns.forEach((p, i) => {
      const start = end + 1 - p.length;
      if (start < 0 || text.slice(start, end + 1) !== p) return;
      if (start > 0 && isWordUnit(p.charCodeAt(0)) && isWordUnit(text.charCodeAt(start - 1)))
        return;
      out.push(`${end}:${i}`);
    });
  return out.sort();
}

describe('Aho–Corasick scan', () => {
  let seed = 99;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const word = (max: number) =>
    Array.from(
      { length: 1 + Math.floor(rnd() * max) },
      () => ALPHABET[Math.floor(rnd() * ALPHABET.length)],
    ).join('');

  test('finds exactly what the naive search finds, on 300 random packs', () => {
    const hits = new Hits();
    for (let k = 0; k < 300; k++) {
      const patterns = [
        ...new Set(Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => word(5))),
      ].sort();
      const text = word(60);
      const { automaton, terminals } = buildAutomaton(patterns);
      const byState = new Map<number, number>();
      terminals.forEach((t, i) => byState.set(t, i));
      const units = Uint16Array.from(text, (ch) => ch.charCodeAt(0));
      scan(automaton, units, units.length, hits);
      const got: string[] = [];
      for (let h = 0; h < hits.length; h += 2)
        got.push(`${hits.data[h]}:${byState.get(hits.data[h + 1]!)}`);
      expect(got.sort(), JSON.stringify({ patterns, text })).toEqual(naive(patterns, text));
    }
  });

  test('grows its hit buffer', () => {
    const { automaton } = buildAutomaton(['a']);
    const units = new Uint16Array(5000).fill(' '.charCodeAt(0));
    for (let i = 0; i < units.length; i += 2) units[i] = 'a'.charCodeAt(0);
    const hits = new Hits();
    scan(automaton, units, units.length, hits);
    expect(hits.length).toBe(5000);
  });
});
