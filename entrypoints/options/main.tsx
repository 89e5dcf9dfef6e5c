import { render } from 'preact';
import { Options } from './Options';
import { backgroundClient, onPush } from '../../lib/messaging';
import { browser } from '../../lib/browser';
import { t, uiLanguage } from '../../lib/i18n';
import { loadSettings, subscribeToSettings, updateSettings } from '../../lib/settings-store';
import { openShortcutSettings, shortcutsPage } from '../../lib/platform';
import '../../components/ui.css';
import './options.css';

document.documentElement.lang = uiLanguage();
document.title = t('options_title');

void (async () => {
  const commands = (await browser.commands?.getAll?.()) ?? [];
  const shortcut = commands.find((c) => c.name === 'next-mention')?.shortcut ?? '';
  render(
    <Options
      background={backgroundClient}
      loadSettings={loadSettings}
      updateSettings={updateSettings}
      watchSettings={subscribeToSettings}
      onImportProgress={(listener) =>
        onPush('importProgress', ({ done, total }) => listener(done, total))
      }
      shortcutsPage={shortcutsPage()}
      shortcut={shortcut}
      openShortcutsPage={() => void openShortcutSettings()}
      download={(fileName, text) => {
        const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = fileName;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }}
      t={t}
      uiLanguage={uiLanguage()}
    />,
    document.getElementById('app')!,
  );
})();
