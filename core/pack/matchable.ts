/**
 * What the recognition core needs of a pack's entities: their forms, and the
 * entities the pack's own articles name each with (its briefing's `related`,
 * strongest first), which point to it on a page. Used by the background (over
 * the installed packs) and by the command-line tools (over data/).
 */
import type { MatchableEntity } from '../recognition';
import type { Briefing, EntitySource } from './types';

export function matchableEntities(
  entities: readonly EntitySource[],
  briefings: readonly Pick<Briefing, 'entityId' | 'related'>[],
): MatchableEntity[] {
  const related = new Map(briefings.map((b) => [b.entityId, b.related.map((r) => r.entityId)]));
  return entities.map((e) => ({ ...e, related: related.get(e.id) ?? [] }));
}
