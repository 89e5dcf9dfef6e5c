/**
 * The briefing packs: the installed ones, each with its switch, its export
 * and (when imported) its removal, which asks first and can be undone; the
 * import of a pack file with its progress, what went wrong problem by
 * problem, and the question when a file would replace a newer version.
 */
import { useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { ImportOutcome, LostPack, Problem, ToBackground } from '../../lib/messaging/protocol';
import type { PackMeta } from '../../core/views';
import type { Translate } from '../../lib/i18n';
import { formatDate } from '../../core/display';
import { Confirm } from './Confirm';

/** The line under the packs. */
export type Status = {
  kind: 'ok' | 'error' | 'progress';
  text: string;
  problems?: Problem[];
  /** 0–100 while importing */
  percent?: number;
  /** takes back what was just done; offered until the next status */
  undo?: () => Promise<void>;
  /** a question about what to do next, answered in place */
  ask?: { question: string; action: string; run: () => void };
} | null;

/** An import lists this many of its problems at most. */
const PROBLEMS_SHOWN = 50;

export interface PacksSectionProps {
  background: Client<ToBackground>;
  packs: PackMeta[];
  /** imported packs the database lost since they were imported */
  lost?: LostPack[];
  /** why the packs could not be read, when they could not */
  unreadable?: 'full' | 'other' | null;
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

/** The packs as the background lists them, or null when it does not answer. */
const packList = (background: Client<ToBackground>) =>
  background.send('listPacks', undefined).catch(() => null);

/**
 * The status after an import whose answer never came (the background was
 * stopped, or the message failed): the pack list says what happened, since
 * an import that did not commit left nothing behind.
 */
async function statusFromPackList(
  background: Client<ToBackground>,
  before: PackMeta[] | null,
  t: Translate,
): Promise<Status> {
  const after = await packList(background);
  if (!after || !before) return { kind: 'error', text: t('options_importUnknown') };
  const known = new Set(before.map((p) => `${p.id}\n${p.importedAt}`));
  const added = after.find((p) => !known.has(`${p.id}\n${p.importedAt}`));
  return added
    ? { kind: 'ok', text: t('options_importConfirmedLate', added.title) }
    : { kind: 'error', text: t('options_importUnconfirmed') };
}

/** "A, B and 3 more", in the reader's language. */
function listOfNames(names: string[], language: string): string {
  const shown = names.slice(0, 5);
  const more = names.length - shown.length;
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  return list.format(more > 0 ? [...shown, `+${more}`] : shown);
}

export function PacksSection(props: PacksSectionProps) {
  const { t, status, setStatus } = props;

  const importText = async (text: string, fileName: string, replace = false) => {
    setStatus({ kind: 'progress', text: t('options_importing', '0'), percent: 0 });
    // What the reader imports should not be the first thing a browser under
    // storage pressure clears: ask to keep the extension's storage, where
    // the browser lets a page ask (it may decide alone, or say no).
    void navigator.storage?.persist?.().catch(() => false);
    const stop = props.onImportProgress((done, total) => {
      const percent = Math.floor((done / Math.max(1, total)) * 100);
      setStatus({ kind: 'progress', text: t('options_importing', String(percent)), percent });
    });
    const before = await packList(props.background);
    let outcome: ImportOutcome | undefined;
    try {
      outcome = await props.background.send('importPack', {
        text,
        fileName,
        ...(replace && { replace }),
      });
    } catch {
      // No answer: say only what the pack list shows.
    }
    stop();
    // The list first, then the message: when the status says "Updated to
    // 1.1.0", the list beside it already says so too.
    await props.refresh();
    if (!outcome) setStatus(await statusFromPackList(props.background, before, t));
    else if (outcome.ok)
      setStatus({
        kind: 'ok',
        text: [
          outcome.replaced === undefined
            ? t('options_imported', outcome.value.title)
            : t('options_updated', [outcome.value.title, outcome.replaced, outcome.value.version]),
          ...(outcome.extends?.length
            ? [t('options_extends', listOfNames(outcome.extends, props.uiLanguage))]
            : []),
        ].join(' '),
      });
    else if (outcome.installedVersion !== undefined)
      setStatus({
        kind: 'error',
        text: outcome.problems[0]?.message ?? t('options_importFailed'),
        ask: {
          question: t('options_replaceQuestion', outcome.installedVersion),
          action: t('options_replace'),
          run: () => void importText(text, fileName, true),
        },
      });
    else setStatus({ kind: 'error', text: t('options_importFailed'), problems: outcome.problems });
  };

  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('options_packs')}</h2>
      {props.unreadable && (
        <p class="save-failed" role="alert" data-unreadable={props.unreadable}>
          {t(
            props.unreadable === 'full' ? 'options_packsUnreadableFull' : 'options_packsUnreadable',
          )}
        </p>
      )}
      {!!props.lost?.length && (
        <div class="lost-packs" role="alert">
          <p>{t('options_lostPacks')}</p>
          <ul>
            {props.lost.map((p) => (
              <li key={p.id} data-lost-pack={p.id}>
                {t('options_lostPack', [
                  p.title,
                  p.version,
                  formatDate(p.importedAt.slice(0, 10), props.uiLanguage),
                ])}
              </li>
            ))}
          </ul>
          <button
            type="button"
            data-action="dismiss-lost"
            onClick={() =>
              void props.background
                .send('dismissLostPacks', undefined)
                .catch(() => undefined)
                .then(props.refresh)
            }
          >
            {t('options_dismiss')}
          </button>
        </div>
      )}
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
          data-action="import-pack"
          disabled={status?.kind === 'progress'}
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void file.text().then((text) => importText(text, file.name));
          }}
        />
        <span>{t('options_import')}</span>
      </label>
      <StatusLine status={status} setStatus={setStatus} t={t} label={t('options_import')} />
    </section>
  );
}

/** A status: its text, progress, problems, and the undo or question it offers. */
export function StatusLine(props: {
  status: Status;
  setStatus: (status: Status) => void;
  t: Translate;
  /** names the progress bar */
  label: string;
}) {
  const { status, setStatus, t } = props;
  if (!status) return null;
  return (
    <div class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
      <p>
        {status.text}
        {status.undo && (
          <>
            {' '}
            <button
              type="button"
              data-action="undo"
              onClick={() => {
                const undo = status.undo!;
                setStatus({ ...status, undo: undefined });
                void undo();
              }}
            >
              {t('options_undo')}
            </button>
          </>
        )}
      </p>
      {status.ask && (
        <Confirm
          question={status.ask.question}
          action={status.ask.action}
          onConfirm={status.ask.run}
          onCancel={() => setStatus(null)}
          t={t}
        />
      )}
      {status.kind === 'progress' && (
        <progress max={100} value={status.percent ?? 0} aria-label={props.label} />
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
          {status.problems.length > PROBLEMS_SHOWN && (
            <li>
              {status.problems.length - PROBLEMS_SHOWN === 1
                ? t('options_moreProblemsOne')
                : t('options_moreProblems', String(status.problems.length - PROBLEMS_SHOWN))}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

type PackItemProps = Pick<
  PacksSectionProps,
  'background' | 'refresh' | 'setStatus' | 'download' | 't' | 'uiLanguage'
> & { pack: PackMeta };

/**
 * One installed pack: its title, version, dates and entity count, whether it
 * is in use, and what can be done with it.
 */
function PackItem(props: PackItemProps) {
  const { pack, t, setStatus, background } = props;
  const [asking, setAsking] = useState(false);

  const setEnabled = async (enabled: boolean) => {
    const result = await background
      .send('setPackEnabled', { packId: pack.id, enabled })
      .catch(() => null);
    await props.refresh();
    if (!result) setStatus({ kind: 'error', text: t('options_noAnswer') });
    else if (!result.ok) setStatus({ kind: 'error', text: result.problems[0]?.message ?? '' });
    else
      setStatus({
        kind: 'ok',
        text: t(enabled ? 'options_switchedOn' : 'options_switchedOff', pack.title),
      });
  };

  /** Removes the pack, keeping its export so that the removal can be undone. */
  const remove = async () => {
    setAsking(false);
    const kept = await background.send('exportPack', { packId: pack.id }).catch(() => null);
    const result = await background.send('removePack', { packId: pack.id }).catch(() => null);
    await props.refresh();
    if (!result) setStatus({ kind: 'error', text: t('options_noAnswer') });
    else if (!result.ok) setStatus({ kind: 'error', text: result.problems[0]?.message ?? '' });
    else
      setStatus({
        kind: 'ok',
        text: t('options_removed', pack.title),
        ...(kept?.ok && { undo: () => restore(JSON.stringify(kept.value)) }),
      });
  };

  const restore = async (text: string) => {
    const outcome = await background
      .send('importPack', { text, fileName: `${pack.id}.json` })
      .catch(() => null);
    if (outcome?.ok && pack.disabled)
      await background
        .send('setPackEnabled', { packId: pack.id, enabled: false })
        .catch(() => null);
    await props.refresh();
    setStatus(
      outcome?.ok
        ? { kind: 'ok', text: t('options_restored', pack.title) }
        : {
            kind: 'error',
            text: t('options_notRestored', pack.title),
            ...(outcome && !outcome.ok && { problems: outcome.problems }),
          },
    );
  };

  return (
    <li data-pack={pack.id} class={pack.disabled ? 'off' : undefined}>
      <div>
        <strong>{pack.title}</strong>{' '}
        {pack.bundled && <span class="kind">{t('options_bundled')}</span>}
        {pack.disabled && <span class="kind">{t('options_packOff')}</span>}
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
          ·{' '}
          {pack.counts.entities === 1
            ? t('options_entitiesOne')
            : t('options_entities', String(pack.counts.entities))}
        </div>
        {asking && (
          <Confirm
            question={t('options_removeQuestion', pack.title)}
            action={t('options_remove')}
            onConfirm={() => void remove()}
            onCancel={() => setAsking(false)}
            t={t}
          />
        )}
      </div>
      <div class="pack-actions">
        <label class="pack-switch">
          <input
            type="checkbox"
            data-action="in-use"
            checked={!pack.disabled}
            aria-label={`${t('options_packInUse')}: ${pack.title}`}
            onChange={(e) => void setEnabled((e.target as HTMLInputElement).checked)}
          />
          {t('options_packInUse')}
        </label>
        <button
          type="button"
          data-action="export"
          aria-label={`${t('options_export')}: ${pack.title}`}
          onClick={() =>
            void background
              .send('exportPack', { packId: pack.id })
              .catch(() => null)
              .then((result) => {
                if (result?.ok)
                  props.download(`${pack.id}.json`, JSON.stringify(result.value, null, 2));
                else
                  setStatus({
                    kind: 'error',
                    text: result?.problems[0]?.message ?? t('options_noAnswer'),
                  });
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
            aria-expanded={asking}
            onClick={() => setAsking(true)}
          >
            {t('options_remove')}
          </button>
        )}
      </div>
    </li>
  );
}
