/**
 * Small packs for the tests. The seed entities here are a test fixture, not
 * the bundled data (data/entities.json, written by the recognition work):
 * they let the compiler be tested on the seed text on their own.
 */
import articles from '../../../data/articles.json';
import type {
  ArticleSource,
  EntitySource,
  PackSource,
  TopicSource,
} from '../../../core/pack/types';

export const seedArticles = articles as ArticleSource[];

export const fixtureTopics: TopicSource[] = [
  { id: 'diplomacy', name: { en: 'Diplomacy', ko: '외교' }, color: '#2563eb' },
  { id: 'security', name: { en: 'Security' }, color: '#dc2626' },
  { id: 'economy', name: { en: 'Economy' }, color: '#d97706' },
];

const person = (
  id: string,
  name: string,
  aliases: string[],
  ambiguous: string[] = [],
): EntitySource => ({
  id,
  kind: 'person',
  name,
  aliases: { en: aliases },
  ...(ambiguous.length ? { ambiguous: { en: ambiguous } } : {}),
  topics: ['diplomacy'],
});

export const fixtureEntities: EntitySource[] = [
  person('wang-yi', 'Wang Yi', ['Wang Yi']),
  person(
    'toshimitsu-motegi',
    'Toshimitsu Motegi',
    ['Toshimitsu Motegi', 'Motegi Toshimitsu'],
    ['Motegi'],
  ),
  person('xi-jinping', 'Xi Jinping', ['Xi Jinping']),
  person('lee-jae-myung', 'Lee Jae-myung', ['Lee Jae-myung']),
  // A bare "Takaichi" as a full alias: the fixture must not depend on the matcher's ambiguity rule.
  person('sanae-takaichi', 'Sanae Takaichi', ['Sanae Takaichi', 'Takaichi']),
  person('donald-trump', 'Donald Trump', ['Donald Trump'], ['Trump']),
  {
    id: 'apec-summit',
    kind: 'event',
    name: 'APEC summit',
    aliases: { en: ['APEC summit'] },
    topics: ['diplomacy', 'economy'],
  },
  { id: 'gyeongju', kind: 'place', name: 'Gyeongju', aliases: { en: ['Gyeongju'] }, topics: [] },
  {
    id: 'north-korea',
    kind: 'country',
    name: 'North Korea',
    aliases: { en: ['North Korea', 'North Korean'] },
    topics: ['security'],
  },
  {
    id: 'south-korea',
    kind: 'country',
    name: 'South Korea',
    aliases: { en: ['South Korea', 'South Korean'] },
    topics: ['diplomacy'],
  },
  {
    id: 'united-states',
    kind: 'country',
    name: 'United States',
    aliases: { en: ['United States', 'U.S.'] },
    topics: ['diplomacy'],
  },
  {
    id: 'china',
    kind: 'country',
    name: 'China',
    aliases: { en: ['China', 'Chinese'] },
    topics: [],
  },
  {
    id: 'japan',
    kind: 'country',
    name: 'Japan',
    aliases: { en: ['Japan', 'Japanese'] },
    topics: [],
  },
];

export function fixturePack(overrides: Partial<PackSource> = {}): PackSource {
  return {
    format: 'briefing-lens/pack-source',
    formatVersion: 1,
    id: 'fixture',
    title: 'Fixture pack',
    version: '1.0.0',
    topics: fixtureTopics,
    entities: fixtureEntities,
    articles: seedArticles,
    ...overrides,
  };
}
