import { describe, expect, it } from 'vitest';
import { parseArticleHash } from '../../../components/ArticlePage';
import { decodeComponent } from '../../../core/display';

describe('the article page’s address', () => {
  it('reads the pack, the article and the cited span', () => {
    expect(parseArticleHash('#bundled/apec%20summit/10-42')).toEqual({
      packId: 'bundled',
      articleId: 'apec summit',
      cited: [10, 42],
    });
    expect(parseArticleHash('#bundled/apec')).toMatchObject({ cited: null });
  });

  it('names no article when the address is malformed, instead of throwing', () => {
    expect(parseArticleHash('#bundled/%E0%A4%A')).toBeNull();
    expect(parseArticleHash('#%/apec')).toBeNull();
    expect(parseArticleHash('#bundled')).toBeNull();
  });

  it('decodes a component, or says it cannot', () => {
    expect(decodeComponent('%EC%9D%B4%EC%9E%AC%EB%AA%85')).toBe('이재명');
    expect(decodeComponent('%E0%A4%A')).toBeNull();
  });
});
