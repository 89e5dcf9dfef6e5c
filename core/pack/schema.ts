/**
 * The valibot schema of a source pack (what authors write and users import),
 * with its limits. Field-level rules only; rules across entries (unique ids,
 * topic references) are in validate.ts.
 *
 * Text fields may contain HTML or script ("<img onerror=…>"): that is allowed
 * and stays a plain string, because the UI renders every pack string as text
 * (never as HTML). Only URLs are restricted, to http(s), since they become
 * link targets.
 */
import * as v from 'valibot';
import { isIsoDate } from './dates';
import { ENTITY_KINDS, LANGUAGES } from './types';

/** Limits keep a hostile or broken import from exhausting storage or the matcher. */
export const LIMITS = {
  /** whole JSON file, in UTF-16 code units */
  packChars: 64 * 1024 * 1024,
  idChars: 64,
  titleChars: 300,
  nameChars: 200,
  descriptionChars: 2_000,
  versionChars: 64,
  urlChars: 2_048,
  articleTextChars: 200_000,
  aliasChars: 100,
  /** aliases + ambiguous + titled forms of one entity, all languages together */
  aliasesPerEntity: 200,
  /** titles and cues together */
  contextWordsPerEntity: 200,
  exclusionChars: 200,
  exclusionsPerEntity: 200,
  topicsPerEntity: 50,
  tagChars: 100,
  tagsPerArticle: 50,
  topics: 1_000,
  entities: 20_000,
  articles: 20_000,
} as const;

export const PACK_SOURCE_FORMAT = 'briefing-lens/pack-source';
export const PACK_SOURCE_FORMAT_VERSION = 1;

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** #rgb, #rgba, #rrggbb, #rrggbbaa: what the highlight styles accept without parsing CSS. */
export const HEX_COLOR = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

const text = (max: number, what = 'text') =>
  v.pipe(
    v.string(`must be ${what}`),
    v.maxLength(max, (i) => `is too long: ${i.input.length} characters, at most ${max} allowed`),
  );

const nonEmptyText = (max: number, what = 'text') =>
  v.pipe(
    text(max, what),
    v.check((s) => s.trim() !== '', 'must not be empty'),
  );

const id = v.pipe(
  text(LIMITS.idChars, 'an id (text)'),
  v.regex(KEBAB_CASE, (i) => `${JSON.stringify(i.input)} is not a kebab-case id (like "wang-yi")`),
);

const isoDate = v.pipe(
  v.string('must be a date written YYYY-MM-DD'),
  v.check(isIsoDate, (i) => `${JSON.stringify(i.input)} is not a real date written YYYY-MM-DD`),
);

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const httpUrl = v.pipe(
  text(LIMITS.urlChars, 'a URL'),
  v.check(isHttpUrl, (i) => {
    const scheme = /^\s*([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(i.input)?.[1];
    return scheme
      ? `must be an http(s) URL; a ${scheme.toLowerCase()}: URL is not allowed`
      : `${JSON.stringify(i.input.slice(0, 80))} is not an http(s) URL`;
  }),
);

const color = v.pipe(
  v.string('must be a CSS hex colour such as "#d97706"'),
  v.regex(HEX_COLOR, (i) => `${JSON.stringify(i.input)} is not a CSS hex colour such as "#d97706"`),
);

const alias = v.pipe(
  v.string('must be text'),
  v.check((s) => s.trim() !== '', 'is an empty alias'),
  v.maxLength(
    LIMITS.aliasChars,
    (i) => `is too long for an alias: ${i.input.length} characters, at most ${LIMITS.aliasChars}`,
  ),
);

const aliasList = v.array(alias, 'must be a list of aliases');

/** One optional entry per language; an unknown language key is an error, not silently dropped. */
function perLanguage<T extends v.GenericSchema>(item: T) {
  return v.strictObject(
    {
      en: v.optional(item),
      ko: v.optional(item),
      ja: v.optional(item),
      'zh-Hans': v.optional(item),
      'zh-Hant': v.optional(item),
    },
    'must be an object keyed by language (en, ko, ja, zh-Hans, zh-Hant)',
  );
}

export const TopicSourceSchema = v.object(
  {
    id,
    name: v.strictObject(
      {
        en: nonEmptyText(LIMITS.nameChars, 'a name'),
        ko: v.optional(nonEmptyText(LIMITS.nameChars, 'a name')),
        ja: v.optional(nonEmptyText(LIMITS.nameChars, 'a name')),
        'zh-Hans': v.optional(nonEmptyText(LIMITS.nameChars, 'a name')),
        'zh-Hant': v.optional(nonEmptyText(LIMITS.nameChars, 'a name')),
      },
      'must be an object of names keyed by language, with at least "en"',
    ),
    color,
  },
  'must be an object',
);

/** Exclusions and namesakes: phrases the matcher must not take for the entity. */
const phraseList = v.pipe(
  v.array(nonEmptyText(LIMITS.exclusionChars), 'must be a list of phrases'),
  v.maxLength(LIMITS.exclusionsPerEntity, `has more than ${LIMITS.exclusionsPerEntity} phrases`),
);

export const EntitySourceSchema = v.object(
  {
    id,
    kind: v.picklist(ENTITY_KINDS, `must be one of ${ENTITY_KINDS.join(', ')}`),
    name: nonEmptyText(LIMITS.nameChars, 'a name'),
    names: v.optional(perLanguage(nonEmptyText(LIMITS.nameChars, 'a name'))),
    aliases: perLanguage(aliasList),
    ambiguous: v.optional(perLanguage(aliasList)),
    titled: v.optional(perLanguage(aliasList)),
    titles: v.optional(perLanguage(aliasList)),
    cues: v.optional(perLanguage(aliasList)),
    exclusions: v.optional(phraseList),
    namesakes: v.optional(phraseList),
    since: v.optional(
      v.pipe(
        v.number('must be a year'),
        v.integer('must be a year'),
        v.minValue(1, 'must be a year'),
        v.maxValue(9999, 'must be a year'),
      ),
    ),
    topics: v.pipe(
      v.array(id, 'must be a list of topic ids'),
      v.maxLength(LIMITS.topicsPerEntity, `has more than ${LIMITS.topicsPerEntity} topics`),
    ),
  },
  'must be an object',
);

export const ArticleSourceSchema = v.object(
  {
    id,
    title: nonEmptyText(LIMITS.titleChars, 'a title'),
    headline: v.optional(text(LIMITS.titleChars, 'a headline')),
    section: v.optional(text(LIMITS.nameChars, 'a section name')),
    date: isoDate,
    url: v.optional(httpUrl),
    tags: v.optional(
      v.pipe(
        v.array(text(LIMITS.tagChars, 'a tag'), 'must be a list of tags'),
        v.maxLength(LIMITS.tagsPerArticle, `has more than ${LIMITS.tagsPerArticle} tags`),
      ),
    ),
    language: v.picklist(LANGUAGES, `must be one of ${LANGUAGES.join(', ')}`),
    text: nonEmptyText(LIMITS.articleTextChars, 'the article text'),
  },
  'must be an object',
);

const collection = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(
    v.array(item, `must be a list of ${what}`),
    v.maxLength(max, (i) => `has ${i.input.length} ${what}, at most ${max} allowed`),
  );

export const PackSourceSchema = v.object(
  {
    format: v.literal(
      PACK_SOURCE_FORMAT,
      (i) =>
        `must be "${PACK_SOURCE_FORMAT}" (got ${describe(i.input)}): this is not a Briefing Lens source pack`,
    ),
    formatVersion: v.literal(
      PACK_SOURCE_FORMAT_VERSION,
      (i) =>
        `format version ${describe(i.input)} is not supported; this version of Briefing Lens reads version ${PACK_SOURCE_FORMAT_VERSION}`,
    ),
    id,
    title: nonEmptyText(LIMITS.titleChars, 'a title'),
    version: nonEmptyText(LIMITS.versionChars, 'a version string'),
    description: v.optional(text(LIMITS.descriptionChars, 'a description')),
    topics: collection(TopicSourceSchema, LIMITS.topics, 'topics'),
    entities: collection(EntitySourceSchema, LIMITS.entities, 'entities'),
    articles: collection(ArticleSourceSchema, LIMITS.articles, 'articles'),
  },
  (i) => `a pack must be a JSON object; got ${describe(i.input)}`,
);

/** A short description of a JSON value for messages: `"abc"`, `42`, `an array`, `null`. */
export function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  return String(x);
}
