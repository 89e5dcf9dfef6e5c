import { render } from 'preact';
import { Popup } from './Popup';
import { backgroundClient, tabClient } from '../../lib/messaging';
import { browser } from '../../lib/browser';
import { t, uiLanguage } from '../../lib/i18n';
import { loadSettings, updateSettings, watchSettings } from '../../lib/settings-store';
import '../../components/ui.css';
import '../../components/page-list/page-list.css';
import './popup.css';

document.documentElement.lang = uiLanguage();
render(
  <Popup
    background={backgroundClient}
    activeTab={async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? null : tabClient(tab.id);
    }}
    loadSettings={loadSettings}
    updateSettings={updateSettings}
    watchSettings={(listener) => {
      const stop = new AbortController();
      watchSettings(listener, stop.signal);
      return () => stop.abort();
    }}
    openOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    t={t}
    uiLanguage={uiLanguage()}
  />,
  document.getElementById('app')!,
);
