import { articleHash } from '../../core/display';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { backgroundClient } from '../../lib/messaging';
import type { BriefingView } from '../../core/views';
import { decodeComponent } from '../../core/display';
import { t, uiLanguage } from '../../lib/i18n';
import { BriefingPage } from '../../components/BriefingPage';
import '../../components/ui.css';
import '../../components/pages.css';

/** The entity id in the address; a malformed one names no entity (the page says "not found"). */
const entityIdOfHash = () => decodeComponent(location.hash.slice(1)) ?? '';

/** briefing.html#<entity id>: every fact, the whole timeline and all articles of one entity. */
function App() {
  const [entityId, setEntityId] = useState(entityIdOfHash);
  const [view, setView] = useState<BriefingView | null | undefined>(undefined);
  useEffect(() => {
    const onHash = () => setEntityId(entityIdOfHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    setView(undefined);
    backgroundClient.send('getBriefing', { entityId }).then(setView, () => setView(null));
  }, [entityId]);
  return (
    <BriefingPage
      view={view}
      t={t}
      uiLanguage={uiLanguage()}
      articleHref={(packId, articleId, start, end) =>
        `article.html#${articleHash(packId, { articleId, start, end })}`
      }
    />
  );
}

document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app')!);
