/**
 * Combining what several packs say about the same entity id. Pure functions
 * over records already read; the order of packs decides who wins where only
 * one value can be shown: the bundled pack first, then imported packs in the
 * order they were imported.
 */
import { LANGUAGES, type EntitySource, type PerLanguage } from '../../core/pack/types';
import { collapseNearDuplicates } from '../../core/near-duplicates';
import type { MergedBriefing, PackMeta } from '../../core/views';
import type { BriefingRecord, EntityRecord } from './schema';

export function comparePacks(a: PackMeta, b: PackMeta): number {
  if (a.bundled !== b.bundled) return a.bundled ? -1 : 1;
  if (a.importedAt !== b.importedAt) return a.importedAt < b.importedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * packId → position in pack order, for the packs in use: a pack the reader
 * switched off has no rank, nor has an unknown one, and inPackOrder() drops
 * their records, so every read leaves them out alike.
 */
export function packRanks(packs: PackMeta[]): (packId: string) => number | undefined {
  const ranks = new Map(
    packs
      .filter((p) => !p.disabled)
      .sort(comparePacks)
      .map((p, i) => [p.id, i]),
  );
  return (packId) => ranks.get(packId);
}

/** Records of packs in use, sorted into pack order (stably); those of other packs dropped. */
export function inPackOrder<T extends { packId: string }>(
  records: T[],
  rank: (packId: string) => number | undefined,
): T[] {
  return records
    .map((record, i) => ({ record, i, r: rank(record.packId) }))
    .filter((x): x is { record: T; i: number; r: number } => x.r !== undefined)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.record);
}

function firstBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * One briefing from the briefings of several packs (given in pack order):
 * facts by score (near-duplicates folded into the better one, every source
 * kept), timeline by date (both stable, so pack order breaks ties, and a
 * timeline entry two packs share is shown once), related entities by summed
 * weight, article ids concatenated.
 */
export function mergeBriefings(entityId: string, parts: BriefingRecord[]): MergedBriefing {
  const facts = parts
    .flatMap((p) => p.facts.map((f) => ({ ...f, packId: p.packId })))
    .sort((a, b) => b.score - a.score);
  const timeline = parts
    .flatMap((p) => p.timeline.map((t) => ({ ...t, packId: p.packId })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const weights = new Map<string, number>();
  for (const p of parts)
    for (const r of p.related) weights.set(r.entityId, (weights.get(r.entityId) ?? 0) + r.weight);
  const related = [...weights]
    .map(([id, weight]) => ({ entityId: id, weight }))
    .sort((a, b) => b.weight - a.weight);
  const withRole = parts.find((p) => p.role);
  return {
    entityId,
    ...(withRole?.role && { role: { ...withRole.role, packId: withRole.packId } }),
    // A sentence said twice (two packs, or two near-identical sentences) is one line, both cited.
    facts: collapseNearDuplicates(facts),
    timeline: firstBy(timeline, (t) => `${t.date} ${t.text}`),
    related,
    articles: parts.flatMap((p) => p.articles),
    mentionCount: parts.reduce((sum, p) => sum + p.mentionCount, 0),
  };
}

/** What the content script needs of an entity to find it in a page, merged across packs. */
export interface MatchableEntry {
  id: string;
  kind: EntitySource['kind'];
  name: string;
  names: PerLanguage<string>;
  aliases: PerLanguage<string[]>;
  ambiguous: PerLanguage<string[]>;
  titled: PerLanguage<string[]>;
  titles: PerLanguage<string[]>;
  cues: PerLanguage<string[]>;
  exclusions: string[];
  namesakes: string[];
  topics: string[];
  /** entity ids the packs' articles name it with, by weight summed over the packs */
  related: string[];
}

function union(lists: Array<readonly string[] | undefined>): string[] {
  return [...new Set(lists.flatMap((l) => l ?? []))];
}

function unionPerLanguage(lists: Array<PerLanguage<string[]> | undefined>): PerLanguage<string[]> {
  const out: PerLanguage<string[]> = {};
  for (const lang of LANGUAGES) {
    const forms = union(lists.map((l) => l?.[lang]));
    if (forms.length > 0) out[lang] = forms;
  }
  return out;
}

/**
 * One entry per entity id from records in pack order: kind and name from the
 * first pack, display names filled language by language, every form a union
 * (any pack's alias is a mention). Sorted by id so the matcher is built the
 * same way every time.
 */
export function mergeMatchable(
  records: EntityRecord[],
  briefings: readonly BriefingRecord[] = [],
): MatchableEntry[] {
  const weights = new Map<string, Map<string, number>>();
  for (const b of briefings) {
    let w = weights.get(b.entityId);
    if (!w) weights.set(b.entityId, (w = new Map()));
    for (const r of b.related) w.set(r.entityId, (w.get(r.entityId) ?? 0) + r.weight);
  }
  const byId = new Map<string, EntityRecord[]>();
  for (const r of records) {
    const list = byId.get(r.id);
    if (list) list.push(r);
    else byId.set(r.id, [r]);
  }
  const entries: MatchableEntry[] = [];
  for (const [id, list] of byId) {
    const first = list[0] as EntityRecord;
    const names: PerLanguage<string> = {};
    for (const lang of LANGUAGES) {
      const name = list.find((r) => r.names?.[lang])?.names?.[lang];
      if (name !== undefined) names[lang] = name;
    }
    entries.push({
      id,
      kind: first.kind,
      name: first.name,
      names,
      aliases: unionPerLanguage(list.map((r) => r.aliases)),
      ambiguous: unionPerLanguage(list.map((r) => r.ambiguous)),
      titled: unionPerLanguage(list.map((r) => r.titled)),
      titles: unionPerLanguage(list.map((r) => r.titles)),
      cues: unionPerLanguage(list.map((r) => r.cues)),
      exclusions: union(list.map((r) => r.exclusions)),
      namesakes: union(list.map((r) => r.namesakes)),
      topics: union(list.map((r) => r.topics)),
      related: [...(weights.get(id) ?? new Map<string, number>())]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([entityId]) => entityId),
    });
  }
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
