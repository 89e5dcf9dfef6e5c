import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePackSource } from '../../../core/pack/validate';
import { buildBundledPack, sourceDigest } from '../../../scripts/build-pack';
import { fixtureEntities, fixturePack, fixtureTopics, seedArticles } from './fixtures';

/** A throwaway repo root holding the four source files. */
function repo(files: Record<string, unknown>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pack-'));
  mkdirSync(path.join(root, 'data'));
  for (const [name, value] of Object.entries(files))
    writeFileSync(
      path.join(root, 'data', name),
      typeof value === 'string' ? value : JSON.stringify(value),
    );
  return root;
}

const meta = {
  format: 'briefing-lens/pack-source',
  formatVersion: 1,
  id: 'bundled',
  title: 'Test',
  version: '1.0.0',
};

describe('build-pack', () => {
  it('compiles the four files and versions the output by a hash of the sources', () => {
    const r = buildBundledPack(
      repo({
        'pack.json': meta,
        'topics.json': fixtureTopics,
        'entities.json': fixtureEntities,
        'articles.json': seedArticles,
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const validated = validatePackSource(fixturePack({ id: 'bundled', title: 'Test' }));
    if (!validated.ok) throw new Error('fixture does not validate');
    const hash = sourceDigest(validated.pack).slice(0, 8);
    expect(r.pack.version).toBe(`1.0.0+${hash}`);
    expect(r.json.endsWith('}\n')).toBe(true);
    expect(r.json).toContain('\n  "format": "briefing-lens/pack",');
  });

  it('changes the version when any source changes', () => {
    const a = buildBundledPack(
      repo({
        'pack.json': meta,
        'topics.json': fixtureTopics,
        'entities.json': fixtureEntities,
        'articles.json': seedArticles,
      }),
    );
    const edited = [{ ...seedArticles[0]!, title: 'Edited' }, ...seedArticles.slice(1)];
    const b = buildBundledPack(
      repo({
        'pack.json': meta,
        'topics.json': fixtureTopics,
        'entities.json': fixtureEntities,
        'articles.json': edited,
      }),
    );
    expect(a.ok && b.ok && a.pack.version !== b.pack.version).toBe(true);
  });

  it('names the file of every problem', () => {
    const r = buildBundledPack(
      repo({
        'pack.json': meta,
        'topics.json': [{ ...fixtureTopics[0], color: 'nope' }],
        'entities.json': [{ ...fixtureEntities[0], topics: ['missing'] }],
        'articles.json': [{ ...seedArticles[0], url: 'javascript:void 0' }],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.file)).toEqual([
      'data/topics.json',
      'data/entities.json',
      'data/articles.json',
    ]);
  });

  it('reports a missing or malformed file', () => {
    const r = buildBundledPack(
      repo({ 'pack.json': meta, 'topics.json': '[', 'articles.json': seedArticles }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: 'data/topics.json',
        message: expect.stringMatching(/not valid JSON/),
      }),
      expect.objectContaining({
        file: 'data/entities.json',
        message: expect.stringMatching(/cannot be read/),
      }),
    ]);
  });
});
