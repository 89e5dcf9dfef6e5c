/** One article, verbatim, with the sentence a briefing cited marked and scrolled to. */
import { useEffect, useRef } from 'preact/hooks';
import type { CompiledArticle } from '../core/pack/types';
import type { Translate } from '../lib/i18n';
import { decodeComponent, formatDate } from '../core/display';

export function parseArticleHash(
  hash: string,
): { packId: string; articleId: string; cited: [number, number] | null } | null {
  const [packId, articleId, span] = hash.replace(/^#/, '').split('/');
  if (!packId || !articleId) return null;
  const [start, end] = (span ?? '').split('-').map(Number);
  const cited =
    Number.isInteger(start) && Number.isInteger(end) && end! > start!
      ? ([start!, end!] as [number, number])
      : null;
  const pack = decodeComponent(packId);
  const article = decodeComponent(articleId);
  return pack === null || article === null ? null : { packId: pack, articleId: article, cited };
}

export interface ArticlePageProps {
  article: CompiledArticle | null | undefined;
  cited: [number, number] | null;
  t: Translate;
  uiLanguage: string;
}

export function ArticlePage({ article, cited, t, uiLanguage }: ArticlePageProps) {
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    if (article) document.title = `${article.title} · ${t('page_article')}`;
    // Scrolled to, and focused so a screen reader starts at the cited sentence.
    mark.current?.scrollIntoView({ block: 'center' });
    mark.current?.focus({ preventScroll: true });
  }, [article, cited?.[0]]);
  if (article === undefined) return <main class="page" aria-busy="true" />;
  if (article === null)
    return (
      <main class="page">
        <h1>{t('page_article')}</h1>
        <p>{t('page_notFound')}</p>
      </main>
    );
  const text = article.text;
  const inside = cited && cited[1] <= text.length ? cited : null;
  return (
    <main class="page">
      {article.headline && <p class="muted">{article.headline}</p>}
      <h1>{article.title}</h1>
      <p class="muted">
        {formatDate(article.date, uiLanguage)}
        {article.section ? ` · ${article.section}` : ''}
        {article.url ? (
          <>
            {' · '}
            <a href={article.url} rel="noreferrer noopener" target="_blank">
              {new URL(article.url).hostname}
            </a>
          </>
        ) : null}
      </p>
      <div class="article-text" lang={article.language}>
        <p>
          {inside ? (
            <>
              {text.slice(0, inside[0])}
              <mark class="cited" ref={mark} tabIndex={-1}>
                {text.slice(inside[0], inside[1])}
              </mark>
              {text.slice(inside[1])}
            </>
          ) : (
            text
          )}
        </p>
      </div>
    </main>
  );
}
