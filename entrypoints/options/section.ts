/** What every settings section of the options page is given. */
import type { Settings } from '../../core/settings';
import type { Translate } from '../../lib/i18n';
import type { SettingsChange } from '../../components/use-settings';

export interface SectionProps {
  settings: Settings;
  change: SettingsChange;
  t: Translate;
}

/** A list of what is switched off, with `item` switched on (taken out) or off (added). */
export const toggle = (list: readonly string[], item: string, on: boolean) =>
  on ? list.filter((x) => x !== item) : [...list, item];
