/**
 * Turning a compiled pack into the records of each store, and records back
 * into the pack's own types. Pure: no IndexedDB here.
 */
import type {
  CompiledArticle,
  CompiledPack,
  EntitySource,
  TopicSource,
} from '../../core/pack/types';
import { aliasKeysOf } from './keys';
import type { PackMeta } from '../../core/views';
import type { ArticleRecord, BriefingRecord, EntityRecord, TopicRecord } from './schema';

export interface PackRecords {
  meta: PackMeta;
  topics: TopicRecord[];
  entities: EntityRecord[];
  articles: ArticleRecord[];
  briefings: BriefingRecord[];
}

const encoder = new TextEncoder();

/** UTF-8 size of a value's JSON: the yardstick for "how much does this pack take". */
export function jsonSize(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

export function buildPackRecords(
  pack: CompiledPack,
  origin: { bundled: boolean; importedAt: string },
): PackRecords {
  const packId = pack.id;
  const topics = pack.topics.map((t, seq): TopicRecord => ({ ...t, packId, seq }));
  const entities = pack.entities.map((e, seq): EntityRecord => ({
    ...e,
    packId,
    seq,
    aliasKeys: aliasKeysOf(e),
  }));
  const articles = pack.articles.map((a, seq): ArticleRecord => ({ ...a, packId, seq }));
  const briefings = pack.briefings.map((b): BriefingRecord => ({ ...b, packId }));
  let sizeBytes = 0;
  for (const list of [topics, entities, articles, briefings])
    for (const record of list) sizeBytes += jsonSize(record);
  const meta: PackMeta = {
    id: packId,
    title: pack.title,
    version: pack.version,
    ...(pack.description !== undefined && { description: pack.description }),
    compiledAt: pack.compiledAt,
    importedAt: origin.importedAt,
    bundled: origin.bundled,
    counts: {
      topics: topics.length,
      entities: entities.length,
      articles: articles.length,
      briefings: briefings.length,
    },
    sizeBytes,
  };
  return { meta, topics, entities, articles, briefings };
}

export function toTopic(record: TopicRecord): TopicSource {
  const { packId: _p, seq: _s, ...topic } = record;
  return topic;
}

export function toEntity(record: EntityRecord): EntitySource {
  const { packId: _p, seq: _s, aliasKeys: _k, ...entity } = record;
  return entity;
}

export function toArticle(record: ArticleRecord): CompiledArticle {
  const { packId: _p, seq: _s, ...article } = record;
  return article;
}
