/**
 * The briefing card shown beside a name on a page: who this is, what the
 * bundled articles say, when things happen, and where every line came from.
 * Pure presentation: data and actions come in through props.
 */
import type { BriefingView } from '../core/views';
import type { Translate } from '../lib/i18n';
import { displayName, formatDate, kindKey } from '../core/display';
import type { SourceRef } from '../core/pack/types';

/** Formatting a date builds an Intl.DateTimeFormat: slow enough to remember. */
const dates = new Map<string, string>();
function dateText(iso: string, uiLanguage: string): string {
  const key = `${uiLanguage}|${iso}`;
  let text = dates.get(key);
  if (text === undefined) dates.set(key, (text = formatDate(iso, uiLanguage)));
  return text;
}

export const CARD_FACTS = 3;
export const CARD_TIMELINE = 4;
export const CARD_RELATED = 6;

export type CardState =
  | { status: 'loading'; entityId: string }
  | { status: 'error'; entityId: string; message: string }
  | { status: 'ready'; view: BriefingView };

export interface CardActions {
  onClose(): void;
  onTogglePin(): void;
  onSelectEntity(entityId: string): void;
  onOpenBriefing(entityId: string): void;
  onOpenSource(source: SourceRef, packId: string): void;
}

export interface BriefingCardProps extends CardActions {
  state: CardState;
  /** the words as the page writes them ("다카이치") */
  pageText: string;
  pinned: boolean;
  uiLanguage: string;
  t: Translate;
}

function SourceLink(props: {
  source: SourceRef;
  /** article ids are unique only within their pack */
  packId: string;
  view: BriefingView;
  onOpenSource: CardActions['onOpenSource'];
  t: Translate;
}) {
  const { packId } = props;
  const article = props.view.articles.find(
    (a) => a.id === props.source.articleId && a.packId === packId,
  );
  const title = article?.title ?? props.source.articleId;
  // A line from an imported pack says which: the reader judges it by its pack.
  const pack = props.view.packs?.find((p) => p.id === packId && !p.bundled);
  return (
    <>
      <a
        class="source"
        href="#"
        title={props.t('card_sourceTitle', title)}
        onClick={(event) => {
          event.preventDefault();
          props.onOpenSource(props.source, packId);
        }}
      >
        {title}
      </a>
      {pack && (
        <span class="source-pack" data-pack={pack.id}>
          {' · '}
          {props.t('card_fromPack', pack.title)}
        </span>
      )}
    </>
  );
}

export function BriefingCard(props: BriefingCardProps) {
  const { state, t } = props;
  const headingId = 'briefing-lens-card-title';
  const header = (name: string, canonical?: string, kind?: string) => (
    <div class="head">
      <div class="title-row">
        <h2 id={headingId}>{name}</h2>
        <div class="tools">
          <button
            type="button"
            class={props.pinned ? 'pin pinned' : 'pin'}
            aria-pressed={props.pinned}
            title={t(props.pinned ? 'card_unpin' : 'card_pin')}
            aria-label={t(props.pinned ? 'card_unpin' : 'card_pin')}
            onClick={props.onTogglePin}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" width="14" height="14">
              <path
                d="M10 1l5 5-2 1-3 3 1 4-1 1-3-4-4 4-1-1 4-4-4-3 1-1 4 1 3-3z"
                fill="currentColor"
              />
            </svg>
          </button>
          <button
            type="button"
            class="close"
            title={t('card_close')}
            aria-label={t('card_close')}
            onClick={props.onClose}
          >
            ×
          </button>
        </div>
      </div>
      {(canonical || kind) && (
        <p class="subtitle">
          {canonical && canonical !== name ? <span class="canonical">{canonical}</span> : null}
          {kind ? <span class="kind">{kind}</span> : null}
        </p>
      )}
    </div>
  );

  if (state.status !== 'ready') {
    return (
      <section
        class="card"
        role="dialog"
        aria-labelledby={headingId}
        tabIndex={-1}
        aria-busy={state.status === 'loading'}
      >
        {header(props.pageText)}
        <p class={state.status === 'error' ? 'error' : 'loading'} role="status">
          {state.status === 'error' ? state.message : t('card_loading')}
        </p>
      </section>
    );
  }

  const { view } = state;
  const { entity, briefing } = view;
  const localName = displayName(entity, props.uiLanguage);
  const facts = briefing.facts.slice(0, CARD_FACTS);
  const timeline = briefing.timeline.slice(0, CARD_TIMELINE);
  const related = view.relatedEntities.slice(0, CARD_RELATED);
  const moreFacts = briefing.facts.length - facts.length;

  return (
    <section class="card" role="dialog" aria-labelledby={headingId} tabIndex={-1}>
      {header(
        props.pageText,
        props.pageText === localName ? entity.name : `${localName} · ${entity.name}`,
        t(kindKey(entity.kind)),
      )}
      {briefing.role ? (
        <p class="role">
          <strong>{briefing.role.text}</strong>{' '}
          <SourceLink
            source={briefing.role.source}
            packId={briefing.role.packId}
            view={view}
            onOpenSource={props.onOpenSource}
            t={t}
          />
        </p>
      ) : null}
      {facts.length ? (
        <section aria-label={t('card_facts')}>
          <h3>{t('card_facts')}</h3>
          <ul class="facts">
            {facts.map((fact) => (
              <li key={`${fact.source.articleId}:${fact.source.start}`}>
                <span class="fact-text">{fact.text}</span>{' '}
                <SourceLink
                  source={fact.source}
                  packId={fact.packId}
                  view={view}
                  onOpenSource={props.onOpenSource}
                  t={t}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p class="empty">{t('card_noFacts')}</p>
      )}
      {timeline.length ? (
        <section aria-label={t('card_timeline')}>
          <h3>{t('card_timeline')}</h3>
          <ol class="timeline">
            {timeline.map((entry) => (
              <li key={`${entry.date}:${entry.source.articleId}:${entry.source.start}`}>
                <time dateTime={entry.date}>{dateText(entry.date, props.uiLanguage)}</time>
                <span class="timeline-text" title={entry.text}>
                  {entry.text}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {related.length ? (
        <section aria-label={t('card_related')}>
          <h3>{t('card_related')}</h3>
          <ul class="chips">
            {related.map((other) => (
              <li key={other.id}>
                <button
                  type="button"
                  class={`chip kind-${other.kind}`}
                  onClick={() => props.onSelectEntity(other.id)}
                >
                  {displayName(other, props.uiLanguage)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div class="foot">
        <button type="button" class="open-full" onClick={() => props.onOpenBriefing(entity.id)}>
          {moreFacts > 0 ? t('card_openFullMore', String(moreFacts)) : t('card_openFull')}
        </button>
      </div>
    </section>
  );
}
