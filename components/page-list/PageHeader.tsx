/**
 * The title bar of the popup and the side panel: the site they are about,
 * the surface's own buttons, and the way to the options.
 */
import type { ComponentChildren } from 'preact';
import type { Translate } from '../../lib/i18n';

export function PageHeader(props: {
  hostname: string;
  /** false where extensions cannot run (a browser page): the bar then names the extension, not "this page" */
  available?: boolean;
  openOptions: () => void;
  t: Translate;
  /** buttons before the options' */
  children?: ComponentChildren;
}) {
  const { t, hostname } = props;
  return (
    <header class="bar">
      <h1>
        {props.available === false ? t('extensionName') : t('popup_title')}
        {hostname && <span class="host muted">{hostname}</span>}
      </h1>
      <span class="bar-buttons">{props.children}</span>
      <button
        type="button"
        class="icon-button"
        onClick={props.openOptions}
        aria-label={t('popup_options')}
        title={t('popup_options')}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M19.4 13a7.7 7.7 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1L15 3.3h-4l-.4 2.6a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.7 7.7 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1l.4 2.6h4l.4-2.6c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
            transform="translate(-1 0)"
          />
        </svg>
      </button>
    </header>
  );
}
