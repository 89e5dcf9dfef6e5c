/**
 * English news text against the bundled entities (data/entities.json):
 * names in their spellings, word boundaries, the case rule, possessives,
 * bare surnames and titles, and the look-alikes that must not match.
 */
import { describe, expect, test } from 'vitest';
import { found, onTheirPage } from './helpers';

describe('English: full names and their spellings', () => {
  test.each([
    ['Chinese Foreign Minister Wang Yi spoke by phone.', ['wang-yi:Wang Yi']],
    ["Wang Yi's remarks were read as a thaw.", ['wang-yi:Wang Yi']],
    ['A Wang Yi-led delegation arrived.', ['wang-yi:Wang Yi']],
    [
      'Japanese Foreign Minister Toshimitsu Motegi took the call.',
      ['toshimitsu-motegi:Toshimitsu Motegi'],
    ],
    [
      'A call with Motegi Toshimitsu, Japan’s top diplomat.',
      ['toshimitsu-motegi:Motegi Toshimitsu', 'japan:Japan'],
    ],
    ['Foreign Minister Motegi said little.', ['toshimitsu-motegi:Motegi']],
    ['MOTEGI ARRIVES IN SEOUL', ['toshimitsu-motegi:MOTEGI']],
    ['Xi Jinping will visit for the first time in 11 years.', ['xi-jinping:Xi Jinping']],
    ['President Lee Jae-myung met the press.', ['lee-jae-myung:Lee Jae-myung']],
    ['President Lee Jae Myung met the press.', ['lee-jae-myung:Lee Jae Myung']],
    ['President Lee Jaemyung met the press.', ['lee-jae-myung:Lee Jaemyung']],
    ['President Lee Jae-myeong met the press.', ['lee-jae-myung:Lee Jae-myeong']],
    ['Jae-myung Lee, as some papers write it.', ['lee-jae-myung:Jae-myung Lee']],
    ['Lee Jae‑myung (non-breaking hyphen)', ['lee-jae-myung:Lee Jae‑myung']],
    ['Lee  Jae-myung\nspoke', ['lee-jae-myung:Lee  Jae-myung']],
    ['Prime Minister Sanae Takaichi will attend.', ['sanae-takaichi:Sanae Takaichi']],
    ['Takaichi Sanae, in Japanese order.', ['sanae-takaichi:Takaichi Sanae']],
    ["Takaichi's proposal", ['sanae-takaichi:Takaichi']],
    ['Takaichi’s proposal', ['sanae-takaichi:Takaichi']],
    ['TAKAICHI WINS PARTY VOTE', ['sanae-takaichi:TAKAICHI']],
    ['U.S. President Donald Trump', ['united-states:U.S.', 'donald-trump:Donald Trump']],
    ['Donald J. Trump signed it.', ['donald-trump:Donald J. Trump']],
    ['Mr. Trump left early.', ['donald-trump:Trump']],
    ['Lee Jae-myung-Trump summit', ['lee-jae-myung:Lee Jae-myung', 'donald-trump:Trump']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('English: look-alikes that are not the entities', () => {
  test.each([
    ['Badminton champion Wang Yihan retired.'],
    ['Xinhua reported the call.'],
    ['Lee Kuan Yew built modern Singapore.'],
    ['Bruce Lee films never get old.'],
    ['Robert E. Lee surrendered at Appomattox.'],
    ['Samsung chairman Lee Jae-yong visited the plant.'],
    ['Former President Lee Myung-bak was released.'],
    ['They faced trumped-up charges.'],
    ['She played a trump card.'],
    ['Trump card holders get a discount.'],
    ['Trump Tower stands on Fifth Avenue.'],
    ['Donald Trump Jr. posted a video.'],
    ['Twin Ring Motegi hosted the race.'],
    ['the motegi circuit'],
    ['lee jae-myung in lower case is not a name'],
    ['Pope Pius XI died in 1939.'],
    ['The U.S.S.R. collapsed in 1991.'],
    ['Apec is not how the forum writes itself.'],
    ['Chinese and Japanese officials met.'],
    ['North Korean leaders'],
    ['a 1,500 trillion won economy'],
    ['President Wang of the university spoke.'],
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('English: bare surnames and titles', () => {
  test.each([
    ['Lee said the alliance is strong.', []],
    ['Xi said the talks went well.', []],
    ['Wang said nothing.', []],
    ['Chinese President Xi arrived.', ['xi-jinping:Xi']],
    ['Minister Wang said', []],
    ['Mr. Lee declined to comment.', []],
    ['President Xi Jinping and President Lee', ['xi-jinping:Xi Jinping', 'lee-jae-myung:Lee']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('English: places, countries, topics', () => {
  test.each([
    ['the Philadelphia Semiconductor Index rose', []],
    ['the semiconductor index rose', ['semiconductors:semiconductor']],
    ['The APEC summit in Gyeongju', ['apec-summit-gyeongju:APEC summit', 'gyeongju:Gyeongju']],
    ['APEC ministers met.', ['apec:APEC']],
    ['Leaders met at ＡＰＥＣ.', ['apec:ＡＰＥＣ']],
    ['Kyongju, the old spelling', ['gyeongju:Kyongju']],
    ['the South Korea-U.S. alliance', ['korea-us-alliance:South Korea-U.S. alliance']],
    ['the South Korea–U.S. alliance', ['korea-us-alliance:South Korea–U.S. alliance']],
    ['the US-ROK alliance', ['korea-us-alliance:US-ROK alliance']],
    ['a 500 trillion won investment fund', ['investment-fund:500 trillion won investment fund']],
    [
      'an investment fund of approximately 500 trillion won',
      ['investment-fund:investment fund of approximately 500 trillion won'],
    ],
    ['an investment fund', []],
    [
      "North Korea's nuclear program",
      ["north-korea-nuclear-program:North Korea's nuclear program"],
    ],
    [
      'North Korea’s nuclear programme',
      ['north-korea-nuclear-program:North Korea’s nuclear programme'],
    ],
    ['the North Korean nuclear issue', ['north-korea-nuclear-program:North Korean nuclear issue']],
    ['pressure on North Korea to denuclearize', ['north-korea:North Korea']],
    ['the DPRK', ['north-korea:DPRK']],
    ['Semiconductor exports rose.', ['semiconductors:Semiconductor']],
    ['high-tech fields such as semiconductors', ['semiconductors:semiconductors']],
    ['the Nobel Peace Prize', ['nobel-peace-prize-nomination:Nobel Peace Prize']],
    ['the Northeast Asian landscape', ['northeast-asia:Northeast Asian']],
    ["the People's Republic of China", ["china:People's Republic of China"]],
    ['the Republic of China (Taiwan)', []],
    ['In Japan and China', ['japan:Japan', 'china:China']],
    ['the U.S. and South Korea', ['united-states:U.S.', 'south-korea:South Korea']],
    ['US officials', ['united-states:US']],
    ['Let us go', []],
    ['Korea alone is ambiguous', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('English: hashtags are lower case by convention', () => {
  test('the seed article’s tag list', () => {
    expect(onTheirPage('en', '#wang yi#toshimitsu motegi#apec summit#us-rok alliance')).toEqual([
      'wang-yi:wang yi',
      'toshimitsu-motegi:toshimitsu motegi',
      'apec-summit-gyeongju:apec summit',
      'korea-us-alliance:us-rok alliance',
    ]);
  });
});

describe('English: titled forms and generic names, on a page that names them', () => {
  // Alone, a surname with a title or a generic "APEC summit" could be anybody's
  // (tests/unit/recognition/document-linking.test.ts); the page decides.
  test.each([
    ['President Xi said the talks went well.', ['xi-jinping:Xi']],
    ['president Lee said', ['lee-jae-myung:Lee']],
    ['Foreign Minister Wang said', ['wang-yi:Wang']],
  ])('%s', (text, expected) => {
    expect(onTheirPage('en', text)).toEqual(expected);
  });

  test.each(['President Xi said the talks went well.', 'president Lee said'])(
    '%s alone names nobody',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );
});
