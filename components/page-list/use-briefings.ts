/**
 * The briefings of the entities the popup lists, asked of the background
 * once each, all at once when the list arrives; each summary shows as soon
 * as its answer does.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { ToBackground } from '../../lib/messaging/protocol';
import type { BriefingView } from '../../core/views';

/** id → the briefing; null where there is none (or it could not be read); absent while asked */
export type Briefings = ReadonlyMap<string, BriefingView | null>;

export function useBriefings(background: Client<ToBackground>, ids: string[]): Briefings {
  const [briefings, setBriefings] = useState<Briefings>(new Map());
  const key = ids.join(' ');
  useEffect(() => {
    let gone = false;
    for (const entityId of ids) {
      if (briefings.has(entityId)) continue;
      void background
        .send('getBriefing', { entityId })
        .catch(() => null)
        .then((view) => {
          if (!gone) setBriefings((known) => new Map(known).set(entityId, view));
        });
    }
    return () => {
      gone = true;
    };
  }, [key]);
  return briefings;
}
