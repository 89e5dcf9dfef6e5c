/** The extension's IndexedDB: open, seed, import, remove, switch, export, query. */
export { openBriefingDb } from './open';
export { seedBundledPack } from './seed';
export { importPack } from './import';
export { removePack } from './remove';
export { setPackEnabled } from './switch';
export { exportPack } from './export';
export {
  getArticle,
  getBriefings,
  getMatchableRecords,
  listPacks,
  listTopics,
  searchEntities,
} from './queries';
