/**
 * The keyboard shortcut: the key the browser has for the command, and where
 * to change it (the extension cannot set it itself).
 */
import type { Translate } from '../../lib/i18n';

export interface KeyboardSectionProps {
  /** the command's current key, '' when none is assigned */
  shortcut: string;
  /** the browser's page for changing shortcuts */
  shortcutsPage: string;
  /** opens the browser's shortcuts page, where one can be opened (Chromium) */
  openShortcutsPage?: () => void;
  t: Translate;
}

export function KeyboardSection(props: KeyboardSectionProps) {
  const { t } = props;
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('options_shortcut')}</h2>
      <p>
        {props.shortcut ? (
          <kbd data-shortcut>{props.shortcut}</kbd>
        ) : (
          <span data-shortcut>{t('options_shortcutUnset')}</span>
        )}{' '}
        {t('options_shortcutHelp')}
      </p>
      <p class="muted">
        {t('options_shortcutWhere')}{' '}
        {props.openShortcutsPage ? (
          <button type="button" class="link" onClick={props.openShortcutsPage}>
            {props.shortcutsPage}
          </button>
        ) : (
          <code>{props.shortcutsPage}</code>
        )}
      </p>
    </section>
  );
}
