/**
 * The options page: topics and kinds, how loud the highlights are, where the
 * extension stays quiet, and the packs it knows. Every change is saved at
 * once; open pages follow through storage.onChanged.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { Problem, ToBackground } from '../../lib/messaging/protocol';
import type { PackMeta, TopicSummary } from '../../core/views';
import type { MessageKey, Translate } from '../../lib/i18n';
import {
  DEFAULT_SETTINGS,
  DENSITIES,
  HIGHLIGHT_STYLES,
  HOVER_DELAY_RANGE,
  normaliseSite,
  type Density,
  type HighlightStyle,
  type Settings,
} from '../../core/settings';
import { ENTITY_KINDS } from '../../core/pack/types';
import { displayName, formatDate, kindKey } from '../../core/display';

export interface OptionsProps {
  background: Client<ToBackground>;
  loadSettings: () => Promise<Settings>;
  updateSettings: (change: (s: Settings) => Settings) => Promise<Settings>;
  /** subscribe to settings changed elsewhere (the popup, another window); returns the unsubscribe */
  watchSettings?: (listener: (s: Settings) => void) => () => void;
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

const DENSITY_LABEL = {
  all: 'options_densityAll',
  first: 'options_densityFirst',
  none: 'options_densityNone',
} satisfies Record<Density, MessageKey>;
const STYLE_LABEL = {
  underline: 'options_styleUnderline',
  background: 'options_styleBackground',
  subtle: 'options_styleSubtle',
} satisfies Record<HighlightStyle, MessageKey>;

type Status = {
  kind: 'ok' | 'error' | 'progress';
  text: string;
  problems?: Problem[];
  /** 0–100 while importing */
  percent?: number;
} | null;

export function Options(props: OptionsProps) {
  const { t } = props;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [topics, setTopics] = useState<TopicSummary[]>([]);
  const [packs, setPacks] = useState<PackMeta[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const [sitesText, setSitesText] = useState('');
  const sitesBox = useRef<HTMLTextAreaElement>(null);

  const refreshData = async () => {
    const [nextTopics, nextPacks] = await Promise.all([
      props.background.send('listTopics', undefined),
      props.background.send('listPacks', undefined),
    ]);
    setTopics(nextTopics);
    setPacks(nextPacks);
  };

  useEffect(() => {
    void props.loadSettings().then((s) => {
      setSettings(s);
      setSitesText(s.pausedSites.join('\n'));
    });
    void refreshData();
    // A site paused from the popup shows up here at once (unless it is being edited).
    return props.watchSettings?.((next) => {
      setSettings(next);
      if (!sitesBox.current || document.activeElement !== sitesBox.current)
        setSitesText(next.pausedSites.join('\n'));
    });
  }, []);

  if (!settings) return <main class="options" aria-busy="true" />;

  const change = async (update: (s: Settings) => Settings) => {
    setSettings(await props.updateSettings(update));
  };
  const toggle = (list: readonly string[], item: string, on: boolean) =>
    on ? list.filter((x) => x !== item) : [...list, item];

  const importFile = async (file: File) => {
    setStatus({ kind: 'progress', text: t('options_importing', '0'), percent: 0 });
    const stop = props.onImportProgress((done, total) => {
      const percent = Math.floor((done / Math.max(1, total)) * 100);
      setStatus({ kind: 'progress', text: t('options_importing', String(percent)), percent });
    });
    try {
      const outcome = await props.background.send('importPack', {
        text: await file.text(),
        fileName: file.name,
      });
      if (outcome.ok) setStatus({ kind: 'ok', text: t('options_imported', outcome.value.title) });
      else
        setStatus({ kind: 'error', text: t('options_importFailed'), problems: outcome.problems });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('options_importFailed'),
        problems: [{ message: (error as Error).message }],
      });
    } finally {
      stop();
      await refreshData();
    }
  };

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>

      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t('options_topics')}</h2>
        <p class="muted">{t('options_topicsHelp')}</p>
        <ul class="toggles">
          {topics.map((topic) => {
            const on = !settings.disabledTopics.includes(topic.id);
            return (
              <li key={topic.id}>
                <label>
                  <input
                    type="checkbox"
                    data-topic={topic.id}
                    checked={on}
                    onChange={() =>
                      void change((s) => ({
                        ...s,
                        disabledTopics: toggle(s.disabledTopics, topic.id, !on),
                      }))
                    }
                  />
                  <span class="swatch" style={{ background: topic.color }} aria-hidden="true" />
                  {displayName({ name: topic.name.en, names: topic.name }, props.uiLanguage)}
                  <span class="muted"> · {t('options_entities', String(topic.entityCount))}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">{t('options_kinds')}</h2>
        <ul class="toggles inline">
          {ENTITY_KINDS.map((kind) => {
            const on = !settings.disabledKinds.includes(kind);
            return (
              <li key={kind}>
                <label>
                  <input
                    type="checkbox"
                    data-kind={kind}
                    checked={on}
                    onChange={() =>
                      void change((s) => ({
                        ...s,
                        disabledKinds: toggle(
                          s.disabledKinds,
                          kind,
                          !on,
                        ) as Settings['disabledKinds'],
                      }))
                    }
                  />
                  {t(kindKey(kind))}
                </label>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="highlight-heading">
        <h2 id="highlight-heading">{t('options_highlighting')}</h2>
        <fieldset>
          <legend>{t('options_density')}</legend>
          {DENSITIES.map((density) => (
            <label key={density}>
              <input
                type="radio"
                name="density"
                value={density}
                checked={settings.density === density}
                onChange={() => void change((s) => ({ ...s, density }))}
              />
              {t(DENSITY_LABEL[density])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('options_style')}</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style}>
              <input
                type="radio"
                name="style"
                value={style}
                checked={settings.highlightStyle === style}
                onChange={() => void change((s) => ({ ...s, highlightStyle: style }))}
              />
              <span class={`style-sample style-${style}`}>{t(STYLE_LABEL[style])}</span>
            </label>
          ))}
        </fieldset>
        <label class="row">
          {t('options_hoverDelay')}
          <input
            type="number"
            min={HOVER_DELAY_RANGE.min}
            max={HOVER_DELAY_RANGE.max}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(e) =>
              void change((s) => ({
                ...s,
                hoverDelayMs: Number((e.target as HTMLInputElement).value),
              }))
            }
          />
        </label>
      </section>

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
            ref={sitesBox}
            data-sites
            rows={4}
            spellcheck={false}
            value={sitesText}
            onInput={(e) => setSitesText((e.target as HTMLTextAreaElement).value)}
            onBlur={() =>
              void change((s) => ({
                ...s,
                pausedSites: sitesText
                  .split(/[\s,]+/)
                  .map(normaliseSite)
                  .filter(Boolean),
              })).then(() => undefined)
            }
          />
        </label>
      </section>

      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading">{t('options_packs')}</h2>
        <ul class="packs">
          {packs.map((pack) => (
            <li key={pack.id} data-pack={pack.id}>
              <div>
                <strong>{pack.title}</strong>{' '}
                {pack.bundled && <span class="kind">{t('options_bundled')}</span>}
                <div class="muted small">
                  {t('options_version', pack.version)} ·{' '}
                  <time dateTime={pack.compiledAt}>
                    {t(
                      'options_compiled',
                      formatDate(pack.compiledAt.slice(0, 10), props.uiLanguage),
                    )}
                  </time>
                  {!pack.bundled && pack.importedAt && (
                    <>
                      {' · '}
                      <time dateTime={pack.importedAt}>
                        {t(
                          'options_importedOn',
                          formatDate(pack.importedAt.slice(0, 10), props.uiLanguage),
                        )}
                      </time>
                    </>
                  )}{' '}
                  · {t('options_entities', String(pack.counts.entities))}
                </div>
              </div>
              <div class="pack-actions">
                <button
                  type="button"
                  data-action="export"
                  aria-label={`${t('options_export')}: ${pack.title}`}
                  onClick={() =>
                    void props.background.send('exportPack', { packId: pack.id }).then((result) => {
                      if (result.ok)
                        props.download(`${pack.id}.json`, JSON.stringify(result.value, null, 2));
                      else setStatus({ kind: 'error', text: result.problems[0]?.message ?? '' });
                    })
                  }
                >
                  {t('options_export')}
                </button>
                {!pack.bundled && (
                  <button
                    type="button"
                    data-action="remove"
                    aria-label={`${t('options_remove')}: ${pack.title}`}
                    onClick={() =>
                      void props.background
                        .send('removePack', { packId: pack.id })
                        .then(async (result) => {
                          setStatus(
                            result.ok
                              ? { kind: 'ok', text: t('options_removed', pack.title) }
                              : { kind: 'error', text: result.problems[0]?.message ?? '' },
                          );
                          await refreshData();
                        })
                    }
                  >
                    {t('options_remove')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
        <label class="file-button">
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            disabled={status?.kind === 'progress'}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void importFile(file);
            }}
          />
          <span>{t('options_import')}</span>
        </label>
        {status && (
          <div class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
            <p>{status.text}</p>
            {status.kind === 'progress' && (
              <progress max={100} value={status.percent ?? 0} aria-label={t('options_import')} />
            )}
            {status.problems && (
              <ul class="problems">
                {status.problems.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    {[p.file, p.entry, p.field].filter(Boolean).join(' › ')}
                    {p.file || p.entry || p.field ? ': ' : ''}
                    {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>

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

      <p class="reset">
        <button
          type="button"
          data-action="reset"
          onClick={() =>
            void change(() => ({ ...DEFAULT_SETTINGS })).then(() => {
              setSitesText('');
              setStatus({ kind: 'ok', text: t('options_resetDone') });
            })
          }
        >
          {t('options_reset')}
        </button>
      </p>
    </main>
  );
}
