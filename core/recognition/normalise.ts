/**
 * Folding text for matching while keeping offsets. Aliases (`foldAlias`, at
 * compile time) and page text (`foldText`) are folded by the same rules, so
 * whatever the rules treat as equal matches as equal.
 *
 * One UTF-16 unit in gives at most one unit out (never more), so the folded
 * text fits in a buffer of the input's length and every folded unit keeps the
 * offset of the unit it came from. What it folds:
 * - Latin, Greek and Cyrillic to lower case, and compatibility forms to their
 *   NFKC form (full-width ＡＰＥＣ → apec, half-width ｶﾀｶﾅ → カタカナ; what
 *   NFKC would make two units, like the ligature ﬁ, stays as it is);
 * - every kind of space to one space, and a run of separators to its first;
 * - hyphen and dash look-alikes (‐ ‑ ‒ – − －) to "-", curly apostrophes to "'";
 * - name separators (・ · ‧ ･ and spaces) between two Han/kana characters are
 *   dropped: Japanese and Chinese write 茂木 敏充 (with an ASCII or an
 *   ideographic space) and イ・ジェミョン for 茂木敏充 and イジェミョン;
 * - a combining mark is composed with the unit before it (NFC), so decomposed
 *   Hangul (macOS file names, some CMSs) and ｶﾞ-style half-width kana match;
 * - zero-width characters and the soft hyphen are dropped.
 * The tables are computed from `String.prototype.normalize` at load time, so
 * none is shipped in the bundle.
 */

/** `foldUnit` result for a unit that is dropped (zero-width space, soft hyphen…). */
export const DROP = 0xffff;
/** The folded form of every name separator that is not a space. */
export const DOT = 0x30fb;
export const SPACE = 32;

/** Units below this are folded by table lookup; above, by `foldHigh`. */
const LOW_LIMIT = 0x2070;
/** The fold of every unit below LOW_LIMIT; `foldText` reads it directly for ASCII. */
const LOW = buildLowTable();
/** Half-width katakana and punctuation (U+FF61–FF9F) → full-width, by NFKC. */
const HALF_KANA = buildRange(0xff61, 0xff9f);
/** CJK compatibility ideographs (U+F900–FAFF) → unified ideographs, by NFKC. */
const COMPAT_HAN = buildRange(0xf900, 0xfaff);

function nfkcLower(c: number): number {
  const s = String.fromCharCode(c).normalize('NFKC').toLowerCase();
  return s.length === 1 ? s.charCodeAt(0) : c;
}

function buildRange(from: number, to: number): Uint16Array {
  const t = new Uint16Array(to - from + 1);
  for (let c = from; c <= to; c++) t[c - from] = nfkcLower(c);
  return t;
}

function buildLowTable(): Uint16Array {
  const t = new Uint16Array(LOW_LIMIT);
  for (let c = 0; c < LOW_LIMIT; c++) t[c] = c;
  for (let c = 65; c <= 90; c++) t[c] = c + 32;
  // Latin-1 and Latin Extended, Greek and Cyrillic, Latin Extended Additional
  // (Vietnamese), General Punctuation: lower case of the NFKC form.
  for (const [from, to] of [
    [0x80, 0x24f],
    [0x370, 0x52f],
    [0x1e00, 0x1eff],
    [0x2000, 0x206f],
  ] as const)
    for (let c = from; c <= to; c++) t[c] = nfkcLower(c);
  for (const c of [9, 10, 11, 12, 13, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f])
    t[c] = SPACE;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = SPACE;
  // Invisible: soft hyphen, zero-width space/joiners, direction marks, word joiner.
  for (const c of [0xad, 0x34f, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060])
    t[c] = DROP;
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013]) t[c] = 45; // hyphens, en dash → "-"
  for (const c of [0x60, 0xb4, 0x2bc, 0x2018, 0x2019, 0x201b, 0x2032]) t[c] = 39; // → "'"
  for (const c of [0x201c, 0x201d, 0x201f, 0x2033]) t[c] = 34; // → '"'
  for (const c of [0xb7, 0x2027]) t[c] = DOT;
  return t;
}

/** Fold of a unit at or above LOW_LIMIT that is neither Han nor a Hangul syllable. */
function foldHigh(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) {
    const a = c - 0xfee0; // full-width ASCII
    return a >= 65 && a <= 90 ? a + 32 : a;
  }
  if (c === 0x3000) return SPACE;
  if (c >= 0xff61 && c <= 0xff9f) return HALF_KANA[c - 0xff61]!;
  if (c >= 0xf900 && c <= 0xfaff) return COMPAT_HAN[c - 0xf900]!;
  if (c === 0x2212 || c === 0xfe58 || c === 0xfe63) return 45;
  if (c === 0x30a0) return DOT;
  if (c === 0xfeff || (c >= 0xfe00 && c <= 0xfe0f)) return DROP;
  return c;
}

/**
 * The fold of one unit: a unit, SPACE or DOT for a separator, DROP, or a
 * combining mark (see `isCombining`) to compose with the unit before.
 */
export function foldUnit(c: number): number {
  if (c < LOW_LIMIT) return LOW[c]!;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)) return c;
  return foldHigh(c);
}

export function isCombining(f: number): boolean {
  return (f >= 0x300 && f <= 0x36f) || (f >= 0x1160 && f <= 0x11ff) || f === 0x3099 || f === 0x309a;
}

/** Han ideographs and kana: the scripts written without spaces between words. */
export function isCjk(f: number): boolean {
  return (
    (f >= 0x3400 && f <= 0x9fff) ||
    (f >= 0x3040 && f <= 0x30ff && f !== DOT && f !== 0x30a0) ||
    (f >= 0xf900 && f <= 0xfaff) ||
    (f >= 0x3005 && f <= 0x3007)
  );
}

/** Folded units at or above this are never part of a Latin-style word. */
export const WORD_LIMIT = 0x1f00;
/**
 * 1 for a folded unit that is part of a Latin-style word: a letter or digit
 * of Latin, Greek or Cyrillic (folded text has no upper case). A table, for
 * the automaton's inner loop.
 */
export const WORD_UNITS = buildWordTable();

function buildWordTable(): Uint8Array {
  const t = new Uint8Array(WORD_LIMIT);
  const set = (from: number, to: number) => t.fill(1, from, to + 1);
  set(48, 57);
  set(97, 122);
  set(0xdf, 0x24f);
  t[0xf7] = 0;
  set(0x370, 0x52f);
  set(0x1e00, 0x1eff);
  return t;
}

export function isWordUnit(f: number): boolean {
  return f < WORD_LIMIT && WORD_UNITS[f] === 1;
}

export function isDigitUnit(f: number): boolean {
  return f >= 48 && f <= 57;
}

export function isHangul(f: number): boolean {
  return (
    (f >= 0xac00 && f <= 0xd7a3) || (f >= 0x1100 && f <= 0x11ff) || (f >= 0x3130 && f <= 0x318f)
  );
}

/** Katakana letters and the long-vowel mark, not the middle dot. */
export function isKatakana(f: number): boolean {
  return (f >= 0x30a1 && f <= 0x30fa) || f === 0x30fc || (f >= 0x31f0 && f <= 0x31ff);
}

/** Is the *original* (unfolded) unit an upper-case letter? Only asked for a candidate match. */
export function isUpperUnit(c: number): boolean {
  if (c < 0x80) return c >= 65 && c <= 90;
  if (c >= 0xff21 && c <= 0xff3a) return true;
  const s = String.fromCharCode(c);
  return s.toLowerCase() !== s && s.toUpperCase() === s;
}

/** A reusable pair of buffers: folded units and, for each, the offset of its source unit. */
export class FoldBuffer {
  units = new Uint16Array(256);
  offs = new Int32Array(256);

  reserve(n: number): void {
    if (this.units.length >= n) return;
    const size = Math.max(n, this.units.length * 2);
    this.units = new Uint16Array(size);
    this.offs = new Int32Array(size);
  }

  /** Gives back the memory of an unusually long block (6 bytes a unit), kept otherwise. */
  trim(): void {
    if (this.units.length <= KEEP_UNITS) return;
    this.units = new Uint16Array(256);
    this.offs = new Int32Array(256);
  }
}

/** Buffers up to this many units (1.5 MB) stay allocated between blocks. */
const KEEP_UNITS = 1 << 18;

/** `base` with the combining `mark` composed into it (NFC), or -1 when they do not compose. */
export function compose(base: number, mark: number): number {
  const s = String.fromCharCode(base, mark).normalize('NFC');
  return s.length === 1 ? s.charCodeAt(0) : -1;
}

/**
 * Does the text from `j` on, after any separators and dropped units, go on
 * with a Han or kana unit? Asked at a separator that follows one.
 */
export function cjkFollows(text: string, j: number): boolean {
  for (; j < text.length; j++) {
    const f = foldUnit(text.charCodeAt(j));
    if (f !== SPACE && f !== DOT && f !== DROP) return isCjk(f);
  }
  return false;
}

/**
 * Folds a block of page text into `out`; returns the number of folded units.
 * Runs on every character the content script matches: ASCII, most of most
 * pages, costs one table lookup, and nothing is allocated once `out` has
 * grown to the longest block.
 *
 * `foldAlias` below does the same for aliases at compile time. They are two
 * functions because V8 optimises a function for the calls it has seen: after
 * the thousands of short, mixed-script aliases of a pack, a shared function
 * ran 2–3 times slower on page text (measured with bench/match.ts). A test
 * checks that the two agree.
 */
export function foldText(text: string, out: FoldBuffer): number {
  const len = text.length;
  out.reserve(len + 1);
  const u = out.units;
  const o = out.offs;
  let n = 0;
  let lastSep = false;
  let prevCjk = false;
  for (let i = 0; i < len; i++) {
    const ch = text.charCodeAt(i);
    let c: number;
    if (ch < 0x80) {
      c = LOW[ch]!;
      if (c !== SPACE) {
        // The common case: an ASCII letter, digit or punctuation mark.
        lastSep = false;
        prevCjk = false;
        u[n] = c;
        o[n++] = i;
        continue;
      }
    } else if (
      (ch >= 0x4e00 && ch <= 0x9fff) ||
      (ch >= 0x3041 && ch <= 0x3096) ||
      (ch >= 0x30a1 && ch <= 0x30fa)
    ) {
      // The common case of Chinese and Japanese: Han and kana fold to
      // themselves (foldUnit, isCjk), here without three calls per unit.
      lastSep = false;
      prevCjk = true;
      u[n] = ch;
      o[n++] = i;
      continue;
    } else if (ch >= 0xac00 && ch <= 0xd7a3) {
      // Korean: Hangul syllables fold to themselves, and are not Han or kana.
      lastSep = false;
      prevCjk = false;
      u[n] = ch;
      o[n++] = i;
      continue;
    } else c = foldUnit(ch);
    if (c === SPACE || c === DOT) {
      // A run of separators gives its first; between Han/kana, none.
      if (lastSep || (prevCjk && cjkFollows(text, i + 1))) continue;
      lastSep = true;
      prevCjk = false;
    } else {
      if (c >= 0x300) {
        if (c === DROP) continue;
        if (isCombining(c)) {
          if (n > 0 && !lastSep) {
            const m = compose(u[n - 1]!, c);
            if (m >= 0) {
              u[n - 1] = m;
              prevCjk = isCjk(m);
            }
          }
          continue; // a mark that does not compose is ignored, like an accent-insensitive search
        }
      }
      lastSep = false;
      prevCjk = c >= 0x3005 && isCjk(c);
    }
    u[n] = c;
    o[n++] = i;
  }
  return n;
}

/** `foldText` for aliases and other compile-time strings (see `foldText` for why it is apart). */
export function foldAlias(text: string, out: FoldBuffer): number {
  const len = text.length;
  out.reserve(len + 1);
  const u = out.units;
  const o = out.offs;
  let n = 0;
  let lastSep = false;
  let prevCjk = false;
  for (let i = 0; i < len; i++) {
    const c = foldUnit(text.charCodeAt(i));
    if (c === SPACE || c === DOT) {
      if (lastSep || (prevCjk && cjkFollows(text, i + 1))) continue;
      lastSep = true;
      prevCjk = false;
    } else {
      if (c === DROP) continue;
      if (isCombining(c)) {
        const m = n > 0 && !lastSep ? compose(u[n - 1]!, c) : -1;
        if (m >= 0) {
          u[n - 1] = m;
          prevCjk = isCjk(m);
        }
        continue;
      }
      lastSep = false;
      prevCjk = isCjk(c);
    }
    u[n] = c;
    o[n++] = i;
  }
  return n;
}

const scratch = new FoldBuffer();

/** The folded form of a short string (an alias), as a string; compile time only. */
export function foldString(s: string): string {
  const n = foldAlias(s, scratch);
  let r = '';
  for (let i = 0; i < n; i++) r += String.fromCharCode(scratch.units[i]!);
  return r;
}

/**
 * End offset of a match whose last folded unit came from `text[off]`: also
 * covers the combining marks that were composed into it.
 */
export function endAfter(text: string, off: number): number {
  let e = off + 1;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    const f = c >= 0xff9e && c <= 0xff9f ? 0x3099 : c;
    if (!isCombining(f)) break;
    e++;
  }
  return e;
}
