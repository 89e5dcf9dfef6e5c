import { describe, expect, it } from 'vitest';
import { findDates, isIsoDate } from '../../../core/pack/dates';

const ARTICLE_DATE = '2025-10-28';

describe('findDates', () => {
  it.each([
    ['On October 28, 2025, Chinese Foreign Minister Wang Yi', '2025-10-28', 'October 28, 2025'],
    [
      'the APEC summit scheduled for October 31, 2025, in Gyeongju',
      '2025-10-31',
      'October 31, 2025',
    ],
    ['a state visit to South Korea on November 1, where he', '2025-11-01', 'November 1'],
    ['is reportedly being coordinated for the 30th.', '2025-10-30', 'the 30th'],
    ['talks on the 2nd.', '2025-11-02', 'the 2nd'],
    ['on Oct. 29 in Seoul', '2025-10-29', 'Oct. 29'],
    ['October 30th', '2025-10-30', 'October 30th'],
    ['on 28 October 2025', '2025-10-28', '28 October 2025'],
    ['on the 29th of October', '2025-10-29', '29th of October'],
    ['dated 2025-10-31 in the log', '2025-10-31', '2025-10-31'],
    ['지난 10월 28일 통화에서', '2025-10-28', '10월 28일'],
    ['2025년 10월 31일 경주에서', '2025-10-31', '2025년 10월 31일'],
    ['오는 30일 정상회담', '2025-10-30', '오는 30일'],
    ['지난 27일 발표', '2025-10-27', '지난 27일'],
    ['10月28日、王毅外相は', '2025-10-28', '10月28日'],
    ['2025年10月31日在庆州', '2025-10-31', '2025年10月31日'],
    ['１０月２８日', '2025-10-28', '１０月２８日'],
    ['11月1号访问', '2025-11-01', '11月1号'],
    ['30日に会談', '2025-10-30', '30日'],
    ['yesterday he said', '2025-10-27', 'yesterday'],
    ['어제 통화', '2025-10-27', '어제'],
    ['January 5', '2026-01-05', 'January 5'],
    ['April 20', '2026-04-20', 'April 20'],
    ['May 5', '2025-05-05', 'May 5'],
  ])('%s', (sentence, date, text) => {
    const found = findDates(sentence, ARTICLE_DATE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ date, text });
    expect(sentence.slice(found[0]!.start, found[0]!.end)).toBe(text);
  });

  it.each([
    'the 30th anniversary of ties',
    'for 11 years',
    'they may 5 times',
    '3일간 머물렀다',
    '3日間の滞在',
    'February 30, 2025',
    '2025-02-30',
  ])('finds no date in %j', (sentence) => {
    expect(findDates(sentence, ARTICLE_DATE)).toEqual([]);
  });

  it('moves a yearless date into the year closest to the article', () => {
    expect(findDates('December 20', '2026-01-05')[0]?.date).toBe('2025-12-20');
    expect(findDates('January 5', '2025-12-20')[0]?.date).toBe('2026-01-05');
  });

  it('rolls "the 2nd" into the next year in December', () => {
    expect(findDates('on the 2nd.', '2025-12-28')[0]?.date).toBe('2026-01-02');
  });

  it('finds several dates in order', () => {
    const found = findDates(
      'Between October 28, 2025 and November 1, talks went on.',
      ARTICLE_DATE,
    );
    expect(found.map((d) => d.date)).toEqual(['2025-10-28', '2025-11-01']);
  });

  it('ignores an invalid article date', () => {
    expect(findDates('October 28, 2025', 'someday')).toEqual([]);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2025-10-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-1', false],
    ['28/10/2025', false],
  ])('%s → %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));
});
