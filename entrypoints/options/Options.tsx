/**
 * The options page: topics and kinds, how loud the highlights are, where the
 * extension stays quiet, and the packs it knows. Every change is saved at
 * once; open pages follow (the background hears the change and tells them). The settings as a
 * whole are exported, imported and reset in SettingsActions.
 */
import { useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { ToBackground } from '../../lib/messaging/protocol';
import type { Translate } from '../../lib/i18n';
import { useSettings, type SettingsSource } from '../../components/use-settings';
import { useCatalogue } from './use-catalogue';
import { TopicsSection } from './TopicsSection';
import { HighlightingSection } from './HighlightingSection';
import { PausedSitesSection, useSitesDraft } from './PausedSitesSection';
import { PacksSection, type Status } from './PacksSection';
import { SettingsActions } from './SettingsActions';
import { KeyboardSection } from './KeyboardSection';

export interface OptionsProps extends SettingsSource {
  background: Client<ToBackground>;
  /** subscribe to import progress; returns the unsubscribe */
  onImportProgress: (listener: (done: number, total: number) => void) => () => void;
  /** the browser's page for changing shortcuts */
  shortcutsPage: string;
  /** the command's current key, '' when none is assigned */
  shortcut: string;
  /** opens the browser's shortcuts page, where one can be opened (Chromium) */
  openShortcutsPage?: () => void;
  download: (fileName: string, text: string) => void;
  t: Translate;
  uiLanguage: string;
}

export function Options(props: OptionsProps) {
  const { t } = props;
  const sites = useSitesDraft();
  const [settings, change, saveFailed] = useSettings(props, {
    loaded: sites.show,
    // A site paused from the popup shows up here at once (unless it is being edited).
    watched: sites.follow,
  });
  const catalogue = useCatalogue(props.background);
  const [status, setStatus] = useState<Status>(null);

  if (!settings) return <main class="options" aria-busy="true" />;

  const section = { settings, change, t };
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      {saveFailed && (
        <p class="save-failed" role="alert">
          {t('settings_notSaved')}
        </p>
      )}
      <TopicsSection {...section} topics={catalogue.topics} uiLanguage={props.uiLanguage} />
      <HighlightingSection {...section} />
      <PausedSitesSection {...section} draft={sites} />
      <PacksSection
        background={props.background}
        packs={catalogue.packs}
        lost={catalogue.lost}
        unreadable={catalogue.unreadable}
        refresh={catalogue.refresh}
        status={status}
        setStatus={setStatus}
        onImportProgress={props.onImportProgress}
        download={props.download}
        t={t}
        uiLanguage={props.uiLanguage}
      />
      <KeyboardSection
        shortcut={props.shortcut}
        shortcutsPage={props.shortcutsPage}
        openShortcutsPage={props.openShortcutsPage}
        t={t}
      />

      <SettingsActions
        settings={settings}
        change={change}
        sites={sites}
        download={props.download}
        t={t}
      />
    </main>
  );
}
