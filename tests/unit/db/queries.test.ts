import { beforeEach, describe, expect, it } from 'vitest';
import {
  entitiesByTopic,
  getArticle,
  getBriefing,
  getBriefings,
  getMatchableEntities,
  listPacks,
  listTopics,
  searchEntities,
} from '../../../lib/db/queries';
import type { BriefingDb } from '../../../lib/db/schema';
import { seedBundledPack } from '../../../lib/db/seed';
import { setPackEnabled } from '../../../lib/db/switch';
import { BUNDLED_ARTICLES, bundledPack, extraCompiledPack, MOTEGI } from './fixtures';
import { freshDb } from './helpers';
import { storePack } from './store';

let db: BriefingDb;
beforeEach(async () => {
  db = await freshDb();
  // The imported pack is stored first: pack order must come from `bundled`, not insertion.
  await storePack(db, extraCompiledPack(), {
    bundled: false,
    importedAt: '2025-11-05T00:00:00.000Z',
  });
  await seedBundledPack(db, bundledPack());
});

describe('getBriefing', () => {
  it('merges the briefings of every pack that defines the entity', async () => {
    const result = await getBriefing(db, 'toshimitsu-motegi');
    expect(result).toBeDefined();
    if (!result) return;
    expect(result.packIds).toEqual(['bundled', 'extra']);
    // the bundled pack's record is the entity shown
    expect(result.entity).toEqual(MOTEGI);
    const { briefing } = result;
    expect(briefing.role).toMatchObject({ text: 'Foreign Minister', packId: 'bundled' });
    // by score, and a sentence both packs have is shown once (the higher-scored)
    expect(briefing.facts.map((f) => [f.packId, f.score])).toEqual([
      ['extra', 5],
      ['bundled', 3],
      ['bundled', 1],
    ]);
    expect(briefing.facts.map((f) => f.text)).not.toContain(undefined);
    // ...and keeps the other pack's source for it, so both are cited.
    expect(briefing.facts.map((f) => (f.also ?? []).map((a) => a.packId))).toEqual([
      [],
      ['extra'],
      [],
    ]);
    expect(briefing.timeline.map((t) => t.date)).toEqual([
      '2025-10-01',
      '2025-10-30',
      '2025-11-02',
    ]);
    // summed weights; ties keep pack order (wang-yi comes from the bundled pack)
    expect(briefing.related).toEqual([
      { entityId: 'wang-yi', weight: 2 },
      { entityId: 'motegi-town', weight: 2 },
      { entityId: 'sanae-takaichi', weight: 1 },
    ]);
    expect(briefing.articles).toEqual(['call', 'summit', 'visit']);
    expect(briefing.mentionCount).toBe(7);
    expect(result.articles).toEqual([
      {
        packId: 'bundled',
        id: 'call',
        title: 'Article call',
        date: '2025-10-28',
        url: 'https://example.org/call',
        language: 'en',
      },
      {
        packId: 'bundled',
        id: 'summit',
        title: 'Article summit',
        date: '2025-10-30',
        language: 'en',
      },
      { packId: 'extra', id: 'visit', title: 'Article visit', date: '2025-11-02', language: 'en' },
    ]);
    expect(result.relatedEntities.map((e) => e.id)).toEqual([
      'wang-yi',
      'motegi-town',
      'sanae-takaichi',
    ]);
  });

  it('returns a single-pack briefing as stored, and undefined for unknown ids', async () => {
    const result = await getBriefing(db, 'wang-yi');
    expect(result?.packIds).toEqual(['bundled']);
    expect(result?.briefing.facts.map((f) => f.score)).toEqual([2, 1]);
    expect(await getBriefing(db, 'nobody')).toBeUndefined();
  });
});

describe('getBriefings', () => {
  it('gives each briefing as getBriefing does, in the order asked, undefined for unknown ids', async () => {
    const ids = ['wang-yi', 'nobody', 'toshimitsu-motegi'];
    const one = await Promise.all(ids.map((id) => getBriefing(db, id)));
    expect(await getBriefings(db, ids)).toEqual(one);
    expect(one[0]).toBeDefined();
    expect(one[1]).toBeUndefined();
    expect(await getBriefings(db, [])).toEqual([]);
  });
});

describe('searchEntities', () => {
  it.each([
    ['Latin prefix', 'mote', 'toshimitsu-motegi', 'Motegi'],
    ['Latin, any case and width', 'ＭＯＴＥＧＩ Ｔ', 'toshimitsu-motegi', 'Motegi Toshimitsu'],
    ['Hangul prefix', '모테', 'toshimitsu-motegi', '모테기 외무상'],
    ['Han', '茂木', 'toshimitsu-motegi', '茂木'],
    ['Katakana', 'モテ', 'toshimitsu-motegi', 'モテギ'],
    ['Hiragana finds Katakana', 'もて', 'toshimitsu-motegi', 'モテギ'],
    ['prefix of a second alias', 'takai', 'sanae-takaichi', 'Takaichi'],
    ['Hangul', '다카', 'sanae-takaichi', '다카이치 사나에'],
    ['simplified Chinese', '王', 'wang-yi', '王毅'],
  ])('%s: %s', async (_label, query, id, matched) => {
    const hits = await searchEntities(db, query);
    expect(hits[0]).toMatchObject({ id, matched });
  });

  it('ranks exact before prefix and persons first on a tie, each entity once', async () => {
    const hits = await searchEntities(db, 'motegi');
    expect(hits.map((h) => [h.id, h.exact])).toEqual([
      ['toshimitsu-motegi', true],
      ['motegi-town', true],
    ]);
    const prefix = await searchEntities(db, '茂木');
    // exact ambiguous form 茂木 (person) before the town's 茂木町 (prefix)
    expect(prefix.map((h) => [h.id, h.exact])).toEqual([
      ['toshimitsu-motegi', true],
      ['motegi-town', false],
    ]);
  });

  it('respects the limit and ignores empty queries', async () => {
    expect(await searchEntities(db, 't', 1)).toHaveLength(1);
    expect(await searchEntities(db, '   ')).toEqual([]);
    expect(await searchEntities(db, 'zzz')).toEqual([]);
  });
});

describe('other queries', () => {
  it('entitiesByTopic: each entity once, across packs, by name', async () => {
    expect((await entitiesByTopic(db, 'japan-politics')).map((e) => e.id)).toEqual([
      'sanae-takaichi',
      'toshimitsu-motegi',
    ]);
    expect((await entitiesByTopic(db, 'places')).map((e) => e.id)).toEqual(['motegi-town']);
    expect(await entitiesByTopic(db, 'nothing')).toEqual([]);
  });

  it('listTopics: distinct topics, the first pack naming them, with entity counts', async () => {
    const topics = await listTopics(db);
    expect(topics.map((t) => [t.id, t.name.en, t.entityCount, t.packIds])).toEqual([
      ['japan-politics', 'Japanese politics', 2, ['bundled', 'extra']],
      ['diplomacy', 'Diplomacy', 2, ['bundled']],
      ['places', 'Places', 1, ['extra']],
    ]);
  });

  it('getArticle returns the compiled article without storage fields', async () => {
    expect(await getArticle(db, 'bundled', 'call')).toEqual(BUNDLED_ARTICLES[0]);
    expect(await getArticle(db, 'extra', 'call')).toBeUndefined();
  });

  it('listPacks: bundled first, then by import time', async () => {
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['bundled', 'extra']);
  });

  it('getMatchableEntities: one entry per id, forms merged across packs, sorted by id', async () => {
    const entries = await getMatchableEntities(db);
    expect(entries.map((e) => e.id)).toEqual([
      'motegi-town',
      'sanae-takaichi',
      'toshimitsu-motegi',
      'wang-yi',
    ]);
    const motegi = entries.find((e) => e.id === 'toshimitsu-motegi');
    expect(motegi).toMatchObject({
      kind: 'person',
      name: 'Toshimitsu Motegi',
      names: { ko: '모테기 도시미쓰', ja: '茂木敏充' },
      exclusions: ['Twin Ring Motegi'],
      topics: ['japan-politics', 'diplomacy'],
      ambiguous: { en: ['Motegi'], ja: ['茂木'] },
      titled: {},
    });
    expect(motegi?.aliases.en).toEqual(['Toshimitsu Motegi', 'Motegi Toshimitsu', 'T. Motegi']);
    expect(await getMatchableEntities(db)).toEqual(entries);
  });
});

describe('a pack switched off', () => {
  beforeEach(async () => {
    expect((await setPackEnabled(db, 'extra', false)).ok).toBe(true);
  });

  it('is still listed, marked off, and comes back as it was when switched on', async () => {
    expect((await listPacks(db)).map((p) => [p.id, p.disabled])).toEqual([
      ['bundled', undefined],
      ['extra', true],
    ]);
    const on = await setPackEnabled(db, 'extra', true);
    expect(on.ok && on.pack.disabled).toBe(undefined);
    expect((await getBriefing(db, 'toshimitsu-motegi'))?.packIds).toEqual(['bundled', 'extra']);
  });

  it('gives no names, briefings, topics or search results', async () => {
    expect((await getMatchableEntities(db)).map((e) => e.id)).toEqual([
      'sanae-takaichi',
      'toshimitsu-motegi',
      'wang-yi',
    ]);
    const motegi = (await getMatchableEntities(db)).find((e) => e.id === 'toshimitsu-motegi');
    expect(motegi?.aliases.en).not.toContain('T. Motegi');
    expect((await getBriefing(db, 'toshimitsu-motegi'))?.packIds).toEqual(['bundled']);
    expect(await getBriefing(db, 'motegi-town')).toBeUndefined();
    expect((await listTopics(db)).map((t) => [t.id, t.packIds])).toEqual([
      ['japan-politics', ['bundled']],
      ['diplomacy', ['bundled']],
    ]);
    expect(await entitiesByTopic(db, 'places')).toEqual([]);
    expect(await searchEntities(db, 'motegi')).toEqual([
      expect.objectContaining({ id: 'toshimitsu-motegi', packId: 'bundled' }),
    ]);
  });
});
