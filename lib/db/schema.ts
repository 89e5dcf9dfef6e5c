/**
 * The current shape of the 'briefing-lens' database, owned by the background
 * service worker. Content scripts never open it: they ask the background.
 *
 * Every record of a pack carries its `packId`, and stores are keyed
 * [packId, id] so one pack's records are one key range (remove, replace and
 * export are range operations) while the same entity id can exist in several
 * packs (their briefings are merged when read).
 *
 * History (see migrations.ts): v1 had packs (with their topics inline),
 * entities, articles, briefings and meta. v2 moved topics into their own store
 * and indexed entities by topic and by normalised alias for search.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { PackMeta } from '../../core/views';
import type { Briefing, CompiledArticle, EntitySource, TopicSource } from '../../core/pack/types';

export const DB_NAME = 'briefing-lens';
export const DB_VERSION = 2;

interface InPack {
  packId: string;
  /** position in the source pack, so an export gives the entries back in their order */
  seq: number;
}

export type TopicRecord = TopicSource & InPack;
export type EntityRecord = EntitySource &
  InPack & {
    /** normaliseSearchKey() of every search form: the multiEntry `by-alias` index */
    aliasKeys: string[];
  };
export type ArticleRecord = CompiledArticle & InPack;
export type BriefingRecord = Briefing & { packId: string };

/** Database-level bookkeeping that belongs to no pack (e.g. the migration log). */
export interface MetaRecord {
  key: string;
  value: unknown;
}

export const PACK_STORES = ['packs', 'topics', 'entities', 'articles', 'briefings'] as const;
export type PackStoreName = (typeof PACK_STORES)[number];

export interface BriefingLensDB extends DBSchema {
  packs: { key: string; value: PackMeta };
  topics: {
    key: [string, string];
    value: TopicRecord;
    indexes: { 'by-id': string };
  };
  entities: {
    key: [string, string];
    value: EntityRecord;
    indexes: { 'by-id': string; 'by-topic': string; 'by-alias': string };
  };
  articles: { key: [string, string]; value: ArticleRecord };
  briefings: { key: [string, string]; value: BriefingRecord };
  meta: { key: string; value: MetaRecord };
}

export type BriefingDb = IDBPDatabase<BriefingLensDB>;
