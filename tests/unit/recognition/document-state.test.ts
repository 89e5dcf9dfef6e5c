/**
 * Ambiguous forms (a bare "Lee", "Xi", "Korea", "investment fund") and
 * surnames with an honorific ("習氏", "Mr. Lee") count only once the same
 * document has named the entity in full, across the blocks of the document
 * in order, or earlier in the same block.
 */
import { describe, expect, test } from 'vitest';
import { createDocumentState } from '../../../core/recognition';
import { bundled, found } from './helpers';

/** Each block in order with one state: the mentions found per block. */
function document(blocks: string[]): string[][] {
  const state = createDocumentState();
  return blocks.map((b) => found(b, state));
}

describe('named in full first', () => {
  test.each([
    [
      'Lee before and after the full name, across blocks',
      [
        'Lee said on Monday.',
        'President Lee Jae-myung arrived.',
        'Lee said the alliance is strong.',
      ],
      [[], ['lee-jae-myung:Lee Jae-myung'], ['lee-jae-myung:Lee']],
    ],
    [
      'Lee before and after the full name, in one block',
      ['Lee said so; Lee Jae-myung agreed, and Lee added more.'],
      [['lee-jae-myung:Lee Jae-myung', 'lee-jae-myung:Lee']],
    ],
    [
      'a titled form names the entity',
      ['President Xi arrived.', 'Xi said the visit matters.'],
      [['xi-jinping:Xi'], ['xi-jinping:Xi']],
    ],
    [
      'Korean titled form, then an English bare surname',
      ['시 주석은 방한한다.', 'Xi spoke.'],
      [['xi-jinping:시'], ['xi-jinping:Xi']],
    ],
    [
      'honorifics: Mr. Lee and 習氏 only after a full naming',
      ['Mr. Lee declined.', '習氏は', 'Lee Jae-myung met 習近平.', 'Mr. Lee smiled; 習氏は笑った'],
      [
        [],
        [],
        ['lee-jae-myung:Lee Jae-myung', 'xi-jinping:習近平'],
        ['lee-jae-myung:Lee', 'xi-jinping:習'],
      ],
    ],
    [
      'exclusions still win after a full naming',
      ['Lee Jae-myung spoke.', 'Lee Kuan Yew and Bruce Lee and Lee Jae-yong did not.'],
      [['lee-jae-myung:Lee Jae-myung'], []],
    ],
    [
      "Xi'an is a city even after Xi is named",
      ["Xi Jinping visited Xi'an, where Xi spoke."],
      [['xi-jinping:Xi Jinping', 'xi-jinping:Xi']],
    ],
    [
      'Korea after South Korea',
      ['Korea was quiet.', 'South Korea hosts; Korea and North Korea differ.'],
      [[], ['south-korea:South Korea', 'south-korea:Korea', 'north-korea:North Korea']],
    ],
    [
      'topic forms: investment fund, chips',
      [
        'the investment fund',
        'the 500 trillion won investment fund; the investment fund',
        'chips',
        'semiconductors and chips',
      ],
      [
        [],
        ['investment-fund:500 trillion won investment fund', 'investment-fund:investment fund'],
        [],
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

describe('without a state', () => {
  test('each call stands alone', () => {
    expect(bundled.find('Lee Jae-myung').map((m) => m.text)).toEqual(['Lee Jae-myung']);
    expect(bundled.find('Lee said')).toEqual([]);
  });

  test('the state records who was named in full', () => {
    const state = createDocumentState();
    bundled.find('Wang said', state);
    expect([...state.namedInFull]).toEqual([]);
    bundled.find('Wang Yi and President Xi', state);
    expect([...state.namedInFull].sort()).toEqual(['wang-yi', 'xi-jinping']);
  });
});
