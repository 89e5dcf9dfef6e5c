import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../core/recognition';

describe('matcher smoke', () => {
  it('finds an alias', () => {
    const m = compileMatcher([{ id: 'wang-yi', aliases: { en: ['Wang Yi'] } }]);
    expect(m.find('Minister Wang Yi said')).toEqual([
      { entityId: 'wang-yi', start: 9, end: 16, text: 'Wang Yi' },
    ]);
  });
});
