import { describe, expect, it } from 'vitest';
import { freshnessOf, STALE_AFTER_DAYS } from '../../core/freshness';

describe('freshnessOf', () => {
  const dates = ['2025-10-31', '2025-10-28'];
  it('notes a page from before the earliest article, with both dates', () => {
    expect(freshnessOf('2016-03-01', dates)).toEqual({
      kind: 'older',
      pageDate: '2016-03-01',
      from: '2025-10-28',
    });
    expect(freshnessOf('2025-10-27', dates)?.kind).toBe('older');
  });

  it('notes a page from more than a year after the latest article', () => {
    expect(freshnessOf('2027-01-01', dates)).toEqual({
      kind: 'newer',
      pageDate: '2027-01-01',
      to: '2025-10-31',
    });
    const justInside = new Date(Date.parse('2025-10-31') + STALE_AFTER_DAYS * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(freshnessOf(justInside, dates)).toBeNull();
  });

  it('says nothing for a page of the briefing’s time, an undated page or undated articles', () => {
    expect(freshnessOf('2025-10-29', dates)).toBeNull();
    expect(freshnessOf('2025-10-28', dates)).toBeNull();
    expect(freshnessOf(null, dates)).toBeNull();
    expect(freshnessOf('not a date', dates)).toBeNull();
    expect(freshnessOf('2016-03-01', [])).toBeNull();
    expect(freshnessOf('2016-03-01', ['', 'soon'])).toBeNull();
  });
});
