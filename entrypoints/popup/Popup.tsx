/**
 * The toolbar popup: who and what is on this page, a search over every
 * briefing, and the pause switches. Talks to the background and to the tab's
 * content script only through the clients it is given.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type {
  EntitySummary,
  PageMentions,
  ToBackground,
  ToContent,
  TopicSummary,
} from '../../lib/messaging/protocol';
import type { Translate } from '../../lib/i18n';
import { normaliseSite, type Settings } from '../../core/settings';
import { displayName, kindKey } from '../../core/display';

export interface PopupProps {
  background: Client<ToBackground>;
  /** the active tab's content script, or null where there is no tab */
  activeTab: () => Promise<Client<ToContent> | null>;
  loadSettings: () => Promise<Settings>;
  updateSettings: (change: (s: Settings) => Settings) => Promise<Settings>;
  openOptions: () => void;
  t: Translate;
  uiLanguage: string;
}

type PageState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; page: PageMentions; entities: Map<string, EntitySummary> };

/** Debounce for the search box: one query per pause in typing. */
const SEARCH_DEBOUNCE_MS = 120;

export function Popup(props: PopupProps) {
  const { t } = props;
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [tab, setTab] = useState<Client<ToContent> | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [topics, setTopics] = useState<TopicSummary[]>([]);
  const [topicFilter, setTopicFilter] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<EntitySummary[] | null>(null);

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
    void (async () => {
      const client = await props.activeTab();
      setTab(client);
      setSettings(await props.loadSettings());
      props.background.send('listTopics', undefined).then(setTopics, () => setTopics([]));
      await refreshPage(client);
    })();
  }, []);

  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) return setResults(null);
    const timer = setTimeout(() => {
      props.background
        .send('searchEntities', { query: trimmed, limit: 12 })
        .then(setResults, () => setResults([]));
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
    setTimeout(() => void refreshPage(tab), 100);
  };
  const toggleAll = async () => {
    setSettings(await props.updateSettings((s) => ({ ...s, paused: !s.paused })));
    setTimeout(() => void refreshPage(tab), 100);
  };

  const listed = useMemo(() => {
    if (page.status !== 'ready') return [];
    return page.page.entities
      .map((m) => ({ ...m, entity: page.entities.get(m.id) }))
      .filter((m): m is typeof m & { entity: EntitySummary } => !!m.entity)
      .filter((m) => !topicFilter || m.entity.topics.includes(topicFilter));
  }, [page, topicFilter]);

  const pageTopics = useMemo(() => {
    if (page.status !== 'ready') return [];
    const present = new Set([...page.entities.values()].flatMap((e) => e.topics));
    return topics.filter((topic) => present.has(topic.id));
  }, [page, topics]);

  const openBriefing = (id: string) => {
    void props.background
      .send('openPage', { page: 'briefing', hash: id })
      .then(() => window.close());
  };

  return (
    <main class="popup">
      <header class="bar">
        <h1>{t('popup_title')}</h1>
        <button type="button" class="link" onClick={props.openOptions}>
          {t('popup_options')}
        </button>
      </header>

      <label class="search">
        <span class="visually-hidden">{t('popup_search')}</span>
        <input
          type="search"
          placeholder={t('popup_searchPlaceholder')}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </label>

      {results ? (
        <section aria-label={t('popup_search')} aria-live="polite">
          {results.length ? (
            <ul class="entities">
              {results.map((entity) => (
                <li key={entity.id}>
                  <EntityRow
                    entity={entity}
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
        <section aria-label={t('popup_title')} aria-busy={page.status === 'loading'}>
          {page.status === 'loading' && <p class="empty">{t('popup_loading')}</p>}
          {page.status === 'unavailable' && <p class="empty">{t('popup_unavailable')}</p>}
          {page.status === 'ready' && !page.page.active && (
            <p class="notice">{settings?.paused ? t('popup_pausedAll') : t('popup_paused')}</p>
          )}
          {page.status === 'ready' && page.page.active && pageTopics.length > 1 && (
            <div class="topics" role="group" aria-label={t('options_topics')}>
              <button
                type="button"
                class="chip"
                aria-pressed={topicFilter === null}
                onClick={() => setTopicFilter(null)}
              >
                {t('popup_allTopics')}
              </button>
              {pageTopics.map((topic) => (
                <button
                  type="button"
                  key={topic.id}
                  class="chip"
                  aria-pressed={topicFilter === topic.id}
                  onClick={() => setTopicFilter(topicFilter === topic.id ? null : topic.id)}
                >
                  {displayName({ name: topic.name.en, names: topic.name }, props.uiLanguage)}
                </button>
              ))}
            </div>
          )}
          {page.status === 'ready' && page.page.active && listed.length === 0 && (
            <p class="empty">{t('popup_noMentions')}</p>
          )}
          {page.status === 'ready' && page.page.active && listed.length > 0 && (
            <ul class="entities">
              {listed.map(({ entity, count }) => (
                <li key={entity.id}>
                  <EntityRow
                    entity={entity}
                    count={count}
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
            <label>
              <input type="checkbox" checked={sitePaused} onChange={() => void toggleSite()} />{' '}
              {t('popup_pauseSite', hostname)}
            </label>
          )}
          <label>
            <input type="checkbox" checked={settings.paused} onChange={() => void toggleAll()} />{' '}
            {t('popup_pauseAll')}
          </label>
        </footer>
      )}
    </main>
  );
}

function EntityRow(props: {
  entity: EntitySummary;
  count?: number;
  uiLanguage: string;
  t: Translate;
  onOpen: (id: string) => void;
  onReveal?: () => void;
}) {
  const { entity, t } = props;
  const name = displayName(entity, props.uiLanguage);
  return (
    <article class={`entity kind-${entity.kind}`} data-entity={entity.id}>
      <button
        type="button"
        class="entity-main"
        onClick={() => props.onOpen(entity.id)}
        title={t('popup_openBriefing')}
      >
        <span class="name">{name}</span>
        {name !== entity.name && <span class="canonical muted">{entity.name}</span>}
        <span class="kind">{t(kindKey(entity.kind))}</span>
      </button>
      {props.count !== undefined && (
        <span class="count" data-count={props.count}>
          {props.count === 1 ? t('popup_mention') : t('popup_mentions', String(props.count))}
        </span>
      )}
      {props.onReveal && (
        <button type="button" class="link reveal" onClick={props.onReveal}>
          {t('popup_showOnPage')}
        </button>
      )}
    </article>
  );
}
