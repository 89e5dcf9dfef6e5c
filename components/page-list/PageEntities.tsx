/**
 * The page's names: while the tab is asked, where it cannot answer or is
 * paused, and otherwise its entities by mentions, filtered by topic chips.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SourceRef } from '../../core/pack/types';
import { BriefingSummary } from '../BriefingSummary';
import type { Briefings } from '../../components/page-list/use-briefings';
import type { Translate } from '../../lib/i18n';
import type { TopicSummary } from '../../core/views';
import { isEntityVisible, type Settings } from '../../core/settings';
import { displayName } from '../../core/display';
import type { PageState } from '../../components/page-list/use-page-mentions';
import type { PageRows } from '../../components/page-list/use-page-rows';
import { EntityRow } from '../../components/page-list/EntityRow';
import { moveBetweenRows } from '../../components/page-list/row-focus';

export interface PageEntitiesProps {
  page: PageState;
  /** null until loaded */
  settings: Settings | null;
  rows: PageRows;
  list: RefObject<HTMLUListElement>;
  onOpen: (id: string) => void;
  /** shows the entity's next mention on the page */
  onReveal: (entityId: string) => void;
  /** the listed entities' briefings, as they arrive */
  briefings: Briefings;
  onOpenSource: (source: SourceRef, packId: string) => void;
  /**
   * the name the reader looks at on the page (the side panel): its row is
   * marked, opened and brought into view; `at` tells one look from the next
   */
  looking?: { entityId: string; at: number } | null;
  /** called once a look is shown, with its `at` (bench/popup.ts times the side panel) */
  onLookShown?: (at: number) => void;
  t: Translate;
  uiLanguage: string;
}

export function PageEntities(props: PageEntitiesProps) {
  const { page, settings, t, list } = props;
  const { listed } = props.rows;
  const active = page.status === 'ready' && page.page.active;
  // One summary shows its whole sentence at a time.
  const [expanded, setExpanded] = useState<string | null>(null);
  const looking = props.looking ?? null;
  useEffect(() => {
    if (!looking) return;
    setExpanded(looking.entityId);
    const row = list.current?.querySelector(`[data-entity="${CSS.escape(looking.entityId)}"]`);
    row?.scrollIntoView({
      block: 'nearest',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
    props.onLookShown?.(looking.at);
  }, [looking?.at]);
  return (
    <section class="content" aria-label={t('popup_title')} aria-busy={page.status === 'loading'}>
      {page.status === 'loading' && <p class="empty">{t('popup_loading')}</p>}
      {page.status === 'unavailable' && (
        <div class="empty" data-state="unavailable">
          <p class="empty-title">{t('popup_unavailableTitle')}</p>
          <p>{t('popup_unavailable')}</p>
        </div>
      )}
      {page.status === 'ready' && !page.page.active && (
        <div class="empty" data-state="paused">
          <p class="empty-title">{settings?.paused ? t('popup_pausedAll') : t('popup_paused')}</p>
          <p>{t('popup_pausedHelp')}</p>
        </div>
      )}
      {active && props.rows.pageTopics.length > 1 && (
        <TopicChips rows={props.rows} t={t} uiLanguage={props.uiLanguage} />
      )}
      {active && listed.length === 0 && (
        <div class="empty" data-state="nothing">
          <p class="empty-title">{t('popup_noMentionsTitle')}</p>
          <p>{t('popup_noMentions')}</p>
        </div>
      )}
      {active && listed.length > 0 && (
        <ul
          class="entities"
          ref={list}
          // Busy until every listed briefing has answered: the rows grow as they do.
          aria-busy={listed.some(({ entity }) => !props.briefings.has(entity.id))}
          onKeyDown={(e) => moveBetweenRows(e, list.current)}
        >
          {listed.map(({ entity, count }) => (
            <li key={entity.id} aria-current={looking?.entityId === entity.id ? 'true' : undefined}>
              <EntityRow
                entity={entity}
                count={count}
                hidden={!!settings && !isEntityVisible(settings, entity)}
                uiLanguage={props.uiLanguage}
                t={t}
                onOpen={props.onOpen}
                onReveal={() => props.onReveal(entity.id)}
                summary={
                  props.briefings.get(entity.id) ? (
                    <BriefingSummary
                      view={props.briefings.get(entity.id)!}
                      uiLanguage={props.uiLanguage}
                      t={t}
                      open={expanded === entity.id}
                      onToggle={() => setExpanded(expanded === entity.id ? null : entity.id)}
                      onOpenSource={props.onOpenSource}
                    />
                  ) : null
                }
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * "All" and one chip per topic of the page's entities; a chip pressed again
 * shows all. One Tab stop for the whole row (the pressed chip), the arrow
 * keys, Home and End move between chips, as in a toolbar: the list is one
 * Tab away however many topics the page has.
 */
function TopicChips(props: { rows: PageRows; t: Translate; uiLanguage: string }) {
  const { t } = props;
  const { onPage, pageTopics, topicFilter, setTopicFilter } = props.rows;
  const topicLabel = (topic: TopicSummary) =>
    displayName({ name: topic.name.en, names: topic.name }, props.uiLanguage);
  const moveFocus = (event: KeyboardEvent) => {
    const chips = [
      ...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('.chip'),
    ];
    const at = chips.indexOf(document.activeElement as HTMLButtonElement);
    const to =
      event.key === 'ArrowRight'
        ? at + 1
        : event.key === 'ArrowLeft'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? chips.length - 1
              : null;
    if (to === null || at < 0) return;
    event.preventDefault();
    chips[(to + chips.length) % chips.length]!.focus();
  };
  return (
    <div class="topics" role="group" aria-label={t('popup_filterByTopic')} onKeyDown={moveFocus}>
      <button
        type="button"
        class="chip"
        aria-pressed={topicFilter === null}
        tabIndex={topicFilter === null ? 0 : -1}
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
          tabIndex={topicFilter === topic.id ? 0 : -1}
          onClick={() => setTopicFilter(topicFilter === topic.id ? null : topic.id)}
        >
          <span class="dot" style={{ background: topic.color }} aria-hidden="true" />
          {topicLabel(topic)} <span class="chip-count">{topic.onPage}</span>
        </button>
      ))}
    </div>
  );
}
