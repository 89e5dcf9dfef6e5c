/**
 * The popup's footer: pause this site, pause everywhere. Both are settings
 * (the page hears of them through the background). The site's switch shows
 * the rule the page obeys: paused because a parent domain is, it says so,
 * and switching it off lifts that rule.
 */
import type { Translate } from '../../lib/i18n';
import { pausedSiteFor, type Settings } from '../../core/settings';
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
  const rule = hostname ? pausedSiteFor(settings, hostname) : null;

  const toggleSite = async () => {
    await change((s) => ({
      ...s,
      pausedSites: rule ? s.pausedSites.filter((x) => x !== rule) : [...s.pausedSites, hostname],
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
            checked={rule !== null}
            onChange={() => void toggleSite()}
          />
          <span>
            {rule && rule !== hostname
              ? t('popup_pauseParentSite', rule)
              : t('popup_pauseSite', hostname)}
          </span>
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
