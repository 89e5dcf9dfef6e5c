/**
 * The popup's search over every briefing: one query per pause in typing;
 * no results (null) while the box is empty.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { EntitySummary, ToBackground } from '../../lib/messaging/protocol';

/** Debounce for the search box: one query per pause in typing. */
export const SEARCH_DEBOUNCE_MS = 80;
/** How many entities a search lists at most. */
const SEARCH_LIMIT = 12;

/** A search result, with the alias that matched where the background says. */
export type SearchHit = EntitySummary & { matched?: string };

export interface Search {
  query: string;
  setQuery: (query: string) => void;
  /** null while there is no query (the page's names show instead) */
  results: SearchHit[] | null;
}

export function useSearch(background: Client<ToBackground>): Search {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchHit[] | null>(null);

  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) return setResults(null);
    const timer = setTimeout(() => {
      background.send('searchEntities', { query: trimmed, limit: SEARCH_LIMIT }).then(
        (hits) => setResults(hits as SearchHit[]),
        () => setResults([]),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  return { query, setQuery, results };
}
