/**
 * The settings as a whole: saved to a file, read back from one, or reset to
 * the defaults. Reading a file and resetting replace every setting, so both
 * can be undone, and resetting asks first; a file that is not a settings
 * file changes nothing and says why.
 */
import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { readSettingsFile, writeSettingsFile } from '../../core/settings-file';
import type { Translate } from '../../lib/i18n';
import { Confirm } from './Confirm';
import { StatusLine, type Status } from './PacksSection';
import type { SitesDraft } from './PausedSitesSection';

export interface SettingsActionsProps {
  settings: Settings;
  change: (update: (current: Settings) => Settings) => Promise<unknown>;
  sites: SitesDraft;
  download: (fileName: string, text: string) => void;
  t: Translate;
}

export const SETTINGS_FILE_NAME = 'briefing-lens-settings.json';

export function SettingsActions(props: SettingsActionsProps) {
  const { settings, change, sites, t } = props;
  const [status, setStatus] = useState<Status>(null);
  const [askingReset, setAskingReset] = useState(false);

  /** Puts `next` in place of every setting, with a way back to what was there. */
  const replaceAll = async (next: Settings, done: string) => {
    const previous = settings;
    await change(() => next);
    sites.show(next);
    setStatus({
      kind: 'ok',
      text: done,
      undo: async () => {
        await change(() => previous);
        sites.show(previous);
        setStatus({ kind: 'ok', text: t('options_settingsBack') });
      },
    });
  };

  const importFile = async (file: File) => {
    const result = readSettingsFile(await file.text());
    if (!result.ok)
      setStatus({
        kind: 'error',
        text: t('options_settingsNotImported'),
        problems: result.problems.map((message) => ({ file: file.name, message })),
      });
    else await replaceAll(result.settings, t('options_settingsImported'));
  };

  return (
    <div class="reset">
      <div class="settings-actions">
        <button
          type="button"
          data-action="export-settings"
          onClick={() => props.download(SETTINGS_FILE_NAME, writeSettingsFile(settings))}
        >
          {t('options_exportSettings')}
        </button>
        <label class="file-button secondary">
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            data-action="import-settings"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void importFile(file);
            }}
          />
          <span>{t('options_importSettings')}</span>
        </label>
        {!askingReset && (
          <button type="button" data-action="reset" onClick={() => setAskingReset(true)}>
            {t('options_reset')}
          </button>
        )}
      </div>
      {askingReset && (
        <Confirm
          question={t('options_resetQuestion')}
          action={t('options_reset')}
          onCancel={() => setAskingReset(false)}
          onConfirm={() => {
            setAskingReset(false);
            void replaceAll({ ...DEFAULT_SETTINGS }, t('options_resetDone'));
          }}
          t={t}
        />
      )}
      <StatusLine status={status} setStatus={setStatus} t={t} label={t('options_reset')} />
    </div>
  );
}
