/** The extension's IndexedDB: open, seed, import, remove, export, query. */
export { openBriefingDb, type OpenOptions } from './open';
export {
  DB_NAME,
  DB_VERSION,
  type BriefingDb,
  type BriefingLensDB,
  type PackCounts,
  type PackMeta,
} from './schema';
export { normaliseSearchKey } from './keys';
export { seedBundledPack } from './seed';
export {
  importPack,
  MAX_IMPORT_BYTES,
  type ImportOptions,
  type ImportResult,
  type Problem,
} from './import';
export { removePack, type RemoveResult } from './remove';
export { exportPack } from './export';
export type { ProgressCallback } from './write';
export type { FromPack, MatchableEntry, MergedBriefing } from './merge';
export {
  entitiesByTopic,
  getArticle,
  getBriefing,
  getMatchableEntities,
  listPacks,
  listTopics,
  searchEntities,
  SEARCH_CANDIDATES_PER_RESULT,
  type ArticleRef,
  type BriefingResult,
  type EntityChip,
  type SearchHit,
  type TopicSummary,
} from './queries';
