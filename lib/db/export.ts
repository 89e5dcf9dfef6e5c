/**
 * Exporting a stored pack as the source pack it came from: what compilePack
 * derived (sentences, briefings) is dropped, so the export can be edited and
 * imported again, and compiles to the same briefings.
 */
import type { ArticleSource, PackSource } from '../../core/pack/types';
import { packKeyRange } from './keys';
import { toEntity, toTopic } from './records';
import type { ArticleRecord, BriefingDb } from './schema';

function toArticleSource(record: ArticleRecord): ArticleSource {
  const { packId: _p, seq: _s, sentences: _sentences, ...article } = record;
  return article;
}

const bySeq = (a: { seq: number }, b: { seq: number }): number => a.seq - b.seq;

/** Throws if no pack with that id is installed. */
export async function exportPack(db: BriefingDb, packId: string): Promise<PackSource> {
  const range = packKeyRange(packId);
  const tx = db.transaction(['packs', 'topics', 'entities', 'articles'], 'readonly');
  const [meta, topics, entities, articles] = await Promise.all([
    tx.objectStore('packs').get(packId),
    tx.objectStore('topics').getAll(range),
    tx.objectStore('entities').getAll(range),
    tx.objectStore('articles').getAll(range),
  ]);
  if (!meta) throw new Error(`No pack with the id "${packId}" is installed.`);
  return {
    format: 'briefing-lens/pack-source',
    formatVersion: 1,
    id: meta.id,
    title: meta.title,
    version: meta.version,
    ...(meta.description !== undefined && { description: meta.description }),
    topics: topics.sort(bySeq).map(toTopic),
    entities: entities.sort(bySeq).map(toEntity),
    articles: articles.sort(bySeq).map(toArticleSource),
  };
}
