/**
 * Where the extension stays quiet: everywhere, or on the sites listed in a
 * text box. The box keeps what the reader types and saves the sites it
 * names as they type (a moment after the last key, and at once when they
 * leave it), so closing the tab loses nothing; lines that name no site are
 * shown, not saved.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { parseSites, type Settings } from '../../core/settings';

/** How long after the last key the box saves. */
const SITES_SAVE_DELAY_MS = 400;
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
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const { invalid } = parseSites(draft.text);
  const save = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const { sites } = parseSites(draft.box.current?.value ?? draft.text);
    void change((s) => ({ ...s, pausedSites: sites })).then(() => undefined);
  };
  // What is still to be saved is saved when the page goes.
  useEffect(() => () => timer.current !== undefined && save(), []);
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
          aria-describedby={invalid.length ? 'sites-invalid' : undefined}
          onInput={(e) => {
            draft.setText((e.target as HTMLTextAreaElement).value);
            clearTimeout(timer.current);
            timer.current = setTimeout(save, SITES_SAVE_DELAY_MS);
          }}
          onBlur={save}
        />
      </label>
      {invalid.length > 0 && (
        <p id="sites-invalid" class="error" role="status">
          {t('options_sitesInvalid', invalid.join(', '))}
        </p>
      )}
    </section>
  );
}
