/**
 * The toolbar popup: who and what is on this page, a search over every
 * briefing, and the pause switches. Talks to the background and to the tab's
 * content script only through the clients it is given.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { ToBackground, ToContent } from '../../lib/messaging/protocol';
import type { Translate } from '../../lib/i18n';
import { normaliseSite } from '../../core/settings';
import { articleHash } from '../../core/display';
import { useSettings, type SettingsSource } from '../../components/use-settings';
import { usePageMentions } from '../../components/page-list/use-page-mentions';
import { usePageRows } from '../../components/page-list/use-page-rows';
import { useBriefings } from '../../components/page-list/use-briefings';
import { useSearch } from './use-search';
import { useTopics } from '../../components/page-list/use-topics';
import { PageHeader } from '../../components/page-list/PageHeader';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { PageEntities } from '../../components/page-list/PageEntities';
import { PauseSwitches } from './PauseSwitches';

export interface PopupProps extends SettingsSource {
  background: Client<ToBackground>;
  /** the active tab's content script, or null where there is no tab */
  activeTab: () => Promise<Client<ToContent> | null>;
  openOptions: () => void;
  /** opens the side panel beside the page (called inside the click: lib/platform.ts) */
  openSidePanel?: () => void;
  t: Translate;
  uiLanguage: string;
}

/** Marked once when the popup first shows the page's names (bench/popup.ts reads it). */
export const POPUP_READY_MARK = 'briefing-lens:popup-ready';
/** Marked once when every listed name's briefing is shown too (bench/popup.ts). */
export const POPUP_BRIEFED_MARK = 'briefing-lens:popup-briefed';
/** The page hears of a pause from the background; ask it again once it has. */
const REFRESH_AFTER_PAUSE_MS = 100;

export function Popup(props: PopupProps) {
  const { t } = props;
  // The tab, the settings and the topics are independent: each hook asks at once.
  const mentions = usePageMentions(props.activeTab, props.background);
  const [settings, change, saveFailed] = useSettings(props, {
    // Settings changed elsewhere change what the page shows: ask it again.
    watched: mentions.refreshActiveTab,
  });
  const topics = useTopics(props.background);
  const search = useSearch(props.background);
  const rows = usePageRows(mentions.page, topics, props.uiLanguage);
  const list = useRef<HTMLUListElement>(null);
  const briefings = useBriefings(
    props.background,
    rows.listed.map((row) => row.id),
    mentions.page.status === 'ready' ? mentions.page.briefings : undefined,
  );

  const { page, tab } = mentions;
  const hostname = page.status === 'ready' ? normaliseSite(page.page.hostname) : '';

  const active = page.status === 'ready' && page.page.active;
  useEffect(() => {
    if (active && rows.listed.length && !performance.getEntriesByName(POPUP_READY_MARK).length)
      performance.mark(POPUP_READY_MARK);
  }, [active, rows.listed.length]);
  const briefed = rows.listed.length > 0 && rows.listed.every((row) => briefings.has(row.id));
  useEffect(() => {
    if (active && briefed && !performance.getEntriesByName(POPUP_BRIEFED_MARK).length)
      performance.mark(POPUP_BRIEFED_MARK);
  }, [active, briefed]);

  const openBriefing = (id: string) => {
    void props.background
      .send('openPage', { page: 'briefing', hash: id })
      .then(() => window.close());
  };

  const openSource = (
    source: { articleId: string; start: number; end: number },
    packId: string,
  ) => {
    void props.background
      .send('openPage', { page: 'article', hash: articleHash(packId, source) })
      .then(() => window.close());
  };

  return (
    <main class="popup">
      <PageHeader
        hostname={hostname}
        available={page.status !== 'unavailable'}
        openOptions={props.openOptions}
        t={t}
      >
        {props.openSidePanel && (
          <button
            type="button"
            class="icon-button"
            data-action="side-panel"
            onClick={props.openSidePanel}
            aria-label={t('sidePanel_open')}
            title={t('sidePanel_open')}
          >
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path fill="none" stroke="currentColor" stroke-width="2" d="M4 5h16v14H4zM14 5v14" />
            </svg>
          </button>
        )}
      </PageHeader>
      {saveFailed && (
        <p class="save-failed" role="alert">
          {t('settings_notSaved')}
        </p>
      )}
      <SearchBox search={search} list={list} onOpen={openBriefing} t={t} />
      {search.results ? (
        <SearchResults
          results={search.results}
          list={list}
          onOpen={openBriefing}
          t={t}
          uiLanguage={props.uiLanguage}
        />
      ) : (
        <PageEntities
          page={page}
          settings={settings}
          rows={rows}
          list={list}
          onOpen={openBriefing}
          onReveal={(entityId) => void tab?.send('revealMention', { entityId })}
          briefings={briefings}
          onOpenSource={openSource}
          t={t}
          uiLanguage={props.uiLanguage}
        />
      )}
      {settings && (
        <PauseSwitches
          settings={settings}
          hostname={hostname}
          change={change}
          onChanged={() => {
            setTimeout(() => void mentions.refresh(tab), REFRESH_AFTER_PAUSE_MS);
          }}
          t={t}
        />
      )}
    </main>
  );
}
