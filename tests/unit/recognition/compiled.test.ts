import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileForPages,
  compileMatcher,
  linkDocument,
  matcherFromCompiled,
} from '../../../core/recognition';
import { matchableEntities } from '../../../core/pack/matchable';
import { buildBundledPack } from '../../../scripts/build-pack';

const ROOT = path.resolve(__dirname, '../../..');
const built = buildBundledPack();
if (!built.ok) throw new Error('data/ does not validate');
// With the related entities of the briefings, as the background compiles it.
const entities = matchableEntities(built.pack.entities, built.pack.briefings);
const EVAL_DIR = path.join(ROOT, 'tests/fixtures/recognition-eval');

describe('a matcher compiled by the background', () => {
  // What a page receives: the data after a trip through JSON, as extension messages are.
  const sent = JSON.parse(JSON.stringify(compileForPages(entities))) as ReturnType<
    typeof compileForPages
  >;

  it('finds what a matcher compiled in place finds, on the evaluation set', () => {
    const texts = readdirSync(EVAL_DIR, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(path.join(EVAL_DIR, name), 'utf8'));
    expect(texts.length).toBeGreaterThan(50);
    const local = compileMatcher(entities);
    const received = matcherFromCompiled(sent);
    let mentions = 0;
    for (const text of texts) {
      const blocks = text.split(/\n+/);
      const found = linkDocument(received, blocks);
      expect(found).toEqual(linkDocument(local, blocks));
      mentions += found.flat().length;
    }
    expect(mentions).toBeGreaterThan(100);
  });

  it('carries its pre-check, which turns away text that names nobody', () => {
    expect(sent.prefilter).not.toBeNull();
    const received = matcherFromCompiled(sent);
    expect(received.find('Nothing to see here.')).toEqual([]);
    expect(
      received.find('Prime Minister Sanae Takaichi met Xi Jinping.').map((m) => m.text),
    ).toEqual(['Sanae Takaichi', 'Xi Jinping']);
  });

  it('travels as plain numbers and strings', () => {
    const json = JSON.stringify(compileForPages(entities));
    expect(JSON.parse(json)).toEqual(sent);
    expect(json).not.toMatch(/"\d+":/); // no typed array turned into an object
  });
});
