/**
 * The briefings of the entities the popup or the side panel lists, asked of
 * the background in one message when the list arrives (one read of the
 * database for all: lib/db/queries.ts), and again only for names the list
 * gains.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Client } from '../../lib/messaging';
import type { ToBackground } from '../../lib/messaging/protocol';
import type { BriefingView } from '../../core/views';

/** id → the briefing; null where there is none (or it could not be read); absent while asked */
export type Briefings = ReadonlyMap<string, BriefingView | null>;

const NONE: Briefings = new Map();

/** `known`: briefings already read with the page's names (readPageMentions); only the rest are asked. */
export function useBriefings(
  background: Client<ToBackground>,
  ids: string[],
  known: Briefings = NONE,
): Briefings {
  const [read, setBriefings] = useState<Briefings>(new Map());
  const briefings = useMemo(
    () => (known.size === 0 ? read : read.size === 0 ? known : new Map([...known, ...read])),
    [known, read],
  );
  const key = ids.join(' ');
  useEffect(() => {
    let gone = false;
    const asked = ids.filter((id) => !briefings.has(id));
    if (asked.length)
      void background
        .send('getBriefings', { entityIds: asked })
        .catch(() => asked.map(() => null))
        .then((views) => {
          if (gone) return;
          setBriefings((known) => {
            const next = new Map(known);
            asked.forEach((id, i) => next.set(id, views[i] ?? null));
            return next;
          });
        });
    return () => {
      gone = true;
    };
  }, [key, known]);
  return briefings;
}
