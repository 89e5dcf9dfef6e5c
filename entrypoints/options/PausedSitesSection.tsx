/**
 * Where the extension stays quiet: everywhere, or on the sites listed in a
 * text box. The box keeps what the reader types and saves it, normalised,
 * when they leave it.
 */
import { useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { normaliseSite, type Settings } from '../../core/settings';
import type { SectionProps } from './section';

export interface SitesDraft {
  box: RefObject<HTMLTextAreaElement>;
  text: string;
  setText: (text: string) => void;
  /** shows the sites of `settings` */
  show: (settings: Settings) => void;
  /** shows the sites of `settings` unless the reader is editing them */
  follow: (settings: Settings) => void;
}

/**
 * The box's text, kept by the page: it is set when the settings load, follows
 * sites paused elsewhere (the popup) and is emptied by a reset.
 */
export function useSitesDraft(): SitesDraft {
  const box = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const show = (settings: Settings) => setText(settings.pausedSites.join('\n'));
  return {
    box,
    text,
    setText,
    show,
    follow: (settings) => {
      if (!box.current || document.activeElement !== box.current) show(settings);
    },
  };
}

export function PausedSitesSection(props: SectionProps & { draft: SitesDraft }) {
  const { settings, change, t, draft } = props;
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('options_pausedSites')}</h2>
      <label class="row">
        <input
          type="checkbox"
          checked={settings.paused}
          onChange={() => void change((s) => ({ ...s, paused: !s.paused }))}
        />
        {t('options_pausedAll')}
      </label>
      <label class="block">
        <span class="muted">{t('options_pausedSitesHelp')}</span>
        <textarea
          ref={draft.box}
          data-sites
          rows={4}
          spellcheck={false}
          value={draft.text}
          onInput={(e) => draft.setText((e.target as HTMLTextAreaElement).value)}
          onBlur={() =>
            void change((s) => ({
              ...s,
              pausedSites: draft.text
                .split(/[\s,]+/)
                .map(normaliseSite)
                .filter(Boolean),
            })).then(() => undefined)
          }
        />
      </label>
    </section>
  );
}
