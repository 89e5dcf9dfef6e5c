/** The full briefing of one entity: every fact, the whole timeline, all articles. */
import { useEffect } from 'preact/hooks';
import type { BriefingView } from '../lib/messaging/protocol';
import type { Translate } from '../lib/i18n';
import { displayName, formatDate, kindKey } from '../core/display';

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
  const titleOf = (packId: string, articleId: string) =>
    view.articles.find((a) => a.id === articleId && a.packId === packId)?.title ?? articleId;
  const local = displayName(entity, uiLanguage);
  return (
    <main class="page">
      <p class="muted">{t('page_briefing')}</p>
      <h1>
        {local} {local !== entity.name && <span class="muted">{entity.name}</span>}{' '}
        <span class="kind">{t(kindKey(entity.kind))}</span>
      </h1>
      {briefing.role && (
        <p class="role">
          <strong>{briefing.role.text}</strong> —{' '}
          <a
            href={articleHref(
              briefing.role.packId,
              briefing.role.source.articleId,
              briefing.role.source.start,
              briefing.role.source.end,
            )}
          >
            {titleOf(briefing.role.packId, briefing.role.source.articleId)}
          </a>
        </p>
      )}
      <h2>{t('page_allFacts')}</h2>
      <ul class="facts">
        {briefing.facts.map((fact) => (
          <li key={`${fact.source.articleId}:${fact.source.start}`}>
            {fact.text}{' '}
            <a
              class="source"
              href={articleHref(
                fact.packId,
                fact.source.articleId,
                fact.source.start,
                fact.source.end,
              )}
            >
              {titleOf(fact.packId, fact.source.articleId)}
            </a>
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
                  {entry.text}{' '}
                  <a
                    class="source"
                    href={articleHref(
                      entry.packId,
                      entry.source.articleId,
                      entry.source.start,
                      entry.source.end,
                    )}
                  >
                    {titleOf(entry.packId, entry.source.articleId)}
                  </a>
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
