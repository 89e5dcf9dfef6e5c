/**
 * Japanese: honorifics and titles end a name and stay outside the mention;
 * spaces and middle dots inside names are optional; katakana readings;
 * one-character surnames only with a title; 高市 and 茂木 in other words.
 */
import { describe, expect, test } from 'vitest';
import { found, onTheirPage } from './helpers';

describe('Japanese: names', () => {
  test.each([
    ['茂木敏充外相は電話会談で', ['toshimitsu-motegi:茂木敏充']],
    ['茂木 敏充外相', ['toshimitsu-motegi:茂木 敏充']],
    ['茂木　敏充外相', ['toshimitsu-motegi:茂木　敏充']],
    ['茂木外相は', ['toshimitsu-motegi:茂木']],
    ['高市早苗首相', ['sanae-takaichi:高市早苗']],
    ['高市首相は', ['sanae-takaichi:高市']],
    ['高市氏が提案した', ['sanae-takaichi:高市']],
    ['高市総理', ['sanae-takaichi:高市']],
    ['習近平国家主席', ['xi-jinping:習近平']],
    ['シー・ジンピン', ['xi-jinping:シー・ジンピン']],
    ['シージンピン', ['xi-jinping:シージンピン']],
    ['李在明大統領', ['lee-jae-myung:李在明']],
    ['イ・ジェミョン大統領', ['lee-jae-myung:イ・ジェミョン']],
    ['イジェミョン大統領', ['lee-jae-myung:イジェミョン']],
    ['イ ジェミョン', ['lee-jae-myung:イ ジェミョン']],
    ['王毅外相', ['wang-yi:王毅']],
    ['トランプ大統領', ['donald-trump:トランプ']],
    ['ドナルド・トランプ氏', ['donald-trump:ドナルド・トランプ']],
    ['ｱﾒﾘｶ', ['united-states:ｱﾒﾘｶ']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('Japanese: look-alikes', () => {
  test.each([
    ['脳科学者の茂木健一郎氏'],
    ['ツインリンクもてぎで開催'],
    ['奈良県高市郡高取町'],
    ['高市皇子の歌'],
    ['トランプゲームで遊ぶ'],
    ['トランプ遊び'],
    ['クリントン氏'],
    ['アメリカンドリーム'],
    ['朝鮮半島'],
    ['中国地方の天気'],
    ['李氏朝鮮の時代'],
    ['習氏は'],
    ['練習主席'],
    // Things named after a country that are not it (lexicon.ts, ORGANISATION_HEADS).
    ['日本海側は雪'],
    ['日本国憲法第9条'],
    ['在韓日本大使館のメールマガジン'],
    ['日本円で約53兆円'],
    ['日本画家の旧邸'],
    ['日本女子大学の講師'],
    ['韓国外国語大学の教授'],
    ['朝鮮労働党の大会'],
    // An institution's head a few characters on ends the same name.
    ['韓国グローバル戦略協力研究院院長'],
    ['自民党日本経済再生本部長'],
    // A name joined by a dot to a language shares its suffix.
    ['「中国語」、「韓国・朝鮮語」のページ'],
    ['第1回日本ハンドボールリーグ'],
    // A pair of abbreviations before a word in 国 (lexicon.ts, STATE_WORDS).
    ['日韓国交正常化60年'],
    ['日中国交正常化50周年'],
    // A country in Latin capitals amid Japanese: a team or a title.
    ['W杯出場を決めたハリルJAPAN'],
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('Japanese: places, countries, topics', () => {
  test.each([
    ['北朝鮮の核開発', ['north-korea-nuclear-program:北朝鮮の核']],
    ['北朝鮮が反発', ['north-korea:北朝鮮']],
    ['慶州で', ['gyeongju:慶州']],
    ['日本と韓国', ['japan:日本', 'south-korea:韓国']],
    ['５００兆ウォン', ['investment-fund:５００兆ウォン']],
    [
      '関税交渉で3500億ドル(約53兆円)の対米投資パッケージに合意',
      ['investment-fund:3500億ドル(約53兆円)の対米投資パッケージ'],
    ],
    ['半導体', ['semiconductors:半導体']],
    ['ノーベル平和賞', ['nobel-peace-prize-nomination:ノーベル平和賞']],
    ['北東アジア', ['northeast-asia:北東アジア']],
    ['米韓同盟', ['korea-us-alliance:米韓同盟']],
    ['アジア・太平洋経済協力', ['apec:アジア・太平洋経済協力']],
    // Not glued: the dot makes it the country's coast guard, not a name of it.
    ['中国・海警局の公船', ['china:中国']],
    ['訪日中国人', ['china:中国']],
    // 文 of 文化 is no language suffix (日本語 is one: ORGANISATION_HEADS' neighbour).
    ['日本文化の発信拠点', ['japan:日本']],
    ['韓国の研究所', ['south-korea:韓国']],
    // A country, a dot, a city: the fold drops the dot, the boundary holds.
    ['アメリカ・ニューヨークの大学院', ['united-states:アメリカ']],
    ['日本とアメリカ・サンフランシスコで', ['japan:日本', 'united-states:アメリカ']],
    // A region's word after a region is the region still.
    ['北東アジア地域の3国', ['northeast-asia:北東アジア']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('Japanese: titled forms and generic names, on a page that names them', () => {
  // Alone, a surname with a title or a generic "APEC summit" could be anybody's
  // (tests/unit/recognition/document-linking.test.ts); the page decides.
  test.each([
    ['習主席は訪韓する', ['xi-jinping:習']],
    ['李大統領は', ['lee-jae-myung:李']],
    ['王外相は', ['wang-yi:王']],
    ['APEC首脳会議', ['apec-summit-gyeongju:APEC首脳会議']],
    // 非核化 is a name of the topic in the pack's Chinese only: not read amid kana.
    ['北朝鮮が非核化の要求を放棄すれば', ['north-korea:北朝鮮']],
    // The forum's bare name written as its meeting, on a page about the summit.
    ['慶州でAPECが開幕', ['gyeongju:慶州', 'apec-summit-gyeongju:APEC']],
    ['「APECウイーク」を終える', ['apec-summit-gyeongju:APEC']],
    [
      'アジア太平洋経済協力会議（APEC）の際に',
      ['apec-summit-gyeongju:アジア太平洋経済協力会議', 'apec-summit-gyeongju:APEC'],
    ],
    // Without the event word it is the forum.
    ['APECの首脳が', ['apec:APEC']],
  ])('%s', (text, expected) => {
    expect(onTheirPage('ja', text)).toEqual(expected);
  });

  test('a meeting of another year is the forum', () => {
    expect(found('北京でAPECが開幕')).toEqual(['apec:APEC']);
  });

  test.each(['習主席は訪韓する', '李大統領は'])('%s alone names nobody', (text) => {
    expect(found(text)).toEqual([]);
  });
});
