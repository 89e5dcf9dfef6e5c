/**
 * The popup's search box. ArrowDown goes to the first row of the list below,
 * Enter opens the first result's briefing, Escape empties the box.
 */
import type { RefObject } from 'preact';
import type { Translate } from '../../lib/i18n';
import type { Search } from './use-search';
import { focusFirstRow } from '../../components/page-list/row-focus';

export interface SearchBoxProps {
  search: Search;
  /** the list shown below the box (the results, or the page's names) */
  list: RefObject<HTMLUListElement>;
  onOpen: (id: string) => void;
  t: Translate;
}

export function SearchBox(props: SearchBoxProps) {
  const { t } = props;
  const { query, setQuery, results } = props.search;

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      focusFirstRow(event, props.list.current);
    } else if (event.key === 'Enter' && results?.[0]) {
      props.onOpen(results[0].id);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  return (
    <div class="search">
      <input
        type="search"
        aria-label={t('popup_search')}
        placeholder={t('popup_searchPlaceholder')}
        value={query}
        autoFocus
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        onKeyDown={onKey}
      />
    </div>
  );
}
