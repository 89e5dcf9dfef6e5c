/**
 * Chinese, Simplified and Traditional: no spaces between words, so the
 * confusers are exclusions (毅然, 市场, 学习, 朝鲜半岛); one-character
 * surnames count only with a title.
 */
import { describe, expect, test } from 'vitest';
import { found, onTheirPage } from './helpers';

describe('Chinese: names, both scripts', () => {
  test.each([
    ['习近平主席', ['xi-jinping:习近平']],
    ['習近平主席', ['xi-jinping:習近平']],
    ['李在明总统', ['lee-jae-myung:李在明']],
    ['李在明總統', ['lee-jae-myung:李在明']],
    ['王毅外长', ['wang-yi:王毅']],
    ['特朗普总统', ['donald-trump:特朗普']],
    ['川普總統', ['donald-trump:川普']],
    ['唐纳德·特朗普', ['donald-trump:唐纳德·特朗普']],
    ['唐纳德特朗普', ['donald-trump:唐纳德特朗普']],
    ['日本首相高市早苗', ['japan:日本', 'sanae-takaichi:高市早苗']],
    ['茂木敏充外相', ['toshimitsu-motegi:茂木敏充']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('Chinese: look-alikes', () => {
  test.each([
    ['王怡牧师'],
    ['王毅然决定'],
    ['李总理表示'],
    ['提高市场份额'],
    ['高市盈率'],
    ['学习主席讲话精神'],
    ['朝鲜半岛局势'],
    ['朝鲜族同胞'],
    ['王主席'],
    ['东临日本海'],
    ['斯諾克中國賽冠軍'],
    ['朝鲜劳动党'],
    ['南北韓對話'],
    ['推動中韓國防部門交流'],
    // An institution's head a few characters on ends the same name; new heads.
    ['據韓國進出口銀行海外經濟研究所預測'],
    ['在日本外國特派員協會的演說'],
    ['到訪位於上海的大韓民國臨時政府舊址'],
    ['美國長老會的牧師'],
    // 字 makes the name its script's.
    ['稱其為朝鮮字'],
    ['朝鮮民族的文字'],
    ['費城半導體指數上漲'],
    ['第二屆中國國際進口博覽會'],
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('Chinese: places, countries, topics', () => {
  test.each([
    ['朝鲜', ['north-korea:朝鲜']],
    ['韩美同盟', ['korea-us-alliance:韩美同盟']],
    ['美韓同盟', ['korea-us-alliance:美韓同盟']],
    ['半导体', ['semiconductors:半导体']],
    ['半導體', ['semiconductors:半導體']],
    ['亚太经合组织', ['apec:亚太经合组织']],
    ['庆州', ['gyeongju:庆州']],
    ['中国和日本', ['china:中国', 'japan:日本']],
    ['中國與美國', ['china:中國', 'united-states:美國']],
    // A particle between the name and the head: two things, not one name.
    ['韓國和美國銀行', ['south-korea:韓國']],
    // An office between the name and the head: a person, not one name.
    ['中国外交部长王毅出席研究院活动', ['china:中国', 'wang-yi:王毅']],
    // 文 begins 文化 here, not the language.
    ['中国文化', ['china:中国']],
    ['诺贝尔和平奖', ['nobel-peace-prize-nomination:诺贝尔和平奖']],
    ['东北亚', ['northeast-asia:东北亚']],
    ['東北亞', ['northeast-asia:東北亞']],
    ['500万亿韩元', ['investment-fund:500万亿韩元']],
    ['美韩关税谈判卡关 3500億美元投資分歧未解', ['investment-fund:3500億美元投資']],
    // The year of the next sentence does not date this one; an amount is no year.
    ['諺文，韓國稱其為韓字。15世紀，在朝鮮王朝（1392年-1897年）', ['south-korea:韓國']],
    ['韓國今年半導體出口額達到1880億美元', ['south-korea:韓國', 'semiconductors:半導體']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('Chinese: titled forms and generic names, on a page that names them', () => {
  // Alone, a surname with a title or a generic "APEC summit" could be anybody's
  // (tests/unit/recognition/document-linking.test.ts); the page decides.
  test.each([
    ['习主席表示', ['xi-jinping:习']],
    ['学习习主席讲话', ['xi-jinping:习']],
    ['習主席表示', ['xi-jinping:習']],
    ['李总统表示', ['lee-jae-myung:李']],
    ['李總統表示', ['lee-jae-myung:李']],
    ['王外长', ['wang-yi:王']],
    ['王外長', ['wang-yi:王']],
    ['朝核问题', ['north-korea-nuclear-program:朝核问题']],
    ['APEC峰会', ['apec-summit-gyeongju:APEC峰会']],
    // "This APEC" is the meeting; "APEC in the past" the forum.
    ['這次APEC也成為平台', ['apec-summit-gyeongju:APEC']],
    ['過去APEC曾發揮作用', ['apec:APEC']],
    // Chinese text (no kana) reads the pack's Chinese-only names.
    [
      '朝鲜要求美国放弃非核化',
      ['north-korea:朝鲜', 'united-states:美国', 'north-korea-nuclear-program:非核化'],
    ],
  ])('%s', (text, expected) => {
    expect(onTheirPage('zh', text)).toEqual(expected);
  });

  test.each(['习主席表示', '学习习主席讲话'])('%s alone names nobody', (text) => {
    expect(found(text)).toEqual([]);
  });
});
