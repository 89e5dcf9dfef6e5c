/**
 * The real bundled sources (data/*.json) and their compiled output. Skipped
 * until data/entities.json and data/topics.json exist (they are written with
 * the recognition work).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundledPack, OUTPUT_FILE, repoRoot } from '../../../scripts/build-pack';
import type { CompiledPack } from '../../../core/pack/types';
import { parsePackJson } from '../../../core/pack/validate';

const haveSources = ['data/entities.json', 'data/topics.json'].every((f) =>
  existsSync(path.join(repoRoot, f)),
);
import { hasSeed, seedText } from '../with-shared';
import { SHARED_MISSING } from '../../support/corpus';

/** The people the seed names (its README); data/entities.json may hold more. */
const SEED_PEOPLE = [
  'Wang Yi',
  'Toshimitsu Motegi',
  'Xi Jinping',
  'Lee Jae-myung',
  'Sanae Takaichi',
  'Donald Trump',
];

describe.skipIf(!haveSources)('bundled pack (data/*.json)', () => {
  // Built at collection time only when the sources exist (the body runs even when skipped).
  const result = haveSources ? buildBundledPack() : undefined;
  if (result && !result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  const built = result?.ok ? result : undefined;
  const pack =
    built?.pack ?? ({ entities: [], briefings: [], articles: [] } as unknown as CompiledPack);
  const entityByName = (name: string) => {
    const e = pack.entities.find((x) => x.name === name);
    if (!e) throw new Error(`no entity named ${name}`);
    return e;
  };
  const briefingOf = (id: string) => pack.briefings.find((b) => b.entityId === id)!;

  it('validates', () => {
    expect(built).toBeDefined();
  });

  it('quotes its articles verbatim in every fact, role and timeline line', () => {
    for (const b of pack.briefings) {
      const article = (id: string) => pack.articles.find((a) => a.id === id)!;
      for (const f of b.facts)
        expect(article(f.source.articleId).text.slice(f.source.start, f.source.end)).toBe(f.text);
      for (const t of b.timeline)
        expect(article(t.source.articleId).text.slice(t.source.start, t.source.end)).toBe(t.text);
      if (b.role) {
        const sentence = article(b.role.source.articleId).text.slice(
          b.role.source.start,
          b.role.source.end,
        );
        expect(sentence).toContain(b.role.text);
      }
    }
  });

  it.skipIf(!hasSeed)(
    `finds every line it quotes in the seed article${hasSeed ? '' : ` (skipped: ${SHARED_MISSING})`}`,
    () => {
      const seed = seedText();
      for (const b of pack.briefings) {
        for (const f of b.facts) expect(seed).toContain(f.text);
        for (const t of b.timeline) expect(seed).toContain(t.text);
        if (b.role) expect(seed).toContain(b.role.text);
      }
    },
  );

  it.each(SEED_PEOPLE)('%s has a role, at least three facts and a timeline', (name) => {
    const b = briefingOf(entityByName(name).id);
    expect(b.role?.text).toBeTruthy();
    expect(b.facts.length).toBeGreaterThanOrEqual(3);
    expect(b.timeline.length).toBeGreaterThan(0);
  });

  it.each([
    ['Wang Yi', '2025-10-28', 'October 28, 2025'],
    ['Sanae Takaichi', '2025-10-30', 'the 30th'],
    ['Lee Jae-myung', '2025-10-30', 'the 30th'],
    ['Xi Jinping', '2025-11-01', 'November 1'],
    ['Lee Jae-myung', '2025-11-01', 'November 1'],
  ])('%s: %s from "%s"', (name, date, dateText) => {
    const t = briefingOf(entityByName(name).id).timeline;
    expect(t).toContainEqual(expect.objectContaining({ date, dateText }));
  });

  it('dates the APEC summit 31 October 2025', () => {
    const all = pack.briefings.flatMap((b) => b.timeline);
    expect(all).toContainEqual(
      expect.objectContaining({ date: '2025-10-31', dateText: 'October 31, 2025' }),
    );
  });

  it(`${OUTPUT_FILE} is up to date (run \`npm run pack\`)`, () => {
    const file = path.join(repoRoot, OUTPUT_FILE);
    expect(existsSync(file), `${OUTPUT_FILE} is missing`).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(built?.json);
  });

  it('is also a valid source pack when imported as one file', () => {
    const source: Record<string, unknown> = {
      ...pack,
      format: 'briefing-lens/pack-source',
      articles: pack.articles.map(({ sentences: _s, ...a }) => a),
    };
    delete source.briefings;
    delete source.compiledAt;
    expect(parsePackJson(JSON.stringify(source), 'bundled.json').ok).toBe(true);
  });
});
