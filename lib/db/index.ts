/** The extension's IndexedDB: open, seed, import, remove, export, query. */
export { openBriefingDb } from './open';
export { seedBundledPack } from './seed';
export { importPack } from './import';
export { removePack } from './remove';
export { exportPack } from './export';
export {
  getArticle,
  getBriefing,
  getMatchableEntities,
  listPacks,
  listTopics,
  searchEntities,
} from './queries';
