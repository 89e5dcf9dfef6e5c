/**
 * Where the optional material beside the clone is: `../shared/corpus` (real
 * saved pages, for end-to-end tests and benchmarks) and `../shared/seed` (the
 * article the bundled data was made from). CI has both; a clone on its own has
 * neither, and the tests that need them skip with `SHARED_MISSING` as reason.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus/pages');
export const SEED_DIR = path.join(SHARED_DIR, 'seed');

export const hasCorpus = existsSync(CORPUS_DIR);
export const hasSeed = existsSync(SEED_DIR);

/** Why a test that needs ../shared did not run. */
export const SHARED_MISSING =
  'needs ../shared (the saved-page corpus and the seed article), which is not beside this clone; CI has it';

/** The saved pages of the corpus, by file name, sorted; [] when the corpus is absent. */
export function corpusPages(): string[] {
  if (!hasCorpus) return [];
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.html'))
    .sort();
}
