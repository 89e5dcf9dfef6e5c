import { describe, expect, it } from 'vitest';
import { sentenceTexts, splitSentences } from '../../../core/pack/sentences';
import { seedArticles } from './fixtures';

describe('splitSentences', () => {
  it.each([
    ['plain', 'One sentence. Another one! A third?', ['One sentence.', 'Another one!', 'A third?']],
    [
      'U.S. before lowercase and before a title',
      'Talks between the U.S. and South Korea resumed. U.S. President Donald Trump spoke.',
      ['Talks between the U.S. and South Korea resumed.', 'U.S. President Donald Trump spoke.'],
    ],
    [
      'U.S.-China',
      'However, the U.S.-China conflict goes on. It matters.',
      ['However, the U.S.-China conflict goes on.', 'It matters.'],
    ],
    [
      'U.S. at the end of a sentence',
      'companies in the U.S. At this summit, Lee spoke.',
      ['companies in the U.S.', 'At this summit, Lee spoke.'],
    ],
    [
      'decimals',
      'Growth was 3.5 percent. It rose to 4.25.',
      ['Growth was 3.5 percent.', 'It rose to 4.25.'],
    ],
    ['quotes', 'He said "It is over." Then he left.', ['He said "It is over."', 'Then he left.']],
    ['question in quotes', '"Is it?" he asked. Yes.', ['"Is it?" he asked.', 'Yes.']],
    [
      'glued title (seed)',
      "for the Nobel Peace Prize.Xi Jinping's First Visit to South Korea in 11 Years...Will a 'New Era' Open for China-South Korea Relations?",
      [
        'for the Nobel Peace Prize.',
        "Xi Jinping's First Visit to South Korea in 11 Years...Will a 'New Era' Open for China-South Korea Relations?",
      ],
    ],
    ['ellipsis in a title', 'Second Summit...Will It Work?', ['Second Summit...Will It Work?']],
    [
      'initials and titles',
      'Donald J. Trump met Mr. Lee on Oct. 28 in Gyeongju.',
      ['Donald J. Trump met Mr. Lee on Oct. 28 in Gyeongju.'],
    ],
    [
      'number abbreviation',
      'He ranked No. 1 in polls. He said no. Then he left.',
      ['He ranked No. 1 in polls.', 'He said no.', 'Then he left.'],
    ],
    [
      'Korean',
      '한중 정상회담이 열렸다. 이어 공동 발표가 있었다.',
      ['한중 정상회담이 열렸다.', '이어 공동 발표가 있었다.'],
    ],
    [
      'Korean glued',
      '회담이 열렸다.그러나 합의는 없었다.',
      ['회담이 열렸다.', '그러나 합의는 없었다.'],
    ],
    [
      'Chinese',
      '王毅同茂木敏充通电话。双方同意加强交流！会谈成功吗？',
      ['王毅同茂木敏充通电话。', '双方同意加强交流！', '会谈成功吗？'],
    ],
    [
      'Japanese with closing bracket',
      '「協力する。」と述べた。次に進む。',
      ['「協力する。」', 'と述べた。', '次に進む。'],
    ],
    ['line breaks', 'A title\nThe body. More body.', ['A title', 'The body.', 'More body.']],
    ['surrounding whitespace', '  Padded.   Also padded.  ', ['Padded.', 'Also padded.']],
    ['empty', '   ', []],
  ])('%s', (_name, text, expected) => {
    expect(sentenceTexts(text)).toEqual(expected);
  });

  it('returns trimmed [start, end) offsets into the text', () => {
    const text = '  First one.  Second one.';
    expect(splitSentences(text)).toEqual([
      [2, 12],
      [14, 25],
    ]);
  });

  it('splits the seed articles into whole sentences', () => {
    const counts = seedArticles.map((a) => splitSentences(a.text).length);
    expect(counts).toEqual([7, 9, 8, 8, 7]);
    for (const a of seedArticles)
      for (const s of sentenceTexts(a.text)) {
        expect(s).toMatch(/[.?!]$/);
        expect(s).toMatch(/^[A-Z]/);
      }
  });
});
