/**
 * The topics and packs the options page lists, loaded together when it
 * opens and again after an import or a removal (a pack brings its topics).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { LostPack, ToBackground } from '../../lib/messaging/protocol';
import type { PackMeta, TopicSummary } from '../../core/views';

export interface Catalogue {
  topics: TopicSummary[];
  packs: PackMeta[];
  /** imported packs the database lost, to import again */
  lost: LostPack[];
  /** asks the background for both again */
  refresh: () => Promise<void>;
}

export function useCatalogue(background: Client<ToBackground>): Catalogue {
  const [topics, setTopics] = useState<TopicSummary[]>([]);
  const [packs, setPacks] = useState<PackMeta[]>([]);
  const [lost, setLost] = useState<LostPack[]>([]);

  const refresh = async () => {
    const [nextTopics, nextPacks, nextLost] = await Promise.all([
      background.send('listTopics', undefined),
      background.send('listPacks', undefined),
      background.send('listLostPacks', undefined).catch(() => []),
    ]);
    setTopics(nextTopics);
    setPacks(nextPacks);
    setLost(nextLost);
  };

  useEffect(() => {
    void refresh();
  }, []);

  return { topics, packs, lost, refresh };
}
