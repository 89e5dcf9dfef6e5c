/**
 * The page's own date, as news pages state it: the Open Graph
 * `article:published_time`, other common meta tags, schema.org's
 * `datePublished` in JSON-LD, or a `<time datetime>` in the article's
 * header. Read only (JSON.parse for the JSON-LD: data, never code); null
 * when the page says nothing that parses as a day.
 */

const META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
];

/** "2016-03-01T09:00:00+09:00" → "2016-03-01"; null for anything else. */
export function isoDay(text: string | null | undefined): string | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(text ?? '');
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d)
    ? `${y}-${m}-${d}`
    : null;
}

/** `datePublished` anywhere in a JSON-LD value (a graph, a list, nested objects). */
function datePublishedIn(value: unknown, depth = 0): string | null {
  if (depth > 6 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = datePublishedIn(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  const own = typeof record.datePublished === 'string' ? isoDay(record.datePublished) : null;
  if (own) return own;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const found = datePublishedIn(record[key], depth + 1);
    if (found) return found;
  }
  return null;
}

export function pageDate(doc: Document = document): string | null {
  for (const selector of META) {
    const day = isoDay(doc.querySelector(selector)?.getAttribute('content'));
    if (day) return day;
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const day = datePublishedIn(JSON.parse(script.textContent ?? ''));
      if (day) return day;
    } catch {
      // the page's own broken JSON: not ours to mend
    }
  }
  const time = doc.querySelector(
    'article header time[datetime], header time[datetime], article time[datetime]',
  );
  return isoDay(time?.getAttribute('datetime'));
}
