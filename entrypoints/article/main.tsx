import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { backgroundClient } from '../../lib/messaging';
import type { CompiledArticle } from '../../core/pack/types';
import { t, uiLanguage } from '../../lib/i18n';
import { ArticlePage, parseArticleHash } from '../../components/ArticlePage';
import '../../components/ui.css';
import '../../components/pages.css';

/** article.html#<pack>/<article>/<start>-<end>: the article, with the cited sentence marked. */
function App() {
  const [hash, setHash] = useState(() => parseArticleHash(location.hash));
  const [article, setArticle] = useState<CompiledArticle | null | undefined>(undefined);
  useEffect(() => {
    const onHash = () => setHash(parseArticleHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!hash) return setArticle(null);
    backgroundClient
      .send('getArticle', { packId: hash.packId, articleId: hash.articleId })
      .then(setArticle, () => setArticle(null));
  }, [hash?.packId, hash?.articleId]);
  return (
    <ArticlePage article={article} cited={hash?.cited ?? null} t={t} uiLanguage={uiLanguage()} />
  );
}

document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app')!);
