/**
 * What the side panel shows: the followed tab's names (asked as the popup
 * asks them), asked again whenever the tab says they changed, and the name
 * the reader is looking at there.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { ToBackground } from '../../lib/messaging/protocol';
import {
  readPageMentions,
  type PageState,
  type TabClient,
} from '../../components/page-list/use-page-mentions';
import type { FollowedTabEvents } from './followed-tab';

export interface Looking {
  entityId: string;
  /** when the page said so, on the shared clock (performance.timeOrigin + now) */
  at: number;
}

export interface FollowedPage {
  page: PageState;
  tab: TabClient | null;
  looking: Looking | null;
}

export interface FollowedPageDeps {
  background: Client<ToBackground>;
  follow: (events: FollowedTabEvents, signal: AbortSignal) => Promise<void>;
  tabClient: (tabId: number) => TabClient;
  /** whether the tab is still loading its page (an unanswered tab then is not yet "unavailable") */
  isLoading: (tabId: number) => Promise<boolean>;
}

export function useFollowedPage(deps: FollowedPageDeps): FollowedPage {
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [tab, setTab] = useState<TabClient | null>(null);
  const [looking, setLooking] = useState<Looking | null>(null);

  useEffect(() => {
    const stop = new AbortController();
    let current: TabClient | null = null;
    let asked = 0;
    const read = async () => {
      const ask = ++asked;
      const target = current;
      let state = await readPageMentions(target, deps.background);
      // A page still loading answers once scanned (its pageReady push).
      if (state.status === 'unavailable' && target?.tabId !== undefined)
        if (await deps.isLoading(target.tabId).catch(() => false)) state = { status: 'loading' };
      if (ask === asked && !stop.signal.aborted) setPage(state);
    };
    void deps.follow(
      {
        switched: (tabId) => {
          current = tabId === null ? null : deps.tabClient(tabId);
          setTab(current);
          setLooking(null);
          void read();
        },
        changed: () => void read(),
        looking: (entityId, at) => setLooking({ entityId, at }),
      },
      stop.signal,
    );
    return () => stop.abort();
  }, []);

  return { page, tab, looking };
}
