/**
 * The reads the UI and the content script need. Each is one readonly
 * transaction whose requests are issued together, and each touches only the
 * records it returns plus the (few) pack meta records that decide pack order.
 */
import type { CompiledArticle, EntitySource } from '../../core/pack/types';
import { normaliseSearchKey, prefixKeyRange, searchFormsOf } from './keys';
import {
  comparePacks,
  inPackOrder,
  mergeBriefings,
  mergeMatchable,
  packRanks,
  type MatchableEntry,
} from './merge';
import { toArticle, toEntity } from './records';
import type { BriefingView, EntityChip, PackMeta, SearchHit, TopicSummary } from '../../core/views';
import type { BriefingDb, BriefingRecord, EntityRecord } from './schema';

function chip(entity: EntitySource): EntityChip {
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    ...(entity.names && { names: entity.names }),
  };
}

export async function getBriefing(
  db: BriefingDb,
  entityId: string,
): Promise<BriefingView | undefined> {
  return (await getBriefings(db, [entityId]))[0];
}

/**
 * The briefings of `entityIds`, in that order (undefined where there is
 * none), read in one transaction: the packs and each article are read once
 * for all of them (the popup and the side panel ask for a page's worth).
 */
export async function getBriefings(
  db: BriefingDb,
  entityIds: readonly string[],
): Promise<Array<BriefingView | undefined>> {
  const tx = db.transaction(['packs', 'entities', 'briefings', 'articles'], 'readonly');
  const packs = await tx.objectStore('packs').getAll();
  const rank = packRanks(packs);
  const articleStore = tx.objectStore('articles');
  const articleReads = new Map<string, ReturnType<typeof articleStore.get>>();
  const article = (packId: string, id: string) => {
    const key = JSON.stringify([packId, id]);
    let read = articleReads.get(key);
    if (!read) articleReads.set(key, (read = articleStore.get([packId, id])));
    return read;
  };
  const byId = tx.objectStore('entities').index('by-id');
  // An entity's records, read once: a page's people are each other's related chips.
  const recordReads = new Map<string, Promise<EntityRecord[]>>();
  const recordsOf = (entityId: string) => {
    let read = recordReads.get(entityId);
    if (!read) recordReads.set(entityId, (read = byId.getAll(entityId)));
    return read;
  };
  const briefingStore = tx.objectStore('briefings');

  const one = async (entityId: string): Promise<BriefingView | undefined> => {
    const records = inPackOrder(await recordsOf(entityId), rank);
    const first = records[0];
    if (!first) return undefined;
    const packIds = records.map((r) => r.packId);
    const parts = (
      await Promise.all(packIds.map((packId) => briefingStore.get([packId, entityId])))
    ).filter((b): b is BriefingRecord => b !== undefined);
    const briefing = mergeBriefings(entityId, parts);

    const refs = new Map<string, [string, string]>();
    for (const part of parts)
      for (const id of part.articles)
        refs.set(JSON.stringify([part.packId, id]), [part.packId, id]);
    const [articles, related] = await Promise.all([
      Promise.all([...refs.values()].map(([packId, id]) => article(packId, id))),
      // Any pack's record will do for a chip, from a pack in use.
      Promise.all(
        briefing.related.map(async (r) => inPackOrder(await recordsOf(r.entityId), rank)[0]),
      ),
    ]);

    return {
      entity: toEntity(first),
      packIds,
      packs: packIds.flatMap((id) => {
        const meta = packs.find((p) => p.id === id);
        return meta ? [{ id, title: meta.title, bundled: meta.bundled }] : [];
      }),
      briefing,
      articles: articles.flatMap((a) =>
        a
          ? [
              {
                packId: a.packId,
                id: a.id,
                title: a.title,
                date: a.date,
                ...(a.url !== undefined && { url: a.url }),
                ...(a.language !== undefined && { language: a.language }),
              },
            ]
          : [],
      ),
      relatedEntities: related.flatMap((r) => (r ? [chip(r)] : [])),
    };
  };
  return Promise.all(entityIds.map(one));
}

/** One record per entity id, from the first pack that defines it. */
function firstPerId(records: EntityRecord[], packs: PackMeta[]): EntityRecord[] {
  const seen = new Set<string>();
  return inPackOrder(records, packRanks(packs)).filter((r) => {
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
}

const byNameThenId = (a: EntitySource, b: EntitySource): number =>
  a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Entities of a topic (in any pack), each once, by name. */
export async function entitiesByTopic(db: BriefingDb, topicId: string): Promise<EntitySource[]> {
  const tx = db.transaction(['packs', 'entities'], 'readonly');
  const [packs, found] = await Promise.all([
    tx.objectStore('packs').getAll(),
    tx.objectStore('entities').index('by-topic').getAll(topicId),
  ]);
  return firstPerId(found, packs).map(toEntity).sort(byNameThenId);
}

/**
 * How many index entries a search reads, per result asked for. A one-letter
 * query can match thousands of keys; reading them all would make typing slow
 * for no gain (bench: 500 entries cost ~7 ms per keystroke in fake-indexeddb),
 * since only `limit` are shown. Exact matches sort first in the key range, so
 * they are always among those read; the ranking of prefix matches is then
 * among the first keys in key order.
 */
export const SEARCH_CANDIDATES_PER_RESULT = 10;

/**
 * Entities with a name, display name, alias or ambiguous form that starts with
 * `query`, in any script, after normaliseSearchKey() on both sides. Ranked:
 * exact before prefix, then persons first, then the shorter matching form,
 * then by name.
 */
export async function searchEntities(
  db: BriefingDb,
  query: string,
  limit = 20,
): Promise<SearchHit[]> {
  const q = normaliseSearchKey(query);
  if (!q || limit <= 0) return [];
  const tx = db.transaction(['packs', 'entities'], 'readonly');
  const [packs, candidates] = await Promise.all([
    tx.objectStore('packs').getAll(),
    tx
      .objectStore('entities')
      .index('by-alias')
      .getAll(prefixKeyRange(q), Math.max(limit * SEARCH_CANDIDATES_PER_RESULT, 50)),
  ]);

  // `record` is shown; `owner` is the record whose form gave the best key.
  const best = new Map<string, { record: EntityRecord; owner: EntityRecord; key: string }>();
  // In pack order, so an entity's first pack supplies its record; a later
  // pack only improves the match (an exact alias only it knows). Matching
  // uses the stored keys, already normalised: no string work per candidate.
  for (const record of inPackOrder(candidates, packRanks(packs))) {
    let key: string | undefined;
    for (const k of record.aliasKeys)
      if (k.startsWith(q) && (key === undefined || k.length < key.length)) key = k;
    if (key === undefined) continue;
    const seen = best.get(record.id);
    if (!seen) best.set(record.id, { record, owner: record, key });
    else if (key.length < seen.key.length) Object.assign(seen, { owner: record, key });
  }

  const ranked = [...best.values()].sort(
    (a, b) =>
      Number(a.key !== q) - Number(b.key !== q) ||
      Number(a.record.kind !== 'person') - Number(b.record.kind !== 'person') ||
      a.key.length - b.key.length ||
      byNameThenId(a.record, b.record),
  );
  return ranked.slice(0, limit).map(({ record, owner, key }) => ({
    id: record.id,
    kind: record.kind,
    name: record.name,
    ...(record.names && { names: record.names }),
    topics: record.topics,
    packId: record.packId,
    // Back from the key to the form as written, for the shown results only.
    matched: searchFormsOf(owner).find((f) => normaliseSearchKey(f) === key) ?? owner.name,
    exact: key === q,
  }));
}

export async function getArticle(
  db: BriefingDb,
  packId: string,
  articleId: string,
): Promise<CompiledArticle | undefined> {
  const record = await db.get('articles', [packId, articleId]);
  return record && toArticle(record);
}

/** Installed packs, bundled first, then in the order they were imported. */
export async function listPacks(db: BriefingDb): Promise<PackMeta[]> {
  return (await db.getAll('packs')).sort(comparePacks);
}

/** Distinct topics across packs (as the first pack defines each), in pack order. */
export async function listTopics(db: BriefingDb): Promise<TopicSummary[]> {
  const tx = db.transaction(['packs', 'topics', 'entities'], 'readonly');
  const [packs, topics] = await Promise.all([
    tx.objectStore('packs').getAll(),
    tx.objectStore('topics').getAll(),
  ]);
  const rank = packRanks(packs);
  const ordered = inPackOrder(topics, rank).sort(
    (a, b) => rank(a.packId)! - rank(b.packId)! || a.seq - b.seq,
  );
  const byId = new Map<string, TopicSummary>();
  for (const { packId, seq: _seq, ...topic } of ordered) {
    const seen = byId.get(topic.id);
    if (seen) seen.packIds.push(packId);
    else byId.set(topic.id, { ...topic, entityCount: 0, packIds: [packId] });
  }
  const index = tx.objectStore('entities').index('by-topic');
  // Keys only: the index's primary keys [packId, entityId] are enough to count.
  const keys = await Promise.all([...byId.keys()].map((id) => index.getAllKeys(id)));
  const summaries = [...byId.values()];
  summaries.forEach((summary, i) => {
    const inUse = (keys[i] ?? []).filter(([packId]) => rank(packId) !== undefined);
    summary.entityCount = new Set(inUse.map(([, entityId]) => entityId)).size;
  });
  return summaries;
}

/** The entity and briefing records of the packs in use, in pack order: what the matcher is made of. */
export interface MatchableRecords {
  entities: EntityRecord[];
  briefings: BriefingRecord[];
}

/**
 * Those records, with one pack left out (`except`: the one an import is
 * about to replace) or counted in even though it is switched off
 * (`include`: the one about to be switched on).
 */
export async function getMatchableRecords(
  db: BriefingDb,
  which: { except?: string; include?: string } = {},
): Promise<MatchableRecords> {
  const tx = db.transaction(['packs', 'entities', 'briefings'], 'readonly');
  const [packs, entities, briefings] = await Promise.all([
    tx.objectStore('packs').getAll(),
    tx.objectStore('entities').getAll(),
    tx.objectStore('briefings').getAll(),
  ]);
  const counted = packs
    .filter((p) => p.id !== which.except)
    .map((p) => (p.id === which.include ? { ...p, disabled: false } : p));
  const rank = packRanks(counted);
  return { entities: inPackOrder(entities, rank), briefings: inPackOrder(briefings, rank) };
}

/**
 * For the content script's matcher: every entity id once, forms merged across
 * packs, by id, with the entities each is named with in the packs' articles
 * (the briefings' related entities, merged), which point to it on a page.
 */
export async function getMatchableEntities(db: BriefingDb): Promise<MatchableEntry[]> {
  const { entities, briefings } = await getMatchableRecords(db);
  return mergeMatchable(entities, briefings);
}
