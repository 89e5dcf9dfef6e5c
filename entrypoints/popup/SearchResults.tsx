/** What a search found, in place of the page's names while there is a query. */
import type { RefObject } from 'preact';
import type { Translate } from '../../lib/i18n';
import type { SearchHit } from './use-search';
import { EntityRow } from '../../components/page-list/EntityRow';
import { moveBetweenRows } from '../../components/page-list/row-focus';

export interface SearchResultsProps {
  results: SearchHit[];
  list: RefObject<HTMLUListElement>;
  onOpen: (id: string) => void;
  t: Translate;
  uiLanguage: string;
}

export function SearchResults(props: SearchResultsProps) {
  const { t, results, list } = props;
  return (
    <section class="content" aria-label={t('popup_search')} aria-live="polite">
      {results.length ? (
        <ul class="entities" ref={list} onKeyDown={(e) => moveBetweenRows(e, list.current)}>
          {results.map((entity) => (
            <li key={entity.id}>
              <EntityRow
                entity={entity}
                matched={entity.matched}
                uiLanguage={props.uiLanguage}
                t={t}
                onOpen={props.onOpen}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('popup_noResults')}</p>
      )}
    </section>
  );
}
