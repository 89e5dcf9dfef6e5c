import { describe, expect, it } from 'vitest';
import { indexSentences } from '../../../core/pack/briefing';
import { compilePack } from '../../../core/pack/compile';
import { scanArticles } from '../../../core/pack/scan';
import type { Briefing, CompiledPack } from '../../../core/pack/types';
import { fixtureEntities, fixturePack, seedArticles } from './fixtures';

const pack = compilePack(fixturePack());
const briefing = (id: string): Briefing => {
  const b = pack.briefings.find((x) => x.entityId === id);
  if (!b) throw new Error(`no briefing for ${id}`);
  return b;
};
const textOf = (p: CompiledPack, articleId: string) =>
  p.articles.find((a) => a.id === articleId)!.text;

describe('compilePack on the seed articles (fixture entities)', () => {
  it('has one briefing per entity, in entity order', () => {
    expect(pack.briefings.map((b) => b.entityId)).toEqual(fixtureEntities.map((e) => e.id));
  });

  it.each([
    ['wang-yi', 'Chinese Foreign Minister'],
    ['toshimitsu-motegi', 'Japanese Foreign Minister'],
    ['xi-jinping', 'Chinese President'],
    ['lee-jae-myung', 'President'],
    ['sanae-takaichi', 'Japanese Prime Minister'],
    ['donald-trump', 'U.S. President'],
  ])('role of %s is "%s", verbatim from its sentence', (id, role) => {
    const r = briefing(id).role;
    expect(r?.text).toBe(role);
    const sentence = textOf(pack, r!.source.articleId).slice(r!.source.start, r!.source.end);
    expect(sentence).toContain(role);
  });

  it('gives no role to places and countries', () => {
    expect(briefing('gyeongju').role).toBeUndefined();
    expect(briefing('south-korea').role).toBeUndefined();
  });

  it('makes every fact, role and timeline line a verbatim slice of its article', () => {
    for (const b of pack.briefings) {
      for (const f of b.facts)
        expect(textOf(pack, f.source.articleId).slice(f.source.start, f.source.end)).toBe(f.text);
      for (const t of b.timeline) {
        expect(textOf(pack, t.source.articleId).slice(t.source.start, t.source.end)).toBe(t.text);
      }
    }
  });

  it('gives every seed person at least three facts and a timeline', () => {
    for (const e of fixtureEntities.filter((x) => x.kind === 'person')) {
      const b = briefing(e.id);
      expect(b.facts.length, e.id).toBeGreaterThanOrEqual(3);
      expect(b.timeline.length, e.id).toBeGreaterThan(0);
    }
  });

  it('ranks facts by score, the lead sentence first for Wang Yi', () => {
    const facts = briefing('wang-yi').facts;
    expect(facts[0]!.text).toMatch(/^On October 28, 2025, Chinese Foreign Minister Wang Yi/);
    const scores = facts.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('resolves the seed dates as stated', () => {
    const entry = (id: string, date: string) => briefing(id).timeline.find((t) => t.date === date);
    expect(entry('wang-yi', '2025-10-28')).toMatchObject({ dateText: 'October 28, 2025' });
    expect(entry('sanae-takaichi', '2025-10-30')).toMatchObject({ dateText: 'the 30th' });
    expect(entry('lee-jae-myung', '2025-10-30')?.text).toMatch(
      /summit with President Lee Jae-myung/,
    );
    expect(entry('apec-summit', '2025-10-31')).toMatchObject({ dateText: 'October 31, 2025' });
    expect(entry('xi-jinping', '2025-11-01')).toMatchObject({ dateText: 'November 1' });
  });

  it('dates a sentence by the event it names when it has no date of its own', () => {
    const t = briefing('donald-trump').timeline;
    expect(t.length).toBeGreaterThan(0);
    expect(t.every((e) => e.date === '2025-10-31' && e.dateText === 'APEC summit')).toBe(true);
  });

  it('sorts timelines by date without duplicates', () => {
    for (const b of pack.briefings) {
      const dates = b.timeline.map((t) => t.date);
      expect(dates).toEqual([...dates].sort());
      const keys = b.timeline.map((t) => `${t.date}|${t.text}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('weights related entities by shared sentences', () => {
    const related = briefing('wang-yi').related;
    expect(related.find((r) => r.entityId === 'toshimitsu-motegi')?.weight).toBe(1);
    const weights = related.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(related.some((r) => r.entityId === 'wang-yi')).toBe(false);
  });

  it('lists articles by mention count and counts mentions', () => {
    const lee = briefing('lee-jae-myung');
    expect(lee.mentionCount).toBe(7);
    expect(lee.articles).toHaveLength(5);
    expect(briefing('wang-yi').articles).toEqual([seedArticles[0]!.id]);
  });

  it('stores sentence boundaries for every article', () => {
    for (const a of pack.articles) {
      expect(a.sentences.length).toBeGreaterThan(0);
      for (const [s, e] of a.sentences) expect(a.text.slice(s, e).trim()).toBe(a.text.slice(s, e));
    }
  });

  it('deduplicates a sentence repeated in two articles', () => {
    const repeated = 'President Lee Jae-myung met Wang Yi in Seoul on the 30th.';
    const p = compilePack(
      fixturePack({
        articles: [
          { ...seedArticles[0]!, id: 'one', text: repeated },
          { ...seedArticles[0]!, id: 'two', text: `${repeated} Wang Yi left.` },
        ],
      }),
    );
    const b = p.briefings.find((x) => x.entityId === 'wang-yi')!;
    expect(b.facts.filter((f) => f.text === repeated)).toHaveLength(1);
    expect(b.timeline).toHaveLength(1);
    expect(b.mentionCount).toBe(3);
  });

  it('is deterministic and dated by its latest article unless told otherwise', () => {
    const again = compilePack(fixturePack());
    expect(JSON.stringify(again)).toBe(JSON.stringify(pack));
    expect(pack.compiledAt).toBe('2025-10-28T00:00:00Z');
    expect(compilePack(fixturePack(), { compiledAt: '2030-01-01T00:00:00Z' }).compiledAt).toBe(
      '2030-01-01T00:00:00Z',
    );
  });

  it('carries the pack metadata and the description in place', () => {
    const p = compilePack(fixturePack({ description: 'About it.' }));
    expect(p).toMatchObject({
      format: 'briefing-lens/pack',
      formatVersion: 1,
      id: 'fixture',
      description: 'About it.',
    });
    expect(Object.keys(p).slice(0, 7)).toEqual([
      'format',
      'formatVersion',
      'id',
      'title',
      'version',
      'description',
      'compiledAt',
    ]);
  });
});

describe('story sentences and the sentence index', () => {
  const story = [
    'Wang Yi arrived in Seoul on Monday for talks with his counterpart.',
    'This visit was his first to the city in more than a year, officials said.',
    'He met officials from both governments later in the afternoon.',
    'Such trips are usually planned months ahead of time by both ministries.',
    'Wang Yi left for Tokyo on Wednesday after a dinner with Lee Jae-myung and Wang Yi aides.',
  ].join(' ');
  const articles = [
    { ...seedArticles[0]!, id: 'titled', title: 'Wang Yi visits Seoul', text: story },
    { ...seedArticles[0]!, id: 'untitled', title: 'Talks in Seoul', text: story },
  ];

  it('adds up to two anaphoric sentences after a naming one, only where the title names the entity', () => {
    const p = compilePack(fixturePack({ articles }));
    const b = p.briefings.find((x) => x.entityId === 'wang-yi')!;
    const facts = b.facts.map((f) => [f.text, f.source.articleId]);
    expect(facts).toContainEqual([
      'This visit was his first to the city in more than a year, officials said.',
      'titled',
    ]);
    expect(facts).toContainEqual([
      'He met officials from both governments later in the afternoon.',
      'titled',
    ]);
    // Three steps on: not part of the story.
    expect(b.facts.map((f) => f.text)).not.toContain(
      'Such trips are usually planned months ahead of time by both ministries.',
    );
    // Story sentences rank below the sentences that name the entity.
    const named = b.facts.filter((f) => f.text.includes('Wang Yi'));
    const told = b.facts.filter((f) => !f.text.includes('Wang Yi'));
    expect(Math.min(...named.map((f) => f.score))).toBeGreaterThan(
      Math.max(...told.map((f) => f.score)),
    );
    // Story sentences are facts, not mentions: not on the timeline, not counted.
    expect(b.timeline.every((t) => t.text.includes('Wang Yi'))).toBe(true);
    expect(b.mentionCount).toBe(6);
  });

  it('files each sentence once per entity it names, in pack order', () => {
    const scanned = scanArticles(articles, fixtureEntities);
    const index = indexSentences(scanned);
    const wang = index.get('wang-yi')!;
    expect(wang.named.map((s) => [s.articleId, s.index])).toEqual([
      ['titled', 0],
      ['titled', 4],
      ['untitled', 0],
      ['untitled', 4],
    ]);
    expect(wang.story.map((s) => [s.articleId, s.index])).toEqual([
      ['titled', 1],
      ['titled', 2],
    ]);
    expect(index.get('lee-jae-myung')!.named.map((s) => [s.articleId, s.index])).toEqual([
      ['titled', 4],
      ['untitled', 4],
    ]);
    expect(index.has('xi-jinping')).toBe(false);
  });
});
