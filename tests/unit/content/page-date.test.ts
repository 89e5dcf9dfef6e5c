// @vitest-environment happy-dom
/** The page's own date, from the places news pages put it, and nothing from anything else. */
import { afterEach, describe, expect, it } from 'vitest';
import { isoDay, pageDate } from '../../../entrypoints/content/page-date';

function page(head: string, body = '') {
  document.head.innerHTML = head;
  document.body.innerHTML = body;
}

afterEach(() => page(''));

describe('pageDate', () => {
  it('reads the Open Graph published time first', () => {
    page(
      `<meta property="article:published_time" content="2016-03-01T09:00:00+09:00">
       <script type="application/ld+json">{"datePublished": "2024-12-03"}</script>`,
    );
    expect(pageDate()).toBe('2016-03-01');
  });

  it('reads schema.org datePublished from JSON-LD, in a graph or a list too', () => {
    page(
      `<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2024-12-03T08:00:00Z"}]}</script>`,
    );
    expect(pageDate()).toBe('2024-12-03');
    page(`<script type="application/ld+json">[{"datePublished": "2023-05-06"}]</script>`);
    expect(pageDate()).toBe('2023-05-06');
  });

  it('passes over broken JSON-LD and reads the article header’s time', () => {
    page(
      `<script type="application/ld+json">{"datePublished": </script>`,
      `<article><header><h1>T</h1><time datetime="2019-07-08">July 8</time></header></article>`,
    );
    expect(pageDate()).toBe('2019-07-08');
  });

  it('is null for a page that gives no date, or no day', () => {
    page('<meta name="description" content="2016-03-01">', '<p>Published 2016-03-01</p>');
    expect(pageDate()).toBeNull();
    page('<meta property="article:published_time" content="2016-02-30">');
    expect(pageDate()).toBeNull();
  });
});

describe('isoDay', () => {
  it('keeps the day of an ISO date or time, and nothing else', () => {
    expect(isoDay('2025-10-28T23:30:00-05:00')).toBe('2025-10-28');
    expect(isoDay(' 2025-10-28')).toBe('2025-10-28');
    expect(isoDay('28/10/2025')).toBeNull();
    expect(isoDay(null)).toBeNull();
  });
});
