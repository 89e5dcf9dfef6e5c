/**
 * The toolbar popup: who and what is on this page, a search over every
 * briefing, and the pause switches. Talks to the background and to the tab's
 * content script only through the clients it is given.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type {
  EntitySummary,
  PageMentions,
  ToBackground,
  ToContent,
} from '../../lib/messaging/protocol';
import type { TopicSummary } from '../../core/views';
import type { Translate } from '../../lib/i18n';
import { isEntityVisible, normaliseSite, type Settings } from '../../core/settings';
import { displayName, kindKey } from '../../core/display';

export interface PopupProps {
  background: Client<ToBackground>;
  /** the active tab's content script, or null where there is no tab */
  activeTab: () => Promise<Client<ToContent> | null>;
  loadSettings: () => Promise<Settings>;
  updateSettings: (change: (s: Settings) => Settings) => Promise<Settings>;
  /** subscribe to settings changed elsewhere (options page, another popup); returns the unsubscribe */
  watchSettings?: (listener: (s: Settings) => void) => () => void;
  openOptions: () => void;
  t: Translate;
  uiLanguage: string;
}

type PageState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; page: PageMentions; entities: Map<string, EntitySummary> };

/** Debounce for the search box: one query per pause in typing. */
const SEARCH_DEBOUNCE_MS = 80;
/** Marked once when the popup first shows the page's names (bench/popup.ts reads it). */
export const POPUP_READY_MARK = 'briefing-lens:popup-ready';

type SearchHit = EntitySummary & { matched?: string };

export function Popup(props: PopupProps) {
  const { t } = props;
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [tab, setTab] = useState<Client<ToContent> | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [topics, setTopics] = useState<TopicSummary[]>([]);
  const [topicFilter, setTopicFilter] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchHit[] | null>(null);
  const list = useRef<HTMLUListElement>(null);

  const refreshPage = async (client: Client<ToContent> | null) => {
    if (!client) return setPage({ status: 'unavailable' });
    try {
      const found = await client.send('getPageMentions', undefined);
      const summaries = found.entities.length
        ? await props.background.send('getEntities', { ids: found.entities.map((e) => e.id) })
        : [];
      setPage({ status: 'ready', page: found, entities: new Map(summaries.map((s) => [s.id, s])) });
    } catch {
      // No content script answered: a browser page, the web store, a PDF…
      setPage({ status: 'unavailable' });
    }
  };

  useEffect(() => {
    // The tab, the settings and the topics are independent: ask for all at once.
    const client = props.activeTab().catch(() => null);
    void client.then(async (c) => {
      setTab(c);
      await refreshPage(c);
    });
    void props.loadSettings().then(setSettings);
    props.background.send('listTopics', undefined).then(setTopics, () => setTopics([]));
    return props.watchSettings?.((next) => {
      setSettings(next);
      void client.then(refreshPage);
    });
  }, []);

  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) return setResults(null);
    const timer = setTimeout(() => {
      props.background.send('searchEntities', { query: trimmed, limit: 12 }).then(
        (hits) => setResults(hits as SearchHit[]),
        () => setResults([]),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const hostname = page.status === 'ready' ? normaliseSite(page.page.hostname) : '';
  const sitePaused = !!settings && !!hostname && settings.pausedSites.includes(hostname);

  const toggleSite = async () => {
    const next = await props.updateSettings((s) => ({
      ...s,
      pausedSites: sitePaused
        ? s.pausedSites.filter((x) => x !== hostname)
        : [...s.pausedSites, hostname],
    }));
    setSettings(next);
    // The page follows storage.onChanged; ask it again once it has.
    setTimeout(() => void refreshPage(tab), 100);
  };
  const toggleAll = async () => {
    setSettings(await props.updateSettings((s) => ({ ...s, paused: !s.paused })));
    setTimeout(() => void refreshPage(tab), 100);
  };

  const onPage = useMemo(() => {
    if (page.status !== 'ready') return [];
    return page.page.entities
      .map((m) => ({ ...m, entity: page.entities.get(m.id) }))
      .filter((m): m is typeof m & { entity: EntitySummary } => !!m.entity)
      .map((m) => ({ ...m, label: displayName(m.entity, props.uiLanguage) }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, props.uiLanguage));
  }, [page]);

  const listed = useMemo(
    () => onPage.filter((m) => !topicFilter || m.entity.topics.includes(topicFilter)),
    [onPage, topicFilter],
  );

  const pageTopics = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of onPage)
      for (const topic of m.entity.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    return topics
      .filter((topic) => counts.has(topic.id))
      .map((topic) => ({ ...topic, onPage: counts.get(topic.id)! }));
  }, [onPage, topics]);

  const active = page.status === 'ready' && page.page.active;
  useEffect(() => {
    if (active && listed.length && !performance.getEntriesByName(POPUP_READY_MARK).length)
      performance.mark(POPUP_READY_MARK);
  }, [active, listed.length]);

  const openBriefing = (id: string) => {
    void props.background
      .send('openPage', { page: 'briefing', hash: id })
      .then(() => window.close());
  };

  /** Arrow keys move between the rows of the list, as in a menu. */
  const onListKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const rows = [...(list.current?.querySelectorAll<HTMLElement>('.entity-main') ?? [])];
    const at = rows.indexOf(document.activeElement as HTMLElement);
    const next = rows[event.key === 'ArrowDown' ? at + 1 : at - 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      const first = list.current?.querySelector<HTMLElement>('.entity-main');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Enter' && results?.[0]) {
      openBriefing(results[0].id);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const topicLabel = (topic: TopicSummary) =>
    displayName({ name: topic.name.en, names: topic.name }, props.uiLanguage);

  return (
    <main class="popup">
      <header class="bar">
        <h1>
          {t('popup_title')}
          {hostname && <span class="host muted">{hostname}</span>}
        </h1>
        <button
          type="button"
          class="icon-button"
          onClick={props.openOptions}
          aria-label={t('popup_options')}
          title={t('popup_options')}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path
              fill="currentColor"
              d="M19.4 13a7.7 7.7 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1L15 3.3h-4l-.4 2.6a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.7 7.7 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1l.4 2.6h4l.4-2.6c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
              transform="translate(-1 0)"
            />
          </svg>
        </button>
      </header>

      <div class="search">
        <input
          type="search"
          aria-label={t('popup_search')}
          placeholder={t('popup_searchPlaceholder')}
          value={query}
          autoFocus
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          onKeyDown={onSearchKey}
        />
      </div>

      {results ? (
        <section class="content" aria-label={t('popup_search')} aria-live="polite">
          {results.length ? (
            <ul class="entities" ref={list} onKeyDown={onListKey}>
              {results.map((entity) => (
                <li key={entity.id}>
                  <EntityRow
                    entity={entity}
                    matched={entity.matched}
                    uiLanguage={props.uiLanguage}
                    t={t}
                    onOpen={openBriefing}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t('popup_noResults')}</p>
          )}
        </section>
      ) : (
        <section
          class="content"
          aria-label={t('popup_title')}
          aria-busy={page.status === 'loading'}
        >
          {page.status === 'loading' && <p class="empty">{t('popup_loading')}</p>}
          {page.status === 'unavailable' && (
            <div class="empty" data-state="unavailable">
              <p class="empty-title">{t('popup_unavailableTitle')}</p>
              <p>{t('popup_unavailable')}</p>
            </div>
          )}
          {page.status === 'ready' && !page.page.active && (
            <div class="empty" data-state="paused">
              <p class="empty-title">
                {settings?.paused ? t('popup_pausedAll') : t('popup_paused')}
              </p>
              <p>{t('popup_pausedHelp')}</p>
            </div>
          )}
          {active && pageTopics.length > 1 && (
            <div class="topics" role="group" aria-label={t('popup_filterByTopic')}>
              <button
                type="button"
                class="chip"
                aria-pressed={topicFilter === null}
                onClick={() => setTopicFilter(null)}
              >
                {t('popup_allTopics')} <span class="chip-count">{onPage.length}</span>
              </button>
              {pageTopics.map((topic) => (
                <button
                  type="button"
                  key={topic.id}
                  class="chip"
                  data-topic={topic.id}
                  aria-pressed={topicFilter === topic.id}
                  onClick={() => setTopicFilter(topicFilter === topic.id ? null : topic.id)}
                >
                  <span class="dot" style={{ background: topic.color }} aria-hidden="true" />
                  {topicLabel(topic)} <span class="chip-count">{topic.onPage}</span>
                </button>
              ))}
            </div>
          )}
          {active && listed.length === 0 && (
            <div class="empty" data-state="nothing">
              <p class="empty-title">{t('popup_noMentionsTitle')}</p>
              <p>{t('popup_noMentions')}</p>
            </div>
          )}
          {active && listed.length > 0 && (
            <ul class="entities" ref={list} onKeyDown={onListKey}>
              {listed.map(({ entity, count }) => (
                <li key={entity.id}>
                  <EntityRow
                    entity={entity}
                    count={count}
                    hidden={!!settings && !isEntityVisible(settings, entity)}
                    uiLanguage={props.uiLanguage}
                    t={t}
                    onOpen={openBriefing}
                    onReveal={() => void tab?.send('revealMention', { entityId: entity.id })}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {settings && (
        <footer class="pauses">
          {hostname && (
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                data-pause="site"
                checked={sitePaused}
                onChange={() => void toggleSite()}
              />
              <span>{t('popup_pauseSite', hostname)}</span>
            </label>
          )}
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              data-pause="all"
              checked={settings.paused}
              onChange={() => void toggleAll()}
            />
            <span>{t('popup_pauseAll')}</span>
          </label>
        </footer>
      )}
    </main>
  );
}

function EntityRow(props: {
  entity: EntitySummary;
  count?: number;
  /** the alias a search matched, shown when it is not the displayed name */
  matched?: string;
  /** on the page, but not highlighted under the current settings */
  hidden?: boolean;
  uiLanguage: string;
  t: Translate;
  onOpen: (id: string) => void;
  onReveal?: () => void;
}) {
  const { entity, t } = props;
  const name = displayName(entity, props.uiLanguage);
  const secondary =
    props.matched && props.matched !== name && props.matched !== entity.name
      ? props.matched
      : name !== entity.name
        ? entity.name
        : '';
  return (
    <article
      class={`entity kind-${entity.kind}${props.hidden ? ' is-hidden' : ''}`}
      data-entity={entity.id}
    >
      <button
        type="button"
        class="entity-main"
        onClick={() => props.onOpen(entity.id)}
        title={t('popup_openBriefing')}
      >
        <span class="kind-dot" aria-hidden="true" />
        <span class="names">
          <span class="name">{name}</span>
          <span class="sub muted">
            {t(kindKey(entity.kind))}
            {secondary && ` · ${secondary}`}
            {props.hidden && ` · ${t('popup_notHighlighted')}`}
          </span>
        </span>
        {props.count !== undefined && (
          <span
            class="count"
            data-count={props.count}
            title={
              props.count === 1 ? t('popup_mention') : t('popup_mentions', String(props.count))
            }
          >
            <span aria-hidden="true">{props.count}</span>
            <span class="visually-hidden">
              {props.count === 1 ? t('popup_mention') : t('popup_mentions', String(props.count))}
            </span>
          </span>
        )}
      </button>
      {props.onReveal && !props.hidden && (
        <button
          type="button"
          class="icon-button reveal"
          onClick={props.onReveal}
          aria-label={`${t('popup_showOnPage')}: ${name}`}
          title={t('popup_showOnPage')}
        >
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
            <path
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
              d="M12 3v3M12 18v3M3 12h3M18 12h3M12 8a4 4 0 1 1 0 8 4 4 0 0 1 0-8z"
            />
          </svg>
        </button>
      )}
    </article>
  );
}
