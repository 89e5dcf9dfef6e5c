import { describe, expect, it } from 'vitest';
import { idFromTitle, parseSeed, seedToArticles } from '../../../scripts/import-seed';
import { seedArticles } from './fixtures';
import { describeWithSeed, hasSeed, seedText } from '../with-shared';

describeWithSeed('import-seed on the seed article', () => {
  // Collected even when skipped: read only where the seed is.
  const seed = hasSeed ? seedText() : '';
  const parsed = hasSeed ? parseSeed(seed) : ({} as ReturnType<typeof parseSeed>);

  it('finds the headline, five sections and eight tags', () => {
    expect(parsed.sectionTag).toBe('경제');
    expect(parsed.headline).toMatch(/^Lee Jae-myung, Trump Rumored for Gyeongju Meeting\?/);
    expect(parsed.sections).toHaveLength(5);
    expect(parsed.tags).toEqual([
      'wang yi',
      'toshimitsu motegi',
      'apec summit',
      'xi jinping',
      'lee jae-myung',
      'sanae takaichi',
      'donald trump',
      'us-rok alliance',
    ]);
  });

  it('cuts the glued titles off the bodies', () => {
    expect(parsed.sections.map((s) => s.title)).toEqual([
      'Wang Yi Stresses High-Level Exchanges in Call with Motegi Toshimitsu, Could This Thaw Relations?',
      "Xi Jinping's First Visit to South Korea in 11 Years...Will a 'New Era' Open for China-South Korea Relations?",
      'What Changes Will the APEC Summit Bring to the Northeast Asian Diplomatic Landscape?',
      "Lee Jae-myung-Trump, Second South Korea-U.S. Summit...Will the '500 Trillion Won Investment Fund' Come to Fruition?",
      "South Korea on the Test Stand for Balanced Diplomacy...Will It Succeed in 'Walking the Tightrope' Between the U.S. and China?",
    ]);
    for (const s of parsed.sections) {
      expect(seed).toContain(s.body);
      expect(s.body).toMatch(/[a-z]\.$/);
      expect(s.body).not.toContain('#');
    }
    expect(parsed.sections[0]!.body).toMatch(/for the Nobel Peace Prize\.$/);
  });

  it('matches data/articles.json (run `npx tsx scripts/import-seed.ts` after changing it)', () => {
    expect(seedToArticles(parsed)).toEqual(seedArticles);
    expect(
      seedArticles.every(
        (a) => a.date === '2025-10-28' && a.language === 'en' && a.section === '경제',
      ),
    ).toBe(true);
  });
});

describe('import-seed ids', () => {
  it.each([
    ['Wang Yi Stresses High-Level Exchanges in Call', 'wang-yi-stresses'],
    ["Xi Jinping's First Visit to South Korea", 'xi-jinpings-first-visit'],
    ['What Changes Will the APEC Summit Bring', 'changes-apec-summit'],
  ])('makes a short kebab-case id of %j', (title, id) => {
    expect(idFromTitle(title)).toBe(id);
  });
});
