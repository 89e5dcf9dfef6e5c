/**
 * The recognition core on small hand-made packs: how candidates resolve
 * (longest wins, no overlaps, exclusions), offsets into the original text,
 * and the spelling variants derived at compile time.
 */
import { describe, expect, test } from 'vitest';
import { compileMatcher, type MatchableEntity } from '../../../core/recognition';
import {
  aliasVariants,
  hangulSpacingVariants,
  hyphenVariants,
  reversedName,
} from '../../../core/recognition/variants';
import { checkMentions, document, found } from './helpers';

const pack: MatchableEntity[] = [
  { id: 'york', aliases: { en: ['York'] } },
  { id: 'new-york', aliases: { en: ['New York'] } },
  { id: 'new-york-times', aliases: { en: ['New York Times'] } },
  { id: 'times-square', aliases: { en: ['Times Square'] } },
  {
    id: 'china',
    aliases: { en: ['China', "People's Republic of China"] },
    exclusions: ['Republic of China'],
  },
  { id: 'taiwan', aliases: { en: ['Republic of China'] } },
  { id: 'chips', aliases: { en: ['semiconductors', 'c++ (lang)'] } },
  { id: 'twin-a', aliases: { en: ['Twin'] } },
  { id: 'twin-b', aliases: { en: ['Twin'] } },
];
const m = compileMatcher(pack);
const find = (text: string) => found(text, m);

describe('resolution', () => {
  test.each([
    ['New York Times Square', ['new-york-times:New York Times']],
    ['in New York today', ['new-york:New York']],
    ['York and New York', ['york:York', 'new-york:New York']],
    ["the People's Republic of China", ["china:People's Republic of China"]],
    ['the Republic of China', ['taiwan:Republic of China']],
    ['China and the Republic of China', ['china:China', 'taiwan:Republic of China']],
    ['SEMICONDUCTORS and Semiconductors', ['chips:SEMICONDUCTORS', 'chips:Semiconductors']],
    ['regex specials: c++ (lang)!', ['chips:c++ (lang)']],
    ['', []],
    ['nothing here', []],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  test('two entities with the same alias give one mention', () => {
    expect(find('Twin')).toHaveLength(1);
  });

  test('an empty pack finds nothing', () => {
    expect(compileMatcher([]).find('Lee Jae-myung')).toEqual([]);
  });

  test('blank and overlong aliases are ignored', () => {
    const odd = compileMatcher([{ id: 'x', aliases: { en: ['', '  ', 'X'.repeat(2000), 'Ok'] } }]);
    expect(odd.find('Ok then').map((x) => x.text)).toEqual(['Ok']);
  });
});

describe('offsets are UTF-16 offsets into the original text', () => {
  test.each([
    ['😀 New York', 3, 11],
    ['Ｎｅｗ Ｙｏｒｋ', 0, 8],
    ['New\u200b York', 0, 9],
    ['New\u00a0\u00a0York', 0, 9],
    ['«New York»', 1, 9],
    ['New York\u0332 (a mark that does not compose)', 0, 9],
  ])('%j', (text, start, end) => {
    const mentions = m.find(text);
    checkMentions(text, mentions);
    expect(mentions.map((x) => [x.start, x.end])).toEqual([[start, end]]);
  });
});

describe('spelling variants', () => {
  test.each([
    ['Lee Jae-myung', ['Lee Jae-myung', 'Lee Jae myung', 'Lee Jaemyung']],
    ['South Korea-U.S. alliance', ['South Korea-U.S. alliance', 'South Korea U.S. alliance']],
    ['Xi Jinping', ['Xi Jinping']],
    ['-', ['-']],
  ])('hyphens: %s', (alias, expected) => {
    expect(hyphenVariants(alias)).toEqual(expected);
  });

  test.each([
    ['Toshimitsu Motegi', 'Motegi Toshimitsu'],
    ['Sanae Takaichi', 'Takaichi Sanae'],
    ['Lee Jae-myung', 'Jae-myung Lee'],
    ['Xi Jinping', undefined],
    ['Wang Yi', undefined],
    ['Donald Trump', undefined],
    ['South Korea', undefined],
    ['United States', undefined],
  ])('name order: %s', (alias, expected) => {
    expect(reversedName(alias)).toBe(expected);
  });

  test.each([
    ['모테기 도시미쓰', ['모테기 도시미쓰', '모테기도시미쓰']],
    ['APEC 정상회의', ['APEC 정상회의', 'APEC정상회의']],
    ['Wang Yi', ['Wang Yi']],
  ])('Korean spacing: %s', (alias, expected) => {
    expect(hangulSpacingVariants(alias)).toEqual(expected);
  });

  test('all variants together, deduplicated', () => {
    expect(aliasVariants('Lee Jae-myung', true)).toEqual([
      'Lee Jae-myung',
      'Lee Jae myung',
      'Lee Jaemyung',
      'Jae-myung Lee',
      'Jae myung Lee',
      'Jaemyung Lee',
    ]);
    expect(aliasVariants('Lee', false)).toEqual(['Lee']);
  });
});

describe('titles', () => {
  // A pack gives a person's surname (`titled`) and offices (`titles`); the
  // titled forms are derived per language, with the title where that
  // language writes it.
  const person: MatchableEntity[] = [
    {
      id: 'lee',
      kind: 'person',
      aliases: { en: ['Lee Jae-myung'], ko: ['이재명'] },
      titled: { en: ['Lee'], ko: ['이'] },
      titles: { en: ['President'], ko: ['대통령'] },
    },
  ];
  const titledMatcher = compileMatcher(person);

  test.each([
    ['이 대통령은 말했다.', ['lee:이']],
    ['이대통령은 말했다.', ['lee:이']],
    ['President Lee said.', ['lee:Lee']],
    ['president Lee said.', ['lee:Lee']],
  ])('%s, after the full name', (text, expected) => {
    expect(document(['이재명 Lee Jae-myung', text], titledMatcher)[1]).toEqual(expected);
  });

  test('a pack that gives no titles: an office beside the name neither confirms nor denies', () => {
    const untitled = compileMatcher([{ id: 'wang', kind: 'person', aliases: { en: ['Wang Yi'] } }]);
    expect(found('Chinese Foreign Minister Wang Yi said.', untitled)).toEqual(['wang:Wang Yi']);
  });

  test('a title is not a name: the office alone finds nobody', () => {
    expect(
      document(['이재명 Lee Jae-myung', '대통령은 말했다. The President said.'], titledMatcher)[1],
    ).toEqual([]);
  });
});

describe('long blocks', () => {
  test('a name at the end of a 600,000-character block', () => {
    const text = 'x '.repeat(300_000) + 'New York';
    expect(m.find(text).map((x) => [x.start, x.text])).toEqual([[600_000, 'New York']]);
    // and the matcher still works on short blocks afterwards (its buffers shrink back)
    expect(find('York')).toEqual(['york:York']);
  });
});
