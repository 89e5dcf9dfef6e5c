/**
 * What the active tab's content script found, with the entities' summaries
 * and briefings from the background (asked together, as soon as the names
 * are known). Where no content script answers (a browser page, the
 * web store, a PDF) or there is no tab, the page is "unavailable".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { Briefings } from './use-briefings';
import type {
  EntityCount,
  EntitySummary,
  PageMentions,
  ToBackground,
  ToContent,
} from '../../lib/messaging/protocol';

export type PageState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | {
      status: 'ready';
      page: PageMentions;
      entities: Map<string, EntitySummary>;
      /** the briefings of the page's entities; empty where they could not be read */
      briefings: Briefings;
    };

/** The top frame's content script of a tab; with the tab's id, the other frames' counts are asked too. */
export type TabClient = Client<ToContent> & { tabId?: number };

export interface PageMentionsState {
  page: PageState;
  /** the active tab's content script, once known; null before, and where there is no tab */
  tab: TabClient | null;
  /** asks `client` again for what it found */
  refresh: (client: TabClient | null) => Promise<void>;
  /** asks the active tab again, as soon as it is known */
  refreshActiveTab: () => void;
}

export function usePageMentions(
  activeTab: () => Promise<TabClient | null>,
  background: Client<ToBackground>,
): PageMentionsState {
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [tab, setTab] = useState<TabClient | null>(null);
  const client = useRef<Promise<TabClient | null> | null>(null);

  const refresh = async (target: TabClient | null) =>
    setPage(await readPageMentions(target, background));

  useEffect(() => {
    const found = activeTab().catch(() => null);
    client.current = found;
    void found.then(async (c) => {
      setTab(c);
      await refresh(c);
    });
  }, []);

  return {
    page,
    tab,
    refresh,
    refreshActiveTab: () => void client.current?.then(refresh),
  };
}

/**
 * What `target`'s content script found (its top frame, and the background's
 * report of the other frames), with the entities' summaries.
 */
export async function readPageMentions(
  target: TabClient | null,
  background: Client<ToBackground>,
): Promise<PageState> {
  if (!target) return { status: 'unavailable' };
  try {
    const [top, frames] = await Promise.all([
      target.send('getPageMentions', undefined),
      target.tabId === undefined
        ? []
        : background.send('getFrameMentions', { tabId: target.tabId }).catch(() => []),
    ]);
    const found = { ...top, entities: mergeCounts(top.entities, frames) };
    const ids = found.entities.map((e) => e.id);
    // Both at once: the briefings are the slower, and the list shows them.
    const [summaries, views] = ids.length
      ? await Promise.all([
          background.send('getEntities', { ids }),
          background.send('getBriefings', { entityIds: ids }).catch(() => []),
        ])
      : [[], []];
    return {
      status: 'ready',
      page: found,
      entities: new Map(summaries.map((s) => [s.id, s])),
      briefings: new Map(views.map((view, i) => [ids[i]!, view])),
    };
  } catch {
    // No content script answered: a browser page, the web store, a PDF…
    return { status: 'unavailable' };
  }
}

/** The top frame's counts and the other frames', summed per entity, the most mentioned first. */
function mergeCounts(top: readonly EntityCount[], frames: readonly EntityCount[]): EntityCount[] {
  if (frames.length === 0) return [...top];
  const sum = new Map<string, number>();
  for (const { id, count } of [...top, ...frames]) sum.set(id, (sum.get(id) ?? 0) + count);
  return [...sum].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count);
}
