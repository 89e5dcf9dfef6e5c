/**
 * The side panel: the briefings of the page the reader is reading, beside
 * it. It follows the active tab (followed-tab.ts), lists what the page names
 * as the popup does (components/page-list), stays live as the page changes,
 * and opens the briefing of the name the reader hovers or reaches with the
 * keyboard there.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { ToBackground } from '../../lib/messaging/protocol';
import type { Translate } from '../../lib/i18n';
import { normaliseSite } from '../../core/settings';
import { articleHash } from '../../core/display';
import { useSettings, type SettingsSource } from '../../components/use-settings';
import { PageHeader } from '../../components/page-list/PageHeader';
import { PageEntities } from '../../components/page-list/PageEntities';
import { usePageRows } from '../../components/page-list/use-page-rows';
import { useBriefings } from '../../components/page-list/use-briefings';
import { useTopics } from '../../components/page-list/use-topics';
import { useFollowedPage, type FollowedPageDeps } from './use-followed-page';

export interface SidePanelProps extends SettingsSource, FollowedPageDeps {
  background: Client<ToBackground>;
  openOptions: () => void;
  /** a look at a name is shown (bench/side-panel.ts reads the marks) */
  onLookShown?: (at: number) => void;
  /** a page's list is shown, every briefing in it answered (bench/side-panel.ts) */
  onListed?: (rows: number) => void;
  t: Translate;
  uiLanguage: string;
}

export function SidePanel(props: SidePanelProps) {
  const { t } = props;
  const { page, tab, looking } = useFollowedPage(props);
  const [settings] = useSettings(props);
  const topics = useTopics(props.background);
  const rows = usePageRows(page, topics, props.uiLanguage);
  const briefings = useBriefings(
    props.background,
    rows.listed.map((row) => row.id),
    page.status === 'ready' ? page.briefings : undefined,
  );
  const list = useRef<HTMLUListElement>(null);
  // Once per list shown: a tab switch, or the page changing.
  const briefed = page.status !== 'loading' && rows.listed.every((r) => briefings.has(r.id));
  const listedFor = useRef<unknown>(null);
  useEffect(() => {
    if (!briefed || listedFor.current === page) return;
    listedFor.current = page;
    props.onListed?.(rows.listed.length);
  }, [briefed, page]);
  const hostname = page.status === 'ready' ? normaliseSite(page.page.hostname) : '';
  const open = (request: ToBackground['openPage']['request']) =>
    void props.background.send('openPage', request);

  return (
    <main class="side-panel">
      <PageHeader
        hostname={hostname}
        available={page.status !== 'unavailable'}
        openOptions={props.openOptions}
        t={t}
      />
      <p class="following muted">{t('sidePanel_following')}</p>
      <PageEntities
        page={page}
        settings={settings}
        rows={rows}
        list={list}
        onOpen={(id) => open({ page: 'briefing', hash: id })}
        onReveal={(entityId) => void tab?.send('revealMention', { entityId })}
        briefings={briefings}
        onOpenSource={(source, packId) =>
          open({ page: 'article', hash: articleHash(packId, source) })
        }
        looking={looking}
        onLookShown={props.onLookShown}
        t={t}
        uiLanguage={props.uiLanguage}
      />
    </main>
  );
}
