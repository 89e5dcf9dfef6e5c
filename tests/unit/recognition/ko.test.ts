/**
 * Korean: names glue particles on the right (이재명은, 다카이치는) but must not
 * sit inside a longer word on the left (국왕이 is not 왕이); a one-syllable
 * surname counts only before a title (이 대통령), and not when it is the
 * particle of the word before (클린턴이 대통령이).
 */
import { describe, expect, test } from 'vitest';
import { found, onTheirPage } from './helpers';

describe('Korean: names, particles and titles', () => {
  test.each([
    ['이재명 대통령이 말했다.', ['lee-jae-myung:이재명']],
    ['이재명은 회견에서 밝혔다.', ['lee-jae-myung:이재명']],
    ['시진핑 국가주석이 방한한다.', ['xi-jinping:시진핑']],
    ['왕이 외교부장은 통화에서 강조했다.', ['wang-yi:왕이']],
    ['다카이치 사나에 총리가 방한한다.', ['sanae-takaichi:다카이치 사나에']],
    ['다카이치사나에 총리', ['sanae-takaichi:다카이치사나에']],
    ['다카이치는 제안했다.', ['sanae-takaichi:다카이치']],
    ['모테기 도시미쓰 외무상과 통화했다.', ['toshimitsu-motegi:모테기 도시미쓰']],
    ['모테기 외무상은', ['toshimitsu-motegi:모테기']],
    ['도널드 트럼프 대통령', ['donald-trump:도널드 트럼프']],
    [
      '트럼프 대통령을 노벨평화상 후보로',
      ['donald-trump:트럼프', 'nobel-peace-prize-nomination:노벨평화상'],
    ],
    ['노벨 평화상', ['nobel-peace-prize-nomination:노벨 평화상']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('Korean: look-alikes', () => {
  test.each([
    ['국왕이 방문했다.'],
    ['여왕이 방문했다.'],
    ['그는 왕이 되었다.'],
    ['클린턴이 대통령이 되었을 때'],
    ['트럼프 카드를 꺼냈다.'],
    ['트럼프카드 게임'],
    ['자동차 경주 대회가 열렸다.'],
    ['경주마가 달린다.'],
    ['자동차로 경주하는 사람들'],
    ['이 부장님께 보고했다.'],
    ['이재용 삼성전자 회장'],
    ['이 주석은 각주를 뜻한다.'],
    ['도시 주석'],
    ['한국타이어가 후원하는 팀'],
    ['한국기독교교회협의회(NCCK)'],
    ['주한 일본대사관 앞'],
    ["'LOVE YOURSELF JAPAN EDITION' 개최"],
    ['대한민국 임시정부 청사'],
    // An ordinal or a bare year before the name begins an event's title.
    ["'제1회 한국모터스포츠 어워즈'에서"],
    ['‘2024 한국방문의 해’ 행사'],
    // A stock index named after a topic or a country.
    ['필라델피아 반도체 지수도 상승했다.'],
    ['MSCI 한국 지수'],
    // A country's English name in an English title amid Korean.
    ['환영주간(Korea Welcome Week) 행사'],
    ["프로젝트 '마스가'(MASGA·Make America Shipbuilding Great Again)"],
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('Korean: places, countries, topics', () => {
  test.each([
    ['북핵 문제', ['north-korea-nuclear-program:북핵 문제']],
    ['북한의 핵 개발', ['north-korea-nuclear-program:북한의 핵']],
    ['북한이 반발했다.', ['north-korea:북한']],
    ['한미동맹을 소중히', ['korea-us-alliance:한미동맹']],
    ['한미 동맹', ['korea-us-alliance:한미 동맹']],
    ['반도체 수출', ['semiconductors:반도체']],
    ['500조 원 규모의 투자 펀드', ['investment-fund:500조 원 규모의 투자 펀드']],
    ['약 500조원', ['investment-fund:500조원']],
    // A sum, its gloss, a measure word and what it pays for: one noun phrase.
    [
      '관세 협상에서 3500억 달러(약 500조 원) 규모의 대미 투자 펀드에 합의했다.',
      ['investment-fund:3500억 달러(약 500조 원) 규모의 대미 투자 펀드'],
    ],
    [
      '관세 협상 끝에 투자 합의: 3500억 달러의 대미투자',
      ['investment-fund:3500억 달러의 대미투자'],
    ],
    ['관세 인하와 대미 투자 펀드', ['investment-fund:대미 투자 펀드']],
    // 투자자 (investor) is another word: the sum stands alone.
    ['관세 협상 뒤 3500억 달러 투자자 모집', ['investment-fund:3500억 달러']],
    ['미국과 중국', ['united-states:미국', 'china:중국']],
    ['동북아 정세', ['northeast-asia:동북아']],
    ['일본 정부와 한국 정부', ['japan:일본', 'south-korea:한국']],
    // 대(對) glued before a country: "towards China"; no other Hangul may be.
    ['미국의 대중국 관세', ['united-states:미국', 'china:중국']],
    ['확대중국', []],
    // A head after a space must be a word of its own: 항공편 is flights.
    ['중국 공산당이 발표했다.', []],
    ['중국-한국 항공편이 늘었다.', ['china:중국', 'south-korea:한국']],
    ['Compliance Officer System in Japan 김태명', ['japan:Japan']],
    ['USA와 일본', ['united-states:USA', 'japan:일본']],
    ['2024년 한국은 성장했다.', ['south-korea:한국']],
    ['반도체 지수화 작업', ['semiconductors:반도체']],
    // A topic's Korean name glued into a compound noun.
    ['향후 전력반도체 응용', ['semiconductors:반도체']],
    // The forum's name with a space or a hyphen between its parts.
    [
      '2005 부산 아시아·태평양 경제협력체(APEC) 정상회의',
      ['apec:아시아·태평양 경제협력체', 'apec:APEC'],
    ],
    [
      '아시아-태평양 경제협력체 (에이펙) 정상회의',
      ['apec:아시아-태평양 경제협력체', 'apec:에이펙'],
    ],
    // An ellipsis cuts a word off: "미..." is no 미국.
    ['직원들이 미... 한국군의 방어', ['south-korea:한국']],
    // One-character names joined by a hyphen are a compound of them.
    ['한-미 정상회담', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('Korean: the year a sentence speaks of (South Korea since 1948)', () => {
  test.each([
    // A year dates its own sentence, and the sentences after it in the block.
    ['1896년 그는 독립 클럽을 결성했습니다. 그는 한국의 독립을 주장했다.', []],
    ['15세기 한국의 문자', []],
    [
      '한국과 일본에서는 흔히 그렇게 부른다. 일본에서는 1912년에 처음 나왔다.',
      ['south-korea:한국', 'japan:일본', 'japan:일본'],
    ],
    // Years in brackets date what they follow: here a man's life.
    [
      '대한민국의 제15대 대통령인 김대중 (1924년 1월 6일 ~ 2009년 8월 18일)',
      ['south-korea:대한민국'],
    ],
    // A sum of money is no year.
    ['1500억 달러는 한국 기업 주도로 추진한다.', ['south-korea:한국']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('Korean: decomposed Hangul (NFD)', () => {
  test('jamo sequences match the syllables and map back to the whole text', () => {
    const text = '이재명 대통령'.normalize('NFD');
    expect(text.length).toBeGreaterThan(6);
    expect(found(text)).toEqual([`lee-jae-myung:${'이재명'.normalize('NFD')}`]);
  });
});

describe('Korean: titled forms and generic names, on a page that names them', () => {
  // Alone, a surname with a title or a generic "APEC summit" could be anybody's
  // (tests/unit/recognition/document-linking.test.ts); the page decides.
  test.each([
    ['이 대통령은 회견에서 밝혔다.', ['lee-jae-myung:이']],
    ['이대통령은 회견에서 밝혔다.', ['lee-jae-myung:이']],
    ['시 주석은 11년 만에 방한한다.', ['xi-jinping:시']],
    ['왕 부장은 고위급 교류를 강조했다.', ['wang-yi:왕']],
    ['경주에서 열리는 APEC 정상회의', ['gyeongju:경주', 'apec-summit-gyeongju:APEC 정상회의']],
    ['APEC정상회의', ['apec-summit-gyeongju:APEC정상회의']],
    ['이번 APEC을 계기로 방한했다.', ['apec-summit-gyeongju:APEC']],
    // 경주하면 is "Gyeongju, when you think of it"; 경주하는 is racing.
    ['경주하면 떠오르는 곳은 불국사입니다.', ['gyeongju:경주']],
    ['APEC 회원국', ['apec:APEC']],
  ])('%s', (text, expected) => {
    expect(onTheirPage('ko', text)).toEqual(expected);
  });

  test.each(['이 대통령은 회견에서 밝혔다.', '이대통령은 회견에서 밝혔다.'])(
    '%s alone names nobody',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );
});
