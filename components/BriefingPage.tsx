/** The full briefing of one entity: every fact, the whole timeline, all articles. */
import { useEffect } from 'preact/hooks';
import type { BriefingView } from '../core/views';
import type { Translate } from '../lib/i18n';
import { displayName, formatDate, kindKey } from '../core/display';
import type { SourceRef } from '../core/pack/types';
import { articleOf, latestDate, lineLang } from './briefing-parts';

export interface BriefingPageProps {
  /** undefined while loading, null when not found */
  view: BriefingView | null | undefined;
  t: Translate;
  uiLanguage: string;
  articleHref: (packId: string, articleId: string, start: number, end: number) => string;
}

export function BriefingPage({ view, t, uiLanguage, articleHref }: BriefingPageProps) {
  useEffect(() => {
    if (view) document.title = `${displayName(view.entity, uiLanguage)} · ${t('page_briefing')}`;
  }, [view]);
  if (view === undefined) return <main class="page" aria-busy="true" />;
  if (view === null)
    return (
      <main class="page">
        <h1>{t('page_briefing')}</h1>
        <p>{t('page_notFound')}</p>
      </main>
    );
  const { entity, briefing } = view;
  /** A link to the sentence a line came from, titled with its article. */
  const sourceLink = (line: { packId: string; source: SourceRef }, className?: string) => (
    <a
      class={className}
      href={articleHref(line.packId, line.source.articleId, line.source.start, line.source.end)}
    >
      {articleOf(view, line)?.title ?? line.source.articleId}
    </a>
  );
  const local = displayName(entity, uiLanguage);
  // As of the latest article the briefing cites.
  const latest = latestDate(view.articles.map((a) => a.date));
  return (
    <main class="page">
      <p class="muted">{t('page_briefing')}</p>
      <h1>
        {local} {local !== entity.name && <span class="muted">{entity.name}</span>}{' '}
        <span class="kind">{t(kindKey(entity.kind))}</span>
      </h1>
      {latest && <p class="muted as-of">{t('card_asOf', formatDate(latest, uiLanguage))}</p>}
      {briefing.role && (
        <p class="role">
          <strong lang={lineLang(view, briefing.role)}>{briefing.role.text}</strong> —{' '}
          {sourceLink(briefing.role)}
        </p>
      )}
      <h2>{t('page_allFacts')}</h2>
      <ul class="facts">
        {briefing.facts.map((fact) => (
          <li key={`${fact.source.articleId}:${fact.source.start}`}>
            <span lang={lineLang(view, fact)}>{fact.text}</span> {sourceLink(fact, 'source')}
            {fact.also?.map((other) => (
              <> · {sourceLink(other, 'source')}</>
            ))}
          </li>
        ))}
      </ul>
      {briefing.timeline.length > 0 && (
        <>
          <h2>{t('card_timeline')}</h2>
          <ol class="timeline">
            {briefing.timeline.map((entry) => (
              <li key={`${entry.date}:${entry.source.articleId}:${entry.source.start}`}>
                <time dateTime={entry.date}>{formatDate(entry.date, uiLanguage)}</time>
                <span>
                  <span lang={lineLang(view, entry)}>{entry.text}</span>{' '}
                  {sourceLink(entry, 'source')}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {view.relatedEntities.length > 0 && (
        <>
          <h2>{t('card_related')}</h2>
          <ul class="chips">
            {view.relatedEntities.map((other) => (
              <li key={other.id}>
                <a class="chip" href={`#${encodeURIComponent(other.id)}`}>
                  {displayName(other, uiLanguage)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('page_articles')}</h2>
      <ul class="articles">
        {view.articles.map((article) => (
          <li key={`${article.packId}/${article.id}`}>
            <a href={articleHref(article.packId, article.id, 0, 0)}>{article.title}</a>{' '}
            <span class="muted">{formatDate(article.date, uiLanguage)}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
