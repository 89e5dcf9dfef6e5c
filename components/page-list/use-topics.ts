/** Every installed topic, for the popup's chips; none when the background cannot say. */
import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { ToBackground } from '../../lib/messaging/protocol';
import type { TopicSummary } from '../../core/views';

export function useTopics(background: Client<ToBackground>): TopicSummary[] {
  const [topics, setTopics] = useState<TopicSummary[]>([]);
  useEffect(() => {
    background.send('listTopics', undefined).then(setTopics, () => setTopics([]));
  }, []);
  return topics;
}
