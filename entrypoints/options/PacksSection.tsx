/**
 * The briefing packs: the installed ones, each with its export (and, when
 * imported, its removal), the import of a pack file with its progress, and
 * what went wrong, problem by problem.
 */
import type { Client } from '../../lib/messaging';
import type { Problem, ToBackground } from '../../lib/messaging/protocol';
import type { PackMeta } from '../../core/views';
import type { Translate } from '../../lib/i18n';
import { formatDate } from '../../core/display';

/** The line under the packs; the page's reset reports there too. */
export type Status = {
  kind: 'ok' | 'error' | 'progress';
  text: string;
  problems?: Problem[];
  /** 0–100 while importing */
  percent?: number;
} | null;

/** An import lists this many of its problems at most. */
const PROBLEMS_SHOWN = 50;

export interface PacksSectionProps {
  background: Client<ToBackground>;
  packs: PackMeta[];
  /** asks for the packs (and their topics) again */
  refresh: () => Promise<void>;
  status: Status;
  setStatus: (status: Status) => void;
  /** subscribe to import progress; returns the unsubscribe */
  onImportProgress: (listener: (done: number, total: number) => void) => () => void;
  download: (fileName: string, text: string) => void;
  t: Translate;
  uiLanguage: string;
}

export function PacksSection(props: PacksSectionProps) {
  const { t, status, setStatus } = props;

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
      await props.refresh();
    }
  };

  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('options_packs')}</h2>
      <ul class="packs">
        {props.packs.map((pack) => (
          <PackItem
            key={pack.id}
            pack={pack}
            background={props.background}
            refresh={props.refresh}
            setStatus={setStatus}
            download={props.download}
            t={t}
            uiLanguage={props.uiLanguage}
          />
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
              {status.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
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
  );
}

type PackItemProps = Pick<
  PacksSectionProps,
  'background' | 'refresh' | 'setStatus' | 'download' | 't' | 'uiLanguage'
> & { pack: PackMeta };

/** One installed pack: its title, version, dates and entity count, and what can be done with it. */
function PackItem(props: PackItemProps) {
  const { pack, t, setStatus } = props;
  return (
    <li data-pack={pack.id}>
      <div>
        <strong>{pack.title}</strong>{' '}
        {pack.bundled && <span class="kind">{t('options_bundled')}</span>}
        <div class="muted small">
          {t('options_version', pack.version)} ·{' '}
          <time dateTime={pack.compiledAt}>
            {t('options_compiled', formatDate(pack.compiledAt.slice(0, 10), props.uiLanguage))}
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
              void props.background.send('removePack', { packId: pack.id }).then(async (result) => {
                setStatus(
                  result.ok
                    ? { kind: 'ok', text: t('options_removed', pack.title) }
                    : { kind: 'error', text: result.problems[0]?.message ?? '' },
                );
                await props.refresh();
              })
            }
          >
            {t('options_remove')}
          </button>
        )}
      </div>
    </li>
  );
}
