/**
 * Folding: what it treats as equal, that offsets point back into the
 * original, and that the page-text fold and the alias fold (two functions,
 * for speed) agree on any input.
 */
import { describe, expect, test } from 'vitest';
import { FoldBuffer, foldAlias, foldString, foldText } from '../../../core/recognition/normalise';

describe('foldString', () => {
  test.each([
    ['ＡＰＥＣ', 'apec'],
    ['TAKAICHI', 'takaichi'],
    ['Lee  Jae‐myung', 'lee jae-myung'],
    ['Lee\tJae–myung', 'lee jae-myung'],
    ['Takaichi’s', "takaichi's"],
    ['茂木 敏充', '茂木敏充'],
    ['茂木　敏充', '茂木敏充'],
    ['イ・ジェミョン', 'イジェミョン'],
    ['イ ジェミョン', 'イジェミョン'],
    ['唐纳德·特朗普', '唐纳德特朗普'],
    ['ｶﾞｲﾑｼｮｳ', 'ガイムショウ'],
    ['이재명'.normalize('NFD'), '이재명'],
    ['Ame\u0301lie', 'amélie'],
    ['Xi\u200bJinping', 'xijinping'],
    ['soft\u00adhyphen', 'softhyphen'],
    ['Lee 이재명', 'lee 이재명'],
    ['APEC 정상회의', 'apec 정상회의'],
    ['１２３', '123'],
    ['Xi · Jinping', 'xi jinping'],
  ])('%j → %j', (input, expected) => {
    expect(foldString(input)).toBe(expected);
  });
});

describe('offsets', () => {
  test('every folded unit points at the unit it came from', () => {
    const text = 'Ａ  茂木 敏充・x';
    const buf = new FoldBuffer();
    const n = foldText(text, buf);
    const pairs = Array.from({ length: n }, (_, i) => [
      String.fromCharCode(buf.units[i]!),
      text[buf.offs[i]!],
    ]);
    expect(pairs).toEqual([
      ['a', 'Ａ'],
      [' ', ' '],
      ['茂', '茂'],
      ['木', '木'],
      ['敏', '敏'],
      ['充', '充'],
      ['・', '・'],
      ['x', 'x'],
    ]);
  });
});

describe('the page-text fold and the alias fold agree', () => {
  // Characters that exercise every rule: case, width, spaces, dots, dashes,
  // Han, kana, Hangul syllables and jamo, combining marks, invisible units.
  const POOL = [
    ..."aZ9 -'.,#",
    '\t',
    '\n',
    '\u00a0',
    '\u3000',
    '\u30fb',
    '\u00b7',
    '\uff65',
    '\u2010',
    '\u2019',
    '\u200b',
    '\u00ad',
    '\u0301',
    '\u3099',
    '\uff9e',
    '\u1100',
    '\u1161',
    '\u11a8',
    ...'茂木敏充高市イジェミョンー이재명ＡＢｶﾀかゔヺ',
  ];
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;

  test('on 3,000 random strings', () => {
    const a = new FoldBuffer();
    const b = new FoldBuffer();
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const len = Math.floor(rnd() * 12);
      for (let i = 0; i < len; i++) s += POOL[Math.floor(rnd() * POOL.length)];
      const n = foldText(s, a);
      expect(foldAlias(s, b), JSON.stringify(s)).toBe(n);
      expect(Array.from(a.units.subarray(0, n)), JSON.stringify(s)).toEqual(
        Array.from(b.units.subarray(0, n)),
      );
      expect(Array.from(a.offs.subarray(0, n))).toEqual(Array.from(b.offs.subarray(0, n)));
    }
  });
});
