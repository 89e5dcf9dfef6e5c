/**
 * An Aho–Corasick automaton over folded UTF-16 units, in flat typed arrays.
 * One pass over the text finds every occurrence of every pattern; the work
 * per character does not grow with the number of patterns (amortised one or
 * two child look-ups, plus one per match reported).
 *
 * Layout. States are numbered breadth-first, which makes the children of a
 * state consecutive numbers: `first[s]` is the first child, `count[s]` how
 * many, `label[c]` the unit that leads to child c, sorted, so a look-up is a
 * short scan (a binary search for the few states with many children). The
 * root, which most characters of a page return to, has a two-level table
 * (high byte → block of 256) instead, whose first block (Latin-1) is read
 * directly. `fail` is the usual failure link; `out[s]` is the nearest state
 * on s's failure chain (s itself included) where a pattern ends, 0 when none,
 * so reporting costs nothing at the many positions where nothing ends.
 *
 * Build. Patterns arrive sorted, so the trie is built by comparing each
 * pattern with the previous one (no hashing), then renumbered breadth-first
 * with a counting sort. Everything is linear in the total pattern length
 * apart from the caller's sort.
 *
 * Word-start gating. A pattern that begins with a Latin letter or digit can
 * only match at the start of a word (boundaries.ts rejects the rest), so the
 * automaton never starts one inside a word: from the root it does not move
 * on a word unit that follows a word unit, and failure links skip suffixes
 * that would start inside a word. On Latin text this halves the work (most
 * letters are not the first of a word) and finds the same valid matches.
 */
import { WORD_LIMIT, WORD_UNITS } from './normalise';

export interface Automaton {
  first: Int32Array;
  count: Int32Array;
  label: Uint16Array;
  fail: Int32Array;
  out: Int32Array;
  /** depth of each state: the length, in folded units, of the pattern ending there */
  depth: Uint16Array;
  rootHigh: Int32Array;
  rootLow: Int32Array;
  states: number;
}

/** Children above this count are searched by bisection. */
const LINEAR_CHILDREN = 12;

function child(a: Automaton, s: number, c: number): number {
  if (s === 0) {
    const b = a.rootHigh[c >>> 8]!;
    return b < 0 ? -1 : a.rootLow[b + (c & 255)]! || -1;
  }
  let lo = a.first[s]!;
  let hi = lo + a.count[s]!;
  const label = a.label;
  while (hi - lo > LINEAR_CHILDREN) {
    const mid = (lo + hi) >>> 1;
    if (label[mid]! <= c) lo = mid;
    else hi = mid;
  }
  for (; lo < hi; lo++) {
    const l = label[lo]!;
    if (l === c) return lo;
    if (l > c) break;
  }
  return -1;
}

/**
 * Builds the automaton for `sorted` (distinct, non-empty, sorted by UTF-16
 * units as `Array.prototype.sort` does). Returns it with the state where
 * each pattern ends, in input order.
 */
export function buildAutomaton(sorted: readonly string[]): {
  automaton: Automaton;
  terminals: Int32Array;
} {
  let total = 1;
  let maxLen = 0;
  for (const p of sorted) {
    total += p.length;
    if (p.length > maxLen) maxLen = p.length;
  }
  // Trie in creation (depth-first) order.
  const parent0 = new Int32Array(total);
  const label0 = new Uint16Array(total);
  const depth0 = new Uint16Array(total);
  const path = new Int32Array(maxLen + 1);
  const terminal0 = new Int32Array(sorted.length);
  let nodes = 1;
  let prev = '';
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    let lcp = 0;
    const m = Math.min(p.length, prev.length);
    while (lcp < m && p.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    let node = path[lcp]!;
    for (let j = lcp; j < p.length; j++) {
      const id = nodes++;
      parent0[id] = node;
      label0[id] = p.charCodeAt(j);
      depth0[id] = j + 1;
      path[j + 1] = id;
      node = id;
    }
    terminal0[i] = node;
    prev = p;
  }

  // Children of each node, in creation order = sorted by label.
  const childStart0 = new Int32Array(nodes + 1);
  for (let id = 1; id < nodes; id++) childStart0[parent0[id]! + 1]!++;
  for (let id = 0; id < nodes; id++) childStart0[id + 1]! += childStart0[id]!;
  const fillPos = childStart0.slice(0, nodes);
  const children0 = new Int32Array(Math.max(nodes - 1, 1));
  for (let id = 1; id < nodes; id++) children0[fillPos[parent0[id]!]!++] = id;

  // Breadth-first renumbering.
  const first = new Int32Array(nodes);
  const count = new Int32Array(nodes);
  const label = new Uint16Array(nodes);
  const depth = new Uint16Array(nodes);
  const parent = new Int32Array(nodes);
  const newId = new Int32Array(nodes);
  const oldId = new Int32Array(nodes);
  let next = 1;
  for (let q = 0; q < next; q++) {
    const old = oldId[q]!;
    const from = childStart0[old]!;
    const to = childStart0[old + 1]!;
    first[q] = next;
    count[q] = to - from;
    for (let k = from; k < to; k++) {
      const c = children0[k]!;
      newId[c] = next;
      oldId[next] = c;
      label[next] = label0[c]!;
      depth[next] = depth0[c]!;
      parent[next] = q;
      next++;
    }
  }
  const terminals = new Int32Array(sorted.length);
  const isTerminal = new Uint8Array(nodes);
  for (let i = 0; i < sorted.length; i++) {
    const t = newId[terminal0[i]!]!;
    terminals[i] = t;
    isTerminal[t] = 1;
  }

  // Root table: one 256-entry block per high byte that starts some pattern.
  // Block 0 (Latin-1) always exists, first, so the scan reads it without the high table.
  const rootHigh = new Int32Array(256).fill(-1);
  rootHigh[0] = 0;
  let blocks = 1;
  for (let k = first[0]!; k < first[0]! + count[0]!; k++) {
    const hi = label[k]! >>> 8;
    if (rootHigh[hi]! < 0) rootHigh[hi] = 256 * blocks++;
  }
  const rootLow = new Int32Array(blocks * 256);
  for (let k = first[0]!; k < first[0]! + count[0]!; k++)
    rootLow[rootHigh[label[k]! >>> 8]! + (label[k]! & 255)] = k;

  const fail = new Int32Array(nodes);
  const out = new Int32Array(nodes);
  const automaton: Automaton = {
    first,
    count,
    label,
    fail,
    out,
    depth,
    rootHigh,
    rootLow,
    states: nodes,
  };
  for (let q = 1; q < nodes; q++) {
    const p = parent[q]!;
    let f = 0;
    if (p !== 0) {
      const c = label[q]!;
      // From the root, c would start a match right after the unit before it.
      const gated = isWord(c) && isWord(label[p]!);
      let r = fail[p]!;
      for (;;) {
        const t = r === 0 && gated ? -1 : child(automaton, r, c);
        if (t >= 0) {
          f = t;
          break;
        }
        if (r === 0) break;
        r = fail[r]!;
      }
    }
    fail[q] = f;
    out[q] = isTerminal[q] ? q : out[f]!;
  }
  return { automaton, terminals };
}

const isWord = (c: number) => c < WORD_LIMIT && WORD_UNITS[c] === 1;

/** Growable list of (end position, state) pairs found by `scan`. */
export class Hits {
  data = new Int32Array(256);
  length = 0;

  push(end: number, state: number): void {
    if (this.length + 2 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = end;
    this.data[this.length++] = state;
  }
}

/**
 * Every (last folded position, pattern-end state) of `u[0..n)`, in order of
 * position. The hot loop of the content script: no allocation, no calls.
 */
export function scan(a: Automaton, u: Uint16Array, n: number, hits: Hits): void {
  const { first, count, label, fail, out, rootHigh, rootLow } = a;
  hits.length = 0;
  let s = 0;
  let prevWord = 0;
  outer: for (let k = 0; k < n; k++) {
    let c = u[k]!;
    let word = c < WORD_LIMIT ? WORD_UNITS[c]! : 0;
    if (s === 0 && (word & prevWord) !== 0) {
      // At the root inside a Latin word, where nothing can start: skip to its end.
      do {
        if (++k === n) break outer;
        c = u[k]!;
        word = c < WORD_LIMIT ? WORD_UNITS[c]! : 0;
      } while (word !== 0);
    }
    for (;;) {
      if (s === 0) {
        if ((word & prevWord) === 0) {
          if (c < 256) s = rootLow[c]!;
          else {
            const b = rootHigh[c >>> 8]!;
            if (b >= 0) s = rootLow[b + (c & 255)]!;
          }
        }
        break;
      }
      let j = first[s]!;
      let e = j + count[s]!;
      while (e - j > LINEAR_CHILDREN) {
        const mid = (j + e) >>> 1;
        if (label[mid]! <= c) j = mid;
        else e = mid;
      }
      while (j < e && label[j]! < c) j++;
      if (j < e && label[j] === c) {
        s = j;
        break;
      }
      s = fail[s]!;
    }
    prevWord = word;
    if (s === 0) continue;
    let t = out[s]!;
    while (t !== 0) {
      hits.push(k, t);
      t = out[fail[t]!]!;
    }
  }
}
