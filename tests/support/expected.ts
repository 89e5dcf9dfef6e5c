/** What the recognition core finds in a list of blocks, counted per entity: the tests' yardstick. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileMatcher, createDocumentState } from '../../core/recognition';
import type { EntitySource } from '../../core/pack/types';
import { REPO_ROOT } from './harness';
import { renderDemoPage, type DemoPage } from './demo-page';

export function loadEntities(): EntitySource[] {
  return JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'data/entities.json'), 'utf8'),
  ) as EntitySource[];
}


export function expectedCounts(
  blocks: readonly string[],
  entities = loadEntities(),
): Map<string, number> {
  const matcher = compileMatcher(entities);
  const state = createDocumentState();
  const counts = new Map<string, number>();
  for (const text of blocks)
    for (const mention of matcher.find(text, state))
      counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
  return counts;
}

/** The six people the seed article is about (one list, kept with the recognition evaluation). */
export { PEOPLE as SIX_PEOPLE } from './recognition-eval';

/** The demo page, what the core finds on it, and the entities: the suites' shared fixture. */
export function demoFixture(): {
  demo: DemoPage;
  expected: Map<string, number>;
  entities: EntitySource[];
} {
  const entities = loadEntities();
  const demo = renderDemoPage();
  return { demo, expected: expectedCounts(demo.blocks, entities), entities };
}
