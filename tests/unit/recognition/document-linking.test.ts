/**
 * The document decides: shorter and ambiguous forms (a bare "Lee", "Korea",
 * "investment fund", "習氏") are the entity when the same document names it
 * in full, wherever it does so (a headline comes before its body), or gives
 * enough other evidence; a namesake on the page takes the forms near it. The
 * DocumentLinker keeps this true as blocks come, change and go, in any order.
 */
import { describe, expect, test } from 'vitest';
import { DocumentLinker } from '../../../core/recognition';
import { bundled, document } from './helpers';

describe('named in full somewhere in the document', () => {
  test.each([
    [
      'a bare surname before and after the full name, across blocks',
      [
        'Lee said on Monday.',
        'President Lee Jae-myung arrived.',
        'Lee said the alliance is strong.',
      ],
      [['lee-jae-myung:Lee'], ['lee-jae-myung:Lee Jae-myung'], ['lee-jae-myung:Lee']],
    ],
    [
      'in one block',
      ['Lee said so; Lee Jae-myung agreed, and Lee added more.'],
      [['lee-jae-myung:Lee', 'lee-jae-myung:Lee Jae-myung', 'lee-jae-myung:Lee']],
    ],
    [
      'honorifics: Mr. Lee and 習氏 with the full names elsewhere on the page',
      ['Mr. Lee declined.', '習氏は', 'Lee Jae-myung met 習近平.'],
      [
        ['lee-jae-myung:Lee'],
        ['xi-jinping:習'],
        ['lee-jae-myung:Lee Jae-myung', 'xi-jinping:習近平'],
      ],
    ],
    [
      'exclusions still win after a full naming',
      ['Lee Jae-myung spoke.', 'Lee Kuan Yew and Bruce Lee and Lee Jae-yong did not.'],
      [['lee-jae-myung:Lee Jae-myung'], []],
    ],
    [
      "Xi'an is a city, and no namesake of Xi's",
      ["Xi Jinping visited Xi'an, where Xi spoke."],
      [['xi-jinping:Xi Jinping', 'xi-jinping:Xi']],
    ],
    [
      'Korea with South Korea on the page',
      ['South Korea hosts; Korea and North Korea differ.'],
      [['south-korea:South Korea', 'south-korea:Korea', 'north-korea:North Korea']],
    ],
    [
      'topic forms: the investment fund and chips',
      ['the 500 trillion won investment fund; the investment fund', 'semiconductors and chips'],
      [
        ['investment-fund:500 trillion won investment fund', 'investment-fund:investment fund'],
        ['semiconductors:semiconductors', 'semiconductors:chips'],
      ],
    ],
    [
      'Wang after Wang Yi; Wang Yihan stays excluded',
      ['Wang Yi called.', 'Wang stressed exchanges; Wang Yihan did not.'],
      [['wang-yi:Wang Yi'], ['wang-yi:Wang']],
    ],
  ])('%s', (_name, blocks, expected) => {
    expect(document(blocks)).toEqual(expected);
  });
});

describe('without a full naming', () => {
  test.each([
    ['a bare surname', ['Lee said on Monday.']],
    ['an honorific', ['Mr. Lee declined.', '習氏は']],
    ['a title with a surname, and nothing else', ['President Xi arrived.']],
    ['an ambiguous country form', ['Korea was quiet.']],
  ])('%s stays dark', (_name, blocks) => {
    expect(document(blocks).flat()).toEqual([]);
  });

  test('the words around a title can be enough: cues of the entity', () => {
    expect(document(['President Xi told the Politburo in Beijing.']).flat()).toEqual([
      'xi-jinping:Xi',
    ]);
  });
});

describe('a namesake on the page', () => {
  test('takes the titled form named after it, until the entity is named in full', () => {
    expect(
      document([
        'Lee Myung-bak visited Dokdo.',
        'President Lee said so.',
        'President Lee Jae-myung disagreed.',
        'President Lee said so.',
      ]),
    ).toEqual([[], [], ['lee-jae-myung:Lee Jae-myung'], ['lee-jae-myung:Lee']]);
  });

  test('is the subject when named first: a biography of Fred Trump', () => {
    expect(
      document([
        'Fred Trump',
        'Fred Trump was a real estate developer, the father of Donald Trump.',
        'Born in the Bronx, Trump began working in home construction.',
      ]),
    ).toEqual([[], ['donald-trump:Donald Trump'], []]);
  });

  test('is not, when the page spoke of a bare Trump before naming it', () => {
    expect(
      document([
        'Trump taps Mattis as defense chief',
        'Designers who are happy to dress Melania Trump',
        'Trump picks Treasury secretary',
        'President-elect Donald Trump named Steven Mnuchin.',
      ]),
    ).toEqual([['donald-trump:Trump'], [], ['donald-trump:Trump'], ['donald-trump:Donald Trump']]);
  });

  test('a cancelled name still lets its block speak: the words of a card game', () => {
    // Every "트럼프" is a card here; the domain words of the blocks where it
    // is written keep the bare one dark too.
    expect(
      document([
        '트럼프 카드의 기본 상식',
        '53장의 트럼프 카드로 하는 게임과 놀이',
        '트럼프로 점을 치는 마술',
      ]).flat(),
    ).toEqual([]);
  });

  test.each([['李明博大統領。李大統領は'], ['이명박 대통령이 방문했다. 이 대통령은 말했다.']])(
    'in Japanese and Korean: %s',
    (text) => {
      expect(document([text]).flat()).toEqual([]);
    },
  );
});

describe("a country's English name set as a title: the page's language decides", () => {
  test.each([
    [
      'a line of its own on a Japanese page',
      ['AROUND JAPAN', '栃木県の道の駅。日本と中国の客'],
      [[], ['japan:日本', 'china:中国']],
    ],
    [
      'beside a capitalised word',
      ['Newsfrom Japan', '茂木敏充外相は中国の王毅外相と'],
      [[], ['toshimitsu-motegi:茂木敏充', 'china:中国', 'wang-yi:王毅']],
    ],
    [
      'the same lines on an English page',
      ['AROUND JAPAN', 'Japan and China agreed.'],
      [['japan:JAPAN'], ['japan:Japan', 'china:China']],
    ],
  ])('%s', (_, blocks, expected) => {
    expect(document(blocks)).toEqual(expected);
  });
});

describe('a Korean title the page quotes and writes again names another thing', () => {
  test.each([
    [
      'a team named after a brand',
      [
        '‘한국 아트라스비엑스 모터스포츠’는 우승했다.',
        '한국 아트라스비엑스 모터스포츠는 올해도 뛴다.',
        '한국 선수들이 활약했다.',
      ],
      [[], [], ['south-korea:한국']],
    ],
    [
      'one fund of several',
      [
        "관세 협상으로 '전략산업 투자 펀드'가 생겼다.",
        '전략산업 투자 펀드는 대미 투자 펀드의 일부다.',
      ],
      [[], ['investment-fund:대미 투자 펀드']],
    ],
    [
      'a slogan quoted once, a quoted sentence, a country glued to a noun',
      ['‘한국 경제 위기’ 논란', "'한국은 안전하다'", '‘일본여행 보이콧’ 효과'],
      [['south-korea:한국'], ['south-korea:한국'], ['japan:일본']],
    ],
  ])('%s', (_, blocks, expected) => {
    expect(document(blocks)).toEqual(expected);
  });
});

describe('DocumentLinker', () => {
  const scan = (text: string) => bundled.scan(text);
  const texts = (changes: { candidate: { start: number; end: number } }[], block: string) =>
    changes.map(({ candidate }) => block.slice(candidate.start, candidate.end));

  test('a headline’s bare name is lit when the body arrives, and dark when it goes', () => {
    const linker = new DocumentLinker<number>(bundled.table, (a, b) => a - b);
    const headline = 'Seoul hosts Xi';
    const body = 'Chinese President Xi Jinping arrived on Thursday.';
    linker.set(0, scan(headline));
    expect(linker.flush().added).toEqual([]);
    linker.set(1, scan(body));
    const arrived = linker.flush();
    expect(arrived.added.filter((a) => a.key === 0).map((a) => texts([a], headline)[0])).toEqual([
      'Xi',
    ]);
    expect(
      texts(
        arrived.added.filter((a) => a.key === 1),
        body,
      ),
    ).toEqual(['Xi Jinping']);
    linker.delete(1);
    const gone = linker.flush();
    expect(gone.removed.map((r) => r.key).sort()).toEqual([0, 1]);
    expect(linker.acceptedIn(0)).toEqual([]);
  });

  test('decides the same whatever order the blocks are scanned in', () => {
    const blocks = [
      'Takaichi and Lee meet',
      'Lee Myung-bak visited Dokdo in 2012.',
      'Prime Minister Sanae Takaichi met President Lee Jae-myung.',
      'Lee said the alliance is strong; Takaichi agreed.',
    ];
    const decide = (order: number[]) => {
      const linker = new DocumentLinker<number>(bundled.table, (a, b) => a - b);
      for (const i of order) {
        linker.set(i, scan(blocks[i]!));
        linker.flush();
      }
      return blocks.map((_, i) => linker.acceptedIn(i).map((c) => [c.start, c.end, c.entity]));
    };
    const inOrder = decide([0, 1, 2, 3]);
    expect(inOrder.flat().length).toBeGreaterThan(3);
    expect(decide([3, 1, 0, 2])).toEqual(inOrder);
    expect(decide([2, 3, 0, 1])).toEqual(inOrder);
  });

  test('a changed block replaces what it held', () => {
    const linker = new DocumentLinker<string>(bundled.table, (a, b) => a.localeCompare(b));
    linker.set('a', scan('Wang Yi called.'));
    linker.flush();
    linker.set('a', scan('Nobody called.'));
    const changes = linker.flush();
    expect(changes.removed).toHaveLength(1);
    expect(linker.size).toBe(0);
  });
});
