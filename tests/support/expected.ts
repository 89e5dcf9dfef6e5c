/** What the recognition core finds in a list of blocks, counted per entity: the tests' yardstick. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileMatcher, linkDocument, type Matcher } from '../../core/recognition';
import type { EntitySource } from '../../core/pack/types';
import { matchableEntities } from '../../core/pack/matchable';
import { buildBundledPack } from '../../scripts/build-pack';
import { REPO_ROOT } from './harness';
import { renderDemoPage, type DemoPage } from './demo-page';

export function loadEntities(): EntitySource[] {
  return JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'data/entities.json'), 'utf8'),
  ) as EntitySource[];
}

/** The matcher the extension runs with the bundled pack: data/, with the related entities of its briefings. */
export function bundledMatcher(): Matcher {
  const built = buildBundledPack();
  if (!built.ok) throw new Error(`data/ does not validate: ${JSON.stringify(built.problems)}`);
  return compileMatcher(matchableEntities(built.pack.entities, built.pack.briefings));
}

/** What the recognition core finds in a document made of `blocks`, counted per entity. */
export function expectedCounts(
  blocks: readonly string[],
  matcher = bundledMatcher(),
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const found of linkDocument(matcher, blocks))
    for (const mention of found)
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
  return { demo, expected: expectedCounts(demo.blocks), entities };
}
