/**
 * The briefing card shown beside a name on a page: who this is, what the
 * bundled articles say, when things happen, and where every line came from.
 * Pure presentation: data and actions come in through props.
 */
import type { ArticleRef, BriefingView } from '../core/views';
import type { Translate } from '../lib/i18n';
import { displayName, kindKey } from '../core/display';
import { articleOf, dateText, Fact, importedPackOf, latestDate, lineLang } from './briefing-parts';
import { freshnessOf } from '../core/freshness';
import type { SourceRef } from '../core/pack/types';

export const CARD_FACTS = 3;
export const CARD_TIMELINE = 4;
export const CARD_RELATED = 6;

export type CardState =
  | { status: 'loading'; entityId: string }
  | { status: 'error'; entityId: string; message: string }
  | { status: 'ready'; view: BriefingView };

export interface CardActions {
  onClose(): void;
  /** back to the entity the reader came from by a related chip (shown only with `canGoBack`) */
  onBack?(): void;
  onTogglePin(): void;
  onSelectEntity(entityId: string): void;
  onOpenBriefing(entityId: string): void;
  onOpenSource(source: SourceRef, packId: string): void;
  /** shows the page's briefings in the side panel, beside it (omitted: no button) */
  onOpenSidePanel?(): void;
}

export interface BriefingCardProps extends CardActions {
  state: CardState;
  /** the words as the page writes them ("다카이치") */
  pageText: string;
  /** the language of the page's words, for the glyphs of the heading (a Han name reads differently in ja, zh and ko) */
  pageLang?: string;
  /** the page's own date ("2016-03-01"), when it gives one: the card says when the briefing is of another time */
  pageDate?: string | null;
  /** a related chip brought the reader here: a Back control returns */
  canGoBack?: boolean;
  pinned: boolean;
  uiLanguage: string;
  t: Translate;
}

/** The articles the shown lines cite, each once, numbered in the order the card cites them. */
interface Cited {
  article: ArticleRef;
  /** the first sentence the card cites from it: where its entry in the list leads */
  first: SourceRef;
  /** the imported pack it comes from (null: the bundled data) */
  pack: string | null;
}

function citedArticles(
  view: BriefingView,
  lines: Array<{ source: SourceRef; packId: string }>,
): Cited[] {
  const cited = new Map<string, Cited>();
  for (const line of lines) {
    const key = `${line.packId}/${line.source.articleId}`;
    if (cited.has(key)) continue;
    const article = articleOf(view, line) ?? {
      packId: line.packId,
      id: line.source.articleId,
      title: line.source.articleId,
      date: '',
    };
    cited.set(key, { article, first: line.source, pack: importedPackOf(view, line.packId) });
  }
  return [...cited.values()];
}

/** The site an article was published on, from its address. */
function siteOf(article: ArticleRef): string | null {
  if (!article.url) return null;
  try {
    return new URL(article.url).hostname.replace(/^www\./, '');
  } catch {
    return null; // not an address: say nothing of it
  }
}

/** A line's link to the very sentence it quotes: the number of its article in the card's sources. */
function Citation(props: {
  source: SourceRef;
  packId: string;
  cited: Cited[];
  onOpenSource: CardActions['onOpenSource'];
  t: Translate;
}) {
  const n =
    props.cited.findIndex(
      (c) => c.article.id === props.source.articleId && c.article.packId === props.packId,
    ) + 1;
  const title = props.cited[n - 1]?.article.title ?? props.source.articleId;
  return (
    <a
      class="source"
      href="#"
      title={props.t('card_sourceTitle', title)}
      aria-label={props.t('card_citation', [String(n), title])}
      onClick={(event) => {
        event.preventDefault();
        props.onOpenSource(props.source, props.packId);
      }}
    >
      {n}
    </a>
  );
}

export function BriefingCard(props: BriefingCardProps) {
  const { state, t } = props;
  const headingId = 'briefing-lens-card-title';
  const header = (name: string, otherNames: string[] = [], kind?: string) => (
    <div class="head">
      <div class="title-row">
        {props.canGoBack && props.onBack ? (
          <button
            type="button"
            class="back"
            title={t('card_back')}
            aria-label={t('card_back')}
            onClick={props.onBack}
          >
            ←
          </button>
        ) : null}
        <h2 id={headingId} lang={props.pageLang || undefined}>
          {name}
        </h2>
        <div class="tools">
          {props.onOpenSidePanel ? (
            <button
              type="button"
              class="side-panel"
              title={t('sidePanel_open')}
              aria-label={t('sidePanel_open')}
              onClick={props.onOpenSidePanel}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true" width="14" height="14">
                <path
                  d="M2 3h12v10H2zM10 3v10"
                  fill="none"
                  stroke="currentColor"
                  stroke-width="1.5"
                />
              </svg>
            </button>
          ) : null}
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
      {(otherNames.length > 0 || kind) && (
        <p class="subtitle">
          {otherNames.length ? <span class="canonical">{otherNames.join(' · ')}</span> : null}
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
        lang={props.uiLanguage}
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
  const language = props.uiLanguage;
  const localName = displayName(entity, language);
  const facts = briefing.facts.slice(0, CARD_FACTS);
  const timeline = briefing.timeline.slice(0, CARD_TIMELINE);
  const related = view.relatedEntities.slice(0, CARD_RELATED);
  const moreFacts = briefing.facts.length - facts.length;
  const cited = citedArticles(view, [
    ...(briefing.role ? [briefing.role] : []),
    ...facts.flatMap((fact) => [fact, ...(fact.also ?? [])]),
    ...timeline,
  ]);
  // One rule for the subtitle: each name the heading does not already say, once.
  const otherNames = [...new Set([localName, entity.name])].filter((n) => n !== props.pageText);
  const dated = cited.map((c) => c.article.date).filter(Boolean);
  const freshness = freshnessOf(props.pageDate ?? null, dated);
  const roleDate =
    briefing.role &&
    cited.find((c) => c.article.id === briefing.role!.source.articleId)?.article.date;
  const cite = (line: { source: SourceRef; packId: string }) => (
    <Citation
      key={`${line.packId}/${line.source.articleId}/${line.source.start}`}
      source={line.source}
      packId={line.packId}
      cited={cited}
      onOpenSource={props.onOpenSource}
      t={t}
    />
  );

  return (
    <section class="card" role="dialog" aria-labelledby={headingId} tabIndex={-1} lang={language}>
      {header(props.pageText, otherNames, t(kindKey(entity.kind)))}
      {freshness ? (
        <p class="freshness" role="note">
          {freshness.kind === 'older'
            ? t('card_pageOlder', [
                dateText(freshness.pageDate, language),
                dateText(freshness.from, language),
              ])
            : t('card_pageNewer', [
                dateText(freshness.pageDate, language),
                dateText(freshness.to, language),
              ])}
        </p>
      ) : null}
      {briefing.role ? (
        <p class="role">
          <strong lang={lineLang(view, briefing.role)}>{briefing.role.text}</strong>
          {roleDate ? (
            <span class="role-date">{t('card_asOf', dateText(roleDate, language))}</span>
          ) : null}{' '}
          {cite(briefing.role)}
        </p>
      ) : null}
      {facts.length ? (
        <section aria-label={t('card_facts')}>
          <h3>{t('card_facts')}</h3>
          <ul class="facts">
            {facts.map((fact, i) => (
              <Fact
                key={`${fact.source.articleId}:${fact.source.start}`}
                id={`fact-${i}`}
                lang={lineLang(view, fact)}
                text={fact.text}
                t={t}
              >
                {cite(fact)}
                {/* The same sentence, said elsewhere too: each place cited. */}
                {fact.also?.map((other) => cite(other))}
              </Fact>
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
                <time dateTime={entry.date}>{dateText(entry.date, language)}</time>
                <span class="timeline-line">
                  <span class="timeline-text" title={entry.text} lang={lineLang(view, entry)}>
                    {entry.text}
                  </span>{' '}
                  {cite(entry)}
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
                  {displayName(other, language)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {cited.length ? (
        <section aria-label={t('card_sources')}>
          <h3>{t('card_sources')}</h3>
          <ol class="sources">
            {cited.map((c, i) => {
              // Where it comes from: its site, the reader's own pack, its date.
              const meta = [
                siteOf(c.article),
                c.pack && t('card_fromPack', c.pack),
                c.article.date && dateText(c.article.date, language),
              ].filter(Boolean);
              return (
                <li key={`${c.article.packId}/${c.article.id}`}>
                  <span class="source-number">{i + 1}</span>
                  <a
                    class="article"
                    href="#"
                    title={c.article.title}
                    onClick={(event) => {
                      event.preventDefault();
                      props.onOpenSource(c.first, c.article.packId);
                    }}
                  >
                    {c.article.title}
                  </a>
                  {meta.length ? <span class="source-meta">{meta.join(' · ')}</span> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
      <div class="foot">
        <button type="button" class="open-full" onClick={() => props.onOpenBriefing(entity.id)}>
          {moreFacts > 0
            ? t(moreFacts === 1 ? 'card_openFullOneMore' : 'card_openFullMore', String(moreFacts))
            : t('card_openFull')}
        </button>
        {dated.length ? (
          <span class="as-of">{t('card_asOf', dateText(latestDate(dated)!, language))}</span>
        ) : null}
      </div>
    </section>
  );
}
