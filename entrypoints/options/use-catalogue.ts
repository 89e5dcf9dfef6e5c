/**
 * The topics and packs the options page lists, loaded together when it
 * opens and again after an import or a removal (a pack brings its topics),
 * or why they cannot be read.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { LostPack, ToBackground } from '../../lib/messaging/protocol';
import type { PackMeta, TopicSummary } from '../../core/views';
import { isFullStorage } from '../../core/full-storage';

export interface Catalogue {
  topics: TopicSummary[];
  packs: PackMeta[];
  /** imported packs the database lost, to import again */
  lost: LostPack[];
  /** why the packs could not be read ('full': the disk is full), null when they were */
  unreadable: 'full' | 'other' | null;
  /** asks the background for both again */
  refresh: () => Promise<void>;
}

export function useCatalogue(background: Client<ToBackground>): Catalogue {
  const [topics, setTopics] = useState<TopicSummary[]>([]);
  const [packs, setPacks] = useState<PackMeta[]>([]);
  const [lost, setLost] = useState<LostPack[]>([]);
  const [unreadable, setUnreadable] = useState<Catalogue['unreadable']>(null);

  const refresh = async () => {
    try {
      const [nextTopics, nextPacks, nextLost] = await Promise.all([
        background.send('listTopics', undefined),
        background.send('listPacks', undefined),
        background.send('listLostPacks', undefined).catch(() => []),
      ]);
      setTopics(nextTopics);
      setPacks(nextPacks);
      setLost(nextLost);
      setUnreadable(null);
    } catch (error) {
      // The database cannot be opened: say so instead of an empty list.
      setUnreadable(isFullStorage(error) ? 'full' : 'other');
    }
  };

  useEffect(() => {
    void refresh();
  }, []);

  return { topics, packs, lost, unreadable, refresh };
}
