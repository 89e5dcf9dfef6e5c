/**
 * A synthetic source pack for benchmarks: N entities with aliases in Latin,
 * Hangul, Katakana and Han, and N articles of about 1 KB that mention them by
 * name. Deterministic for a given seed, so runs are comparable.
 *
 * Every entity's family name is unique (three syllables spelled from its
 * index), and each syllable has a Latin, Hangul, Katakana and Han spelling,
 * so the same entity is named consistently in every script.
 */
import type {
  ArticleSource,
  EntityKind,
  EntitySource,
  Language,
  PackSource,
  TopicSource,
} from '../core/pack/types';

export interface GenerateOptions {
  entities?: number;
  articles?: number;
  topics?: number;
  seed?: number;
  /** share of mentions that go to the first 1% of entities, so some are mentioned a lot */
  hubShare?: number;
}

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [Latin, Hangul, Katakana, Han]
const SYLLABLES: Array<[string, string, string, string]> = [
  ['ka', '카', 'カ', '加'],
  ['ki', '키', 'キ', '木'],
  ['ko', '코', 'コ', '古'],
  ['sa', '사', 'サ', '佐'],
  ['shi', '시', 'シ', '志'],
  ['to', '토', 'ト', '土'],
  ['na', '나', 'ナ', '奈'],
  ['mi', '미', 'ミ', '美'],
  ['mo', '모', 'モ', '茂'],
  ['ra', '라', 'ラ', '良'],
  ['ri', '리', 'リ', '里'],
  ['ta', '타', 'タ', '田'],
  ['te', '테', 'テ', '手'],
  ['ha', '하', 'ハ', '波'],
  ['ho', '호', 'ホ', '保'],
  ['ma', '마', 'マ', '真'],
  ['yo', '요', 'ヨ', '代'],
  ['ne', '네', 'ネ', '根'],
  ['mu', '무', 'ム', '武'],
  ['su', '스', 'ス', '須'],
  ['ya', '야', 'ヤ', '矢'],
  ['wa', '와', 'ワ', '和'],
];

const KINDS: Array<[EntityKind, number]> = [
  ['person', 0.6],
  ['organisation', 0.12],
  ['place', 0.1],
  ['country', 0.08],
  ['event', 0.05],
  ['topic', 0.05],
];

/** [English, Korean, Japanese] endings that make a family name a place, group, … */
const SUFFIXES: Record<Exclude<EntityKind, 'person'>, [string, string, string]> = {
  organisation: [' Group', ' 그룹', 'グループ'],
  place: [' City', '시', '市'],
  country: ['land', '국', '国'],
  event: [' Summit', ' 정상회의', '会議'],
  topic: [' Accord', ' 협정', '協定'],
};

interface Spelled {
  latin: string;
  hangul: string;
  kana: string;
  han: string;
}

function spell(digits: number[]): Spelled {
  const parts = digits.map(
    (d) => SYLLABLES[d % SYLLABLES.length] as [string, string, string, string],
  );
  return {
    latin: parts.map((p) => p[0]).join(''),
    hangul: parts.map((p) => p[1]).join(''),
    kana: parts.map((p) => p[2]).join(''),
    han: parts.map((p) => p[3]).join(''),
  };
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function digitsOf(n: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(n % SYLLABLES.length);
    n = Math.floor(n / SYLLABLES.length);
  }
  return out;
}

function makeEntity(i: number, random: () => number, topicIds: string[]): EntitySource {
  let r = random();
  let kind: EntityKind = 'person';
  for (const [k, share] of KINDS) {
    if (r < share) {
      kind = k;
      break;
    }
    r -= share;
  }
  // 22^3 > 10,000 and a 4th syllable beyond that: family names are unique.
  const family = spell(digitsOf(i, i < SYLLABLES.length ** 3 ? 3 : 4));
  const given = spell([Math.floor(random() * 22), Math.floor(random() * 22)]);
  const topics = [topicIds[i % topicIds.length] as string];
  if (random() < 0.4) topics.push(topicIds[Math.floor(random() * topicIds.length)] as string);

  if (kind !== 'person') {
    const [en, ko, ja] = SUFFIXES[kind];
    const name = capital(family.latin) + en;
    return {
      id: `${kind}-${family.latin}-${i}`,
      kind,
      name,
      names: { ko: family.hangul + ko, ja: family.kana + ja },
      aliases: { en: [name], ko: [family.hangul + ko], ja: [family.kana + ja] },
      topics: [...new Set(topics)],
    };
  }
  const name = `${capital(given.latin)} ${capital(family.latin)}`;
  return {
    id: `${given.latin}-${family.latin}-${i}`,
    kind,
    name,
    names: { ko: `${family.hangul} ${given.hangul}`, ja: family.han + given.han },
    aliases: {
      en: [name, `${capital(family.latin)} ${capital(given.latin)}`],
      ko: [`${family.hangul} ${given.hangul}`, `${family.hangul}${given.hangul}`],
      ja: [family.han + given.han, `${family.kana}・${given.kana}`],
      'zh-Hans': [family.han + given.han],
    },
    ambiguous: { en: [capital(family.latin)], ja: [family.han] },
    titled: { ko: [family.hangul] },
    exclusions: random() < 0.05 ? [`${capital(family.latin)} Stadium`] : undefined,
    topics: [...new Set(topics)],
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

type Names = { en: string; ko: string; ja: string };

function namesOf(e: EntitySource): Names {
  return {
    en: e.aliases.en?.[0] ?? e.name,
    ko: e.aliases.ko?.[0] ?? e.name,
    ja: e.aliases.ja?.[0] ?? e.name,
  };
}

const EN: Array<(a: Names, b: Names, p: Names, date: string) => string> = [
  (a, b, p, d) => `${a.en} met ${b.en} in ${p.en} on ${d} to discuss trade and security.`,
  (a) =>
    `${a.en} said the talks had been constructive and that both sides would keep in close contact.`,
  (a, b) =>
    `Officials close to ${a.en} described the meeting with ${b.en} as a step forward for regional cooperation.`,
  (a, _b, p) =>
    `${a.en} is expected to visit ${p.en} next week to discuss supply chains, energy and investment.`,
  () =>
    'Analysts cautioned that many details of the agreement remain unclear and will take months to settle.',
  (a, b) =>
    `${b.en}, speaking after ${a.en}, stressed the importance of dialogue at a difficult time.`,
  () =>
    'The statement released afterwards repeated earlier commitments without adding new figures.',
  (a, _b, _p, d) =>
    `On ${d}, ${a.en} also chaired a meeting of senior officials on the economic outlook.`,
];
const KO: Array<(a: Names, b: Names, p: Names) => string> = [
  (a, b, p) => `${a.ko}은 ${b.ko}와 ${p.ko}에서 회담하고 무역과 안보 문제를 논의했다.`,
  (a) => `${a.ko}은 이번 회담이 건설적이었으며 앞으로도 긴밀히 소통하겠다고 밝혔다.`,
  (a, b) => `${b.ko}은 ${a.ko}의 발언 이후 대화의 중요성을 강조했다.`,
  () => '전문가들은 합의의 세부 사항이 아직 불분명하다고 지적했다.',
];
const JA: Array<(a: Names, b: Names, p: Names) => string> = [
  (a, b, p) => `${a.ja}は${b.ja}と${p.ja}で会談し、貿易と安全保障について協議した。`,
  (a) => `${a.ja}は会談が建設的だったと述べ、今後も緊密に連携すると強調した。`,
  (a, b) => `${b.ja}は${a.ja}の発言を受けて対話の重要性を訴えた。`,
  () => '専門家は合意の詳細はまだ明らかではないと指摘した。',
];

export function generateSourcePack(options: GenerateOptions = {}): PackSource {
  const entityCount = options.entities ?? 10_000;
  const articleCount = options.articles ?? 10_000;
  const topicCount = options.topics ?? 40;
  const hubShare = options.hubShare ?? 0.2;
  const random = rng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  const topics: TopicSource[] = Array.from({ length: topicCount }, (_, i) => ({
    id: `topic-${i}`,
    name: { en: `Topic ${i}`, ko: `주제 ${i}` },
    color: `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}`,
  }));
  const topicIds = topics.map((t) => t.id);
  const entities = Array.from({ length: entityCount }, (_, i) => makeEntity(i, random, topicIds));
  const names = entities.map(namesOf);
  const places = entities.flatMap((e, i) =>
    e.kind === 'place' || e.kind === 'country' ? [i] : [],
  );
  const hubs = Math.max(1, Math.floor(entityCount / 100));
  const someone = (): Names =>
    names[
      random() < hubShare ? Math.floor(random() * hubs) : Math.floor(random() * entityCount)
    ] as Names;
  const somewhere = (): Names => names[places.length ? pick(places) : 0] as Names;

  const articles: ArticleSource[] = [];
  for (let i = 0; i < articleCount; i++) {
    const r = random();
    const language: Language = r < 0.8 ? 'en' : r < 0.9 ? 'ko' : 'ja';
    const month = Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const date = `2025-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const a = someone();
    const sentences: string[] = [];
    let length = 0;
    // About 1 KB of text: sentences until the article is long enough.
    while (length < (language === 'en' ? 950 : 380)) {
      const b = someone();
      const p = somewhere();
      const s =
        language === 'en'
          ? pick(EN)(a, b, p, `${MONTHS[month]} ${day}`)
          : language === 'ko'
            ? pick(KO)(a, b, p)
            : pick(JA)(a, b, p);
      sentences.push(s);
      length += s.length;
    }
    articles.push({
      id: `article-${i}`,
      title:
        language === 'en'
          ? `${a.en} holds talks`
          : language === 'ko'
            ? `${a.ko} 회담`
            : `${a.ja}が会談`,
      date,
      ...(random() < 0.7 && { url: `https://news.example.org/${date}/article-${i}` }),
      ...(random() < 0.3 && { section: 'Politics' }),
      language,
      text: sentences.join(' '),
    });
  }

  return {
    format: 'briefing-lens/pack-source',
    formatVersion: 1,
    id: 'bench',
    title: `Benchmark pack: ${entityCount} entities, ${articleCount} articles`,
    version: '1.0.0',
    description: 'Generated by bench/generate-pack.ts',
    topics,
    entities: entities.map((e) => (e.exclusions ? e : (({ exclusions: _x, ...rest }) => rest)(e))),
    articles,
  };
}

/**
 * Search queries a reader might type: 1–4 leading characters of a random
 * alias, in whichever script the alias is written.
 */
export function sampleQueries(pack: PackSource, count: number, seed = 2): string[] {
  const random = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const entity = pack.entities[Math.floor(random() * pack.entities.length)] as EntitySource;
    const forms = Object.values(entity.aliases).flatMap((l) => l ?? []);
    const form = forms[Math.floor(random() * forms.length)] ?? entity.name;
    out.push(form.slice(0, 1 + Math.floor(random() * 4)));
  }
  return out;
}
