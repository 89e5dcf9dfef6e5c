/**
 * The popup's footer: pause this site, pause everywhere. Both are settings;
 * the page follows them through storage.onChanged.
 */
import type { Translate } from '../../lib/i18n';
import type { Settings } from '../../core/settings';
import type { SettingsChange } from '../../components/use-settings';

export interface PauseSwitchesProps {
  settings: Settings;
  /** the page's site, normalised; '' where there is no page to pause */
  hostname: string;
  change: SettingsChange;
  /** called once a switch's change is stored */
  onChanged: () => void;
  t: Translate;
}

export function PauseSwitches(props: PauseSwitchesProps) {
  const { settings, hostname, change, t } = props;
  const sitePaused = !!hostname && settings.pausedSites.includes(hostname);

  const toggleSite = async () => {
    await change((s) => ({
      ...s,
      pausedSites: sitePaused
        ? s.pausedSites.filter((x) => x !== hostname)
        : [...s.pausedSites, hostname],
    }));
    props.onChanged();
  };
  const toggleAll = async () => {
    await change((s) => ({ ...s, paused: !s.paused }));
    props.onChanged();
  };

  return (
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
  );
}
