/**
 * For the unit tests that read ../shared (the seed article, the saved-page
 * corpus): they run where it is beside the clone (here, and in CI) and are
 * reported as skipped, with the reason in their name, where it is not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { hasCorpus, hasSeed, SEED_DIR, SHARED_MISSING } from '../support/corpus';

export { CORPUS_DIR, corpusPages, hasSeed } from '../support/corpus';

/** `describe`, or `describe.skip` with the reason when `present` is false. */
export function describeIf(present: boolean, name: string, body: () => void): void {
  if (present) describe(name, body);
  else describe.skip(`${name} (skipped: ${SHARED_MISSING})`, body);
}

export const describeWithSeed = (name: string, body: () => void) => describeIf(hasSeed, name, body);
export const describeWithCorpus = (name: string, body: () => void) =>
  describeIf(hasCorpus, name, body);

/** The seed article's text; call it only inside `describeWithSeed`. */
export function seedText(): string {
  return readFileSync(path.join(SEED_DIR, '000_3ed15dba5e9935ca.txt'), 'utf8');
}
