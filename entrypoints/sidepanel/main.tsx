import { render } from 'preact';
import { SidePanel } from './SidePanel';
import { followTab } from './followed-tab';
import { backgroundClient, tabClient } from '../../lib/messaging';
import { browser } from '../../lib/browser';
import { t, uiLanguage } from '../../lib/i18n';
import { loadSettings, subscribeToSettings, updateSettings } from '../../lib/settings-store';
import '../../components/ui.css';
import '../../components/page-list/page-list.css';
import './sidepanel.css';

/** Marked each time the panel shows a look at a name, with when the page saw it (bench/side-panel.ts). */
const PANEL_LOOK_MARK = 'briefing-lens:panel-look';
/** Marked each time the panel shows a page's list with its briefings (bench/side-panel.ts). */
const PANEL_LISTED_MARK = 'briefing-lens:panel-listed';
const now = () => performance.timeOrigin + performance.now();

document.documentElement.lang = uiLanguage();
render(
  <SidePanel
    background={backgroundClient}
    follow={followTab}
    tabClient={tabClient}
    isLoading={async (tabId) => (await browser.tabs.get(tabId)).status === 'loading'}
    loadSettings={loadSettings}
    updateSettings={updateSettings}
    watchSettings={subscribeToSettings}
    openOptions={() => void browser.runtime.openOptionsPage()}
    onLookShown={(at) =>
      performance.mark(PANEL_LOOK_MARK, { detail: { seenAt: at, shownAt: now() } })
    }
    onListed={(rows) => performance.mark(PANEL_LISTED_MARK, { detail: { rows, shownAt: now() } })}
    t={t}
    uiLanguage={uiLanguage()}
  />,
  document.getElementById('app')!,
);
