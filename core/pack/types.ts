/**
 * The shapes of briefing data, from the hand-edited sources to the compiled pack
 * that the extension stores in IndexedDB. Pure types: no runtime code here.
 *
 * A *source pack* is what authors write (and what users import): topics,
 * entities with their aliases, and articles with verbatim text.
 * A *compiled pack* adds what the compiler derives: sentence boundaries,
 * mentions and one briefing per entity, every line pointing at its sentence.
 */

/** Languages an alias or a display name can be written in. */
export const LANGUAGES = ['en', 'ko', 'ja', 'zh-Hans', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A list of strings per language; absent languages have none. */
export type PerLanguage<T> = Partial<Record<Language, T>>;

export const ENTITY_KINDS = [
  'person',
  'country',
  'place',
  'organisation',
  'event',
  'topic',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface TopicSource {
  /** kebab-case, unique within the pack */
  id: string;
  /** display names; `en` is required */
  name: PerLanguage<string> & { en: string };
  /** CSS colour for highlights of this topic, e.g. "#d97706" */
  color: string;
}

export interface EntitySource {
  /** kebab-case, unique within the pack, e.g. "wang-yi" */
  id: string;
  kind: EntityKind;
  /** canonical English name, e.g. "Wang Yi" */
  name: string;
  /** display names per language, e.g. { ko: "왕이", ja: "王毅" } */
  names?: PerLanguage<string>;
  /** full names and unambiguous forms: always count as a mention */
  aliases: PerLanguage<string[]>;
  /**
   * Forms that are ambiguous on their own (a bare surname such as "Lee",
   * "Xi", "Wang"): they count only when the same document already names the
   * entity by a full alias or by a titled form.
   */
  ambiguous?: PerLanguage<string[]>;
  /**
   * Surnames that count only with one of the entity's `titles` ("이 대통령",
   * "시 주석", "習主席", "王外相", "President Lee"): one-syllable or
   * one-character surnames, and bare surnames of common names.
   */
  titled?: PerLanguage<string[]>;
  /**
   * The entity's own offices and the honorifics that fit it ("President",
   * "Mr."; "대통령"; "大統領", "氏"), per language. A surname in `titled`
   * with one of them is a mention; any other office or honorific written next
   * to one of the entity's names makes it somebody else's ("Chairman Lee",
   * "Pastor Wang Yi", "Ms Trump").
   */
  titles?: PerLanguage<string[]>;
  /**
   * Words that, on a page, point to this entity rather than to a namesake:
   * its party, institutions, country, the places and issues it is known for
   * ("LDP", "White House", "Politburo", "자민당"). With the pack's own
   * articles (the other entities each is named with), they decide the short,
   * titled and ambiguous forms of a document that never names it in full.
   */
  cues?: PerLanguage<string[]>;
  /**
   * Phrases that are not this entity although they contain an alias
   * ("高市郡", "People's Republic"). An exclusion that covers a candidate
   * mention cancels it.
   */
  exclusions?: string[];
  /**
   * Other people, places and things that go by one of the entity's shorter
   * names ("Judd Trump", "Lee Myung-bak", "Twin Ring Motegi", "王怡"). Each
   * cancels what it covers, like an exclusion, and a page that names one of
   * them gives the entity's short, titled and ambiguous forms near it to the
   * namesake (core/recognition/README.md, "Deciding").
   */
  namesakes?: string[];
  /**
   * The year the entity came to be (a state founded then): a name written
   * beside an earlier year is its predecessor's ("한국" in 1896 is Korea, not
   * South Korea; 朝鮮 in 1392 is Joseon).
   */
  since?: number;
  /** topic ids this entity belongs to */
  topics: string[];
}

export interface ArticleSource {
  /** kebab-case, unique within the pack */
  id: string;
  /** the article's own title */
  title: string;
  /** the headline of the piece it belongs to, when it is part of a series */
  headline?: string;
  section?: string;
  /** ISO date (YYYY-MM-DD) the article was written for; relative dates resolve against it */
  date: string;
  /** http(s) URL of the original, when there is one */
  url?: string;
  tags?: string[];
  language: Language;
  /** verbatim body text */
  text: string;
}

export interface PackSource {
  format: 'briefing-lens/pack-source';
  formatVersion: 1;
  /** kebab-case, unique among installed packs */
  id: string;
  title: string;
  /** the pack's own version; the bundled pack is re-seeded when it changes */
  version: string;
  description?: string;
  topics: TopicSource[];
  entities: EntitySource[];
  articles: ArticleSource[];
}

/** Where a line of a briefing came from: a sentence of an article (UTF-16 offsets). */
export interface SourceRef {
  articleId: string;
  start: number;
  end: number;
}

export interface Fact {
  /** exactly article.text.slice(source.start, source.end) */
  text: string;
  source: SourceRef;
  /** higher is more relevant; facts are stored sorted by it, descending */
  score: number;
}

export interface Role {
  /** a few words in the articles' own words, e.g. "Chinese Foreign Minister" */
  text: string;
  /** the sentence it was taken from */
  source: SourceRef;
}

export interface TimelineEntry {
  /** ISO date YYYY-MM-DD */
  date: string;
  /** the words in the sentence that gave the date, e.g. "the 30th" */
  dateText: string;
  /** the sentence, verbatim */
  text: string;
  source: SourceRef;
}

export interface RelatedEntity {
  entityId: string;
  /** number of sentences that mention both */
  weight: number;
}

export interface Briefing {
  entityId: string;
  role?: Role;
  facts: Fact[];
  timeline: TimelineEntry[];
  related: RelatedEntity[];
  /** article ids that mention the entity, most mentions first */
  articles: string[];
  mentionCount: number;
}

export interface CompiledArticle extends ArticleSource {
  /** sentence boundaries as [start, end) UTF-16 offsets into text */
  sentences: Array<[number, number]>;
}

export interface CompiledPack {
  format: 'briefing-lens/pack';
  formatVersion: 1;
  id: string;
  title: string;
  version: string;
  description?: string;
  /** ISO timestamp of compilation */
  compiledAt: string;
  topics: TopicSource[];
  entities: EntitySource[];
  articles: CompiledArticle[];
  briefings: Briefing[];
}
