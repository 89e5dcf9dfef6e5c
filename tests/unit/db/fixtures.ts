/**
 * Small hand-written packs for the database tests: a compiled "bundled" pack
 * and a source pack to import, with names in Latin, Hangul, Kana and Han.
 */
import type {
  Briefing,
  CompiledArticle,
  CompiledPack,
  EntitySource,
  PackSource,
  TopicSource,
} from '../../../core/pack/types';

/** Naive sentence split at ". " — enough for fixtures whose sentences end that way. */
export function sentencesOf(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '.' && (i + 1 === text.length || text[i + 1] === ' ')) {
      out.push([start, i + 1]);
      start = i + 2;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

export function article(
  id: string,
  text: string,
  extra: Partial<CompiledArticle> = {},
): CompiledArticle {
  return {
    id,
    title: `Article ${id}`,
    date: '2025-10-28',
    language: 'en',
    text,
    sentences: sentencesOf(text),
    ...extra,
  };
}

/** A fact pointing at sentence `n` of `a`. */
function fact(a: CompiledArticle, n: number, score: number): Briefing['facts'][number] {
  const [start, end] = a.sentences[n] as [number, number];
  return { text: a.text.slice(start, end), source: { articleId: a.id, start, end }, score };
}

export const TOPICS: TopicSource[] = [
  { id: 'japan-politics', name: { en: 'Japanese politics', ko: '일본 정치' }, color: '#d97706' },
  { id: 'diplomacy', name: { en: 'Diplomacy' }, color: '#2563eb' },
];

export const MOTEGI: EntitySource = {
  id: 'toshimitsu-motegi',
  kind: 'person',
  name: 'Toshimitsu Motegi',
  names: { ko: '모테기 도시미쓰', ja: '茂木敏充' },
  aliases: {
    en: ['Toshimitsu Motegi', 'Motegi Toshimitsu'],
    ko: ['모테기 도시미쓰', '모테기 외무상'],
    ja: ['茂木敏充', 'モテギ'],
  },
  ambiguous: { en: ['Motegi'], ja: ['茂木'] },
  exclusions: ['Twin Ring Motegi'],
  topics: ['japan-politics', 'diplomacy'],
};

export const TAKAICHI: EntitySource = {
  id: 'sanae-takaichi',
  kind: 'person',
  name: 'Sanae Takaichi',
  names: { ko: '다카이치 사나에', ja: '高市早苗' },
  aliases: { en: ['Sanae Takaichi', 'Takaichi Sanae'], ko: ['다카이치 사나에'], ja: ['高市早苗'] },
  ambiguous: { en: ['Takaichi'], ja: ['高市'] },
  exclusions: ['高市郡'],
  topics: ['japan-politics'],
};

export const WANG_YI: EntitySource = {
  id: 'wang-yi',
  kind: 'person',
  name: 'Wang Yi',
  names: { ko: '왕이', 'zh-Hans': '王毅' },
  aliases: { en: ['Wang Yi'], ko: ['왕이'], 'zh-Hans': ['王毅'] },
  titled: { 'zh-Hans': ['王'] },
  topics: ['diplomacy'],
};

/** A place that shares the bare form "Motegi": persons must rank first on a tie. */
export const MOTEGI_TOWN: EntitySource = {
  id: 'motegi-town',
  kind: 'place',
  name: 'Motegi',
  names: { ja: '茂木町' },
  aliases: { en: ['Motegi'], ja: ['茂木町'] },
  topics: [],
};

export const BUNDLED_ARTICLES: CompiledArticle[] = [
  article(
    'call',
    'Wang Yi spoke with Toshimitsu Motegi by phone. Motegi said Japan wants stable ties. Wang Yi urged caution.',
    { url: 'https://example.org/call' },
  ),
  article(
    'summit',
    'Sanae Takaichi met leaders in Gyeongju. Takaichi praised Motegi. Motegi agreed.',
    {
      date: '2025-10-30',
    },
  ),
];

function briefings(articles: CompiledArticle[]): Briefing[] {
  const [call, summit] = articles as [CompiledArticle, CompiledArticle];
  return [
    {
      entityId: 'toshimitsu-motegi',
      role: { text: 'Foreign Minister', source: { articleId: 'call', start: 0, end: 10 } },
      facts: [fact(call, 1, 3), fact(summit, 2, 1)],
      timeline: [
        {
          date: '2025-10-30',
          dateText: 'on the 30th',
          text: summit.text.slice(...(summit.sentences[2] as [number, number])),
          source: { articleId: 'summit', start: 0, end: 5 },
        },
      ],
      related: [
        { entityId: 'wang-yi', weight: 1 },
        { entityId: 'sanae-takaichi', weight: 1 },
      ],
      articles: ['call', 'summit'],
      mentionCount: 4,
    },
    {
      entityId: 'sanae-takaichi',
      facts: [fact(summit, 0, 2)],
      timeline: [],
      related: [{ entityId: 'toshimitsu-motegi', weight: 1 }],
      articles: ['summit'],
      mentionCount: 2,
    },
    {
      entityId: 'wang-yi',
      facts: [fact(call, 2, 2), fact(call, 0, 1)],
      timeline: [],
      related: [{ entityId: 'toshimitsu-motegi', weight: 1 }],
      articles: ['call'],
      mentionCount: 2,
    },
  ];
}

export function bundledPack(version = '1.0.0', extra: Partial<CompiledPack> = {}): CompiledPack {
  return {
    format: 'briefing-lens/pack',
    formatVersion: 1,
    id: 'bundled',
    title: 'Bundled briefings',
    version,
    description: 'The pack that ships with the extension',
    compiledAt: '2025-10-31T00:00:00.000Z',
    topics: TOPICS,
    entities: [MOTEGI, TAKAICHI, WANG_YI],
    articles: BUNDLED_ARTICLES,
    briefings: briefings(BUNDLED_ARTICLES),
    ...extra,
  };
}

/**
 * A compiled pack as if imported: it defines Motegi again (with one more
 * alias and another fact) and a town that shares his bare surname.
 */
export function extraCompiledPack(id = 'extra'): CompiledPack {
  const a = article(
    'visit',
    'Toshimitsu Motegi visited Motegi town. The visit lasted a day. Motegi said Japan wants stable ties.',
    { date: '2025-11-02' },
  );
  return {
    format: 'briefing-lens/pack',
    formatVersion: 1,
    id,
    title: 'Extra briefings',
    version: '0.1.0',
    compiledAt: '2025-11-03T00:00:00.000Z',
    topics: [
      { id: 'japan-politics', name: { en: 'Politics of Japan' }, color: '#000000' },
      { id: 'places', name: { en: 'Places' }, color: '#16a34a' },
    ],
    entities: [
      { ...MOTEGI, aliases: { ...MOTEGI.aliases, en: ['Toshimitsu Motegi', 'T. Motegi'] } },
      { ...MOTEGI_TOWN, topics: ['places'] },
    ],
    articles: [a],
    briefings: [
      {
        entityId: 'toshimitsu-motegi',
        role: { text: 'Minister', source: { articleId: 'visit', start: 0, end: 5 } },
        facts: [fact(a, 0, 5), fact(a, 2, 0.5)],
        timeline: [
          {
            date: '2025-11-02',
            dateText: 'today',
            text: 'Toshimitsu Motegi visited Motegi town.',
            source: { articleId: 'visit', start: 0, end: 38 },
          },
          {
            date: '2025-10-01',
            dateText: 'October 1',
            text: 'Earlier visit.',
            source: { articleId: 'visit', start: 0, end: 5 },
          },
        ],
        related: [
          { entityId: 'motegi-town', weight: 2 },
          { entityId: 'wang-yi', weight: 1 },
        ],
        articles: ['visit'],
        mentionCount: 3,
      },
      {
        entityId: 'motegi-town',
        facts: [fact(a, 0, 1)],
        timeline: [],
        related: [{ entityId: 'toshimitsu-motegi', weight: 2 }],
        articles: ['visit'],
        mentionCount: 1,
      },
    ],
  };
}

/** A valid source pack for importPack (goes through the real validator and compiler). */
export function sourcePack(extra: Partial<PackSource> = {}): PackSource {
  return {
    format: 'briefing-lens/pack-source',
    formatVersion: 1,
    id: 'user-pack',
    title: 'My reading notes',
    version: '1.0.0',
    description: 'Imported by a user',
    topics: [
      { id: 'korea-politics', name: { en: 'Korean politics', ko: '한국 정치' }, color: '#dc2626' },
    ],
    entities: [
      {
        id: 'lee-jae-myung',
        kind: 'person',
        name: 'Lee Jae-myung',
        names: { ko: '이재명', ja: '李在明' },
        aliases: { en: ['Lee Jae-myung'], ko: ['이재명'], ja: ['李在明'] },
        ambiguous: { en: ['Lee'] },
        titled: { ko: ['이'] },
        topics: ['korea-politics'],
      },
      {
        id: 'gyeongju',
        kind: 'place',
        name: 'Gyeongju',
        names: { ko: '경주' },
        aliases: { en: ['Gyeongju'], ko: ['경주'] },
        topics: ['korea-politics'],
      },
    ],
    articles: [
      {
        id: 'apec',
        title: 'APEC in Gyeongju',
        date: '2025-10-29',
        url: 'https://example.org/apec',
        language: 'en',
        text: 'Lee Jae-myung will host the APEC summit in Gyeongju on October 31. Lee said the summit matters. Gyeongju is ready.',
      },
      {
        id: 'ko-brief',
        title: '경주 정상회의',
        date: '2025-10-30',
        language: 'ko',
        text: '이재명 대통령은 경주에서 정상들을 맞는다. 이 대통령은 협력을 강조했다.',
      },
    ],
    ...extra,
  };
}
