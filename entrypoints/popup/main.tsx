import { render } from 'preact';
import { Popup } from './Popup';
import { backgroundClient, tabClient } from '../../lib/messaging';
import { browser } from '../../lib/browser';
import { t, uiLanguage } from '../../lib/i18n';
import { openSidePanel } from '../../lib/platform';
import { loadSettings, subscribeToSettings, updateSettings } from '../../lib/settings-store';
import '../../components/ui.css';
import '../../components/page-list/page-list.css';
import './popup.css';

document.documentElement.lang = uiLanguage();
// Known before any click: the panel must open inside the click, with nothing awaited.
let windowId: number | undefined;
void browser.windows.getCurrent().then((w) => (windowId = w.id));
render(
  <Popup
    background={backgroundClient}
    activeTab={async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? null : tabClient(tab.id);
    }}
    loadSettings={loadSettings}
    updateSettings={updateSettings}
    watchSettings={subscribeToSettings}
    openOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    openSidePanel={() =>
      void openSidePanel({ windowId }).then(
        () => window.close(),
        () => undefined,
      )
    }
    t={t}
    uiLanguage={uiLanguage()}
  />,
  document.getElementById('app')!,
);
