/**
 * From entities to the pattern table the matcher runs: every alias, its
 * spelling variants, every ambiguous form, every surname with one of the
 * entity's titles, every exclusion and namesake, the entity's context cues,
 * and the language lexicon (lexicon.ts), folded, deduplicated and put in one
 * automaton. Runs once per pack, so it may allocate; the result is flat typed
 * arrays, sent as they are to pages (compiled.ts).
 */
import { LANGUAGES, type EntityKind, type Language } from '../pack/types';
import { buildAutomaton, type Automaton } from './automaton';
import {
  boundaryFlags,
  LEFT_HANGUL,
  LEFT_KANA,
  NOT_BEFORE_CAPITAL,
  STANDALONE,
  AFTER_DAE,
} from './boundaries';
import { upperPositions } from './casing';
import {
  ADMINISTRATIONS,
  DOMAIN_WORDS,
  HONORIFICS,
  INDEX_HEADS,
  INSTITUTION_HEADS,
  REGION_HEADS,
  LANGUAGE_SUFFIXES,
  lexiconLanguageOf,
  ORGANISATION_HEADS,
  ROLES,
  type LexiconLanguage,
} from './lexicon';
import { FoldBuffer, foldAlias, foldString, isHangul, isWordUnit, SPACE } from './normalise';
import type { MatchableEntity } from './types';
import { aliasVariants } from './variants';

/** A full alias: names the entity on its own. */
export const KIND_ALIAS = 0;
/** A person's shorter name ("Trump", "高市", "모테기"): the entity, unless the page is about a namesake. */
export const KIND_SHORT = 1;
/** Needs evidence that the document is about the entity ("Lee", "Korea", "chips"). */
export const KIND_AMBIGUOUS = 2;
/** A surname with one of the entity's offices ("President Lee", "이 대통령", "習主席"). */
export const KIND_TITLED = 3;
/** A surname with an honorific that fits it ("Mr. Xi", "習氏"). */
export const KIND_TITLED_WEAK = 4;
/** Not the entity: cancels the entity's candidates it overlaps. */
export const KIND_EXCLUSION = 5;
/** Somebody or something else that goes by the entity's shorter names (`namesakes`). */
export const KIND_NAMESAKE = 6;
/**
 * A context cue of the entity (its `cues` and `titles`). Kinds from here on
 * are context: they make no candidate of their own.
 */
export const KIND_CUE = 7;
/** Lexicon: an office or honorific; `entity` holds the role's id. */
export const KIND_ROLE = 8;
/** Lexicon: the head noun of an organisation's name ("Airlines", "일보", "銀行"). */
export const KIND_ORGANISATION = 9;
/** Lexicon: a suffix that makes a country's name a language's (한국어, 日本語). */
export const KIND_LANGUAGE = 10;
/** Lexicon: a word of a domain unrelated to the packs' people; `entity` holds the domain's id. */
export const KIND_DOMAIN = 11;

/** Entity kinds as numbers, in the order of ENTITY_KINDS' use here. */
export const PERSON = 0;
const KIND_CODES: Record<EntityKind, number> = {
  person: PERSON,
  country: 1,
  place: 2,
  organisation: 3,
  event: 4,
  topic: 5,
};
/** A country, city, organisation or event: its name may head another organisation's. */
export const isNamedPlaceOrBody = (code: number) => code >= 1 && code <= 4;
export const COUNTRY = KIND_CODES.country;
export const PLACE = KIND_CODES.place;
export const TOPIC = KIND_CODES.topic;

/** What the matcher runs: flat arrays, so a table can be sent to a page as it is (compiled.ts). */
export interface MatchTable {
  automaton: Automaton;
  /** first pattern of each automaton state, -1 when none; then `next` */
  head: Int32Array;
  next: Int32Array;
  /** the entity (or the role, domain… of a lexicon pattern) */
  entity: Int32Array;
  kind: Uint8Array;
  flags: Uint16Array;
  /** the mention inside the pattern, in folded units (a title is outside it) */
  mentionStart: Uint16Array;
  mentionEnd: Uint16Array;
  /** positions that must be upper case: pool[upperFrom .. upperFrom + upperCount) */
  upperFrom: Int32Array;
  upperCount: Uint8Array;
  upperPool: Uint16Array;
  /** the role of a titled pattern's title (an index of `roleWeak`), -1 for others */
  patternRole: Int16Array;
  entityIds: string[];
  /** per entity: its kind (KIND_CODES) */
  entityKind: Uint8Array;
  /** per entity: its titles, as role ids: titlePool[titleFrom .. titleFrom + titleCount) */
  titleFrom: Int32Array;
  titleCount: Uint8Array;
  titlePool: Int16Array;
  /** per entity: the entities the pack's articles name it with, as indices */
  relatedFrom: Int32Array;
  relatedCount: Uint8Array;
  relatedPool: Int32Array;
  /** per entity: the year it came to be (0 for none) */
  entitySince: Uint16Array;
  /** per entity: 1 when it has cue words of its own: its ambiguous forms then need one on the page */
  entityCued: Uint8Array;
  /**
   * per organisation: the event of the pack named after it (an event with
   * one of its names in its own: "APEC" in "APEC summit"), -1 for none. Its
   * bare name may stand for that meeting (matcher.ts, EVENT_WORDS).
   */
  entityMeeting: Int32Array;
  /**
   * per role: 1 for an honorific (fits anybody of the right sex), 2 for what
   * every person of the packs heads (an administration), 0 for an office
   */
  roleWeak: Uint8Array;
  /** how many domains the lexicon has (the `entity` of a domain pattern is below it) */
  domains: number;
}

export interface PatternTable extends MatchTable {
  /** what the pre-check must find: the patterns that make candidates */
  prefilterPatterns: readonly PrefilterPattern[];
}

/** A pattern as the pre-check (prefilter.ts) sees it. */
export interface PrefilterPattern {
  folded: string;
  /** positions that every use of the pattern needs in upper case */
  upper: readonly number[];
  /**
   * The part that best tells the pattern apart, [start, end) in folded
   * units: the surname of "President Lee".
   */
  focusStart: number;
  focusEnd: number;
  /** a one-character name that counts only in text with Hangul (the Korean press's 美, 韓) */
  amidHangul?: boolean;
}

interface Draft {
  folded: string;
  entity: number;
  kind: number;
  mentionStart: number;
  mentionEnd: number;
  flags: number;
  upper: number[] | null;
  role: number;
  /** the next draft with the same folded text, -1 at the end */
  next: number;
  /** every source of it is a Chinese name */
  chinese: boolean;
}

/** The longest pattern kept; longer aliases are cut by validation anyway. */
const MAX_PATTERN = 1000;
/** Related entities kept per entity: the strongest, as the pack's articles weigh them. */
const MAX_RELATED = 12;

/** The roles of the lexicon, and those an entity's titles add, by folded form. */
class Roles {
  readonly ids = new Map<string, number>();
  readonly weak: number[] = [];
  readonly sources: Array<{ text: string; lang: LexiconLanguage }> = [];

  id(text: string, lang: LexiconLanguage): number {
    const key = foldString(text.trim());
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.weak.length;
      this.ids.set(key, id);
      this.weak.push(HONORIFICS.has(text.trim()) ? 1 : 0);
      this.sources.push({ text: text.trim(), lang });
    }
    return id;
  }
}

/** Surnames of the language that are also a demonstrative before a noun ("이 대통령" = "this president"). */
const DEMONSTRATIVE_SURNAMES: Partial<Record<LexiconLanguage, readonly string[]>> = { ko: ['이'] };
export const DEMONSTRATIVE = 128;
/**
 * Set on a person's shorter Latin names ("Trump"): not after a capitalised
 * given name mid-sentence ("actress Ivana Trump") and not shouted alone.
 * Unlike NOT_BEFORE_CAPITAL, a capital after it is allowed: title-case
 * headlines ("Trump Says…") write the shorter names most.
 */
export const GIVEN_NAME_RULE = 64;
/**
 * Set on a name the pack gives only in Chinese ("非核化", "半导体", "朝鮮"
 * as North Korea): Japanese writes those characters too, with another sense
 * or none of the pack's, so the name is not read in a block with kana.
 */
export const CHINESE_ONLY = 1024;
/** The `entity` of an organisation head that is a region's word (REGION_HEADS). */
export const REGION_HEAD = 2;
/** The `entity` of an organisation head that is a stock index's word (INDEX_HEADS). */
export const INDEX_HEAD = 3;

export function compilePatterns(entities: readonly MatchableEntity[]): PatternTable {
  const list: Draft[] = [];
  /** folded text → last draft with it (then `next`); duplicates are merged */
  const byFolded = new Map<string, number>();
  const entityIds = entities.map((e) => e.id);
  const indexOf = new Map(entityIds.map((id, i) => [id, i]));
  const buf = new FoldBuffer();
  const roles = new Roles();

  function add(raw: string, entity: number, kind: number, options: AddOptions = {}): void {
    const source = raw.trim();
    const n = foldAlias(source, buf);
    if (n === 0 || n > MAX_PATTERN || (n === 1 && buf.units[0] === SPACE)) return;
    const folded = unitsToString(buf.units, n);
    const prefix = options.prefix ?? '';
    const mentionStart = prefix ? foldString(prefix).length : 0;
    const mentionEnd =
      options.surname === undefined ? n : foldString(prefix + options.surname).length;
    let flags = (boundaryFlags(folded) & ~(options.clear ?? 0)) | (options.flags ?? 0);
    // A one-character name (韓, 美, 中, 미) stands alone or is no name (一日中, 미국).
    if (n === 1 && kind < KIND_EXCLUSION && !isWordUnit(buf.units[0]!)) flags |= STANDALONE;
    // "대중국 관세", "대북한 제재": Korean writes 대(對, "towards") glued to a country.
    else if (kind === KIND_ALIAS && entities[entity]!.kind === 'country' && isHangul(buf.units[0]!))
      flags |= AFTER_DAE;
    const bareLatin =
      isWordUnit(buf.units[mentionEnd - 1]!) && !/\s/.test(source.slice(mentionStart));
    if (bareLatin && (kind === KIND_AMBIGUOUS || kind === KIND_TITLED || kind === KIND_TITLED_WEAK))
      flags |= NOT_BEFORE_CAPITAL;
    else if (bareLatin && kind === KIND_SHORT) flags |= GIVEN_NAME_RULE;
    const upper =
      kind === KIND_EXCLUSION || kind === KIND_NAMESAKE
        ? null
        : upperPositions(source, buf.units, buf.offs, n);
    const role = options.role ?? -1;
    const chinese = options.lang === 'zh-Hans' || options.lang === 'zh-Hant';
    const next = byFolded.get(folded) ?? -1;
    for (let p = next; p >= 0; p = list[p]!.next) {
      const d = list[p]!;
      if (d.entity === entity && d.kind === kind && d.mentionStart === mentionStart) {
        // Two spellings folding alike: the laxer case requirement wins.
        d.upper = d.upper && upper ? d.upper.filter((x) => upper.includes(x)) : null;
        d.chinese &&= chinese;
        return;
      }
    }
    byFolded.set(folded, list.length);
    list.push({
      folded,
      entity,
      kind,
      mentionStart,
      mentionEnd,
      flags,
      upper,
      role,
      next,
      chinese,
    });
  }

  // The lexicon first: its roles get the lowest ids.
  for (const lang of ['en', 'ko', 'ja', 'zh'] as const) {
    // A Korean title may follow the name without a space ("이재용회장"): no left edge.
    for (const role of ROLES[lang]) {
      const id = roles.id(role, lang);
      add(role, id, KIND_ROLE, { clear: lang === 'ko' ? LEFT_HANGUL : 0 });
      // "pastor Wang Yi", "the church leader, pastor Wang Yi": English offices in lower case too.
      if (lang === 'en' && role.toLowerCase() !== role) add(role.toLowerCase(), id, KIND_ROLE);
    }
    for (const word of ADMINISTRATIONS[lang]) {
      const id = roles.id(word, lang);
      roles.weak[id] = 2;
      add(word, id, KIND_ROLE, { clear: LEFT_HANGUL | LEFT_KANA });
    }
    // Heads and suffixes are glued to the name before them: no left edge.
    // An institution's head (id 1) may stand a few words after the name (matcher.ts).
    for (const head of ORGANISATION_HEADS[lang])
      add(
        head,
        INSTITUTION_HEADS.has(head)
          ? 1
          : REGION_HEADS.has(head)
            ? REGION_HEAD
            : INDEX_HEADS.has(head)
              ? INDEX_HEAD
              : 0,
        KIND_ORGANISATION,
        {
          clear: LEFT_HANGUL | LEFT_KANA,
        },
      );
    for (const suffix of LANGUAGE_SUFFIXES[lang])
      add(suffix, 0, KIND_LANGUAGE, { clear: LEFT_HANGUL | LEFT_KANA });
  }
  const domainNames = Object.keys(DOMAIN_WORDS);
  domainNames.forEach((domain, d) => {
    for (const lang of ['en', 'ko', 'ja', 'zh'] as const)
      for (const word of DOMAIN_WORDS[domain]![lang]) add(word, d, KIND_DOMAIN);
  });

  const titleIds: number[][] = [];
  entities.forEach((e, i) => {
    const person = e.kind === 'person';
    const full = fullForms(e);
    const entityTitles = new Set<number>();
    for (const lang of LANGUAGES) {
      const lex = lexiconLanguageOf(lang);
      for (const a of e.aliases[lang] ?? []) {
        const kind = person && isShorterName(a, full) ? KIND_SHORT : KIND_ALIAS;
        // A Korean full name of three syllables or more is a name even glued to
        // the word before it (markup that lost a space: "의전이재명 대통령").
        // So is a topic's one-word Korean name of three syllables or more: Korean
        // glues a noun before it into a compound ("전력반도체", "시스템반도체").
        const glued =
          (person || e.kind === 'topic' || e.kind === undefined) &&
          kind === KIND_ALIAS &&
          /^[\uac00-\ud7a3]{3,}$/.test(a.trim());
        for (const v of aliasVariants(a, true))
          add(v, i, kind, { clear: glued ? LEFT_HANGUL : 0, lang });
      }
      for (const a of e.ambiguous?.[lang] ?? [])
        for (const v of aliasVariants(a, false)) add(v, i, KIND_AMBIGUOUS, { lang });
      const titles = (e.titles?.[lang] ?? []).map((t) => t.trim()).filter(Boolean);
      for (const t of titles) {
        const role = roles.id(t, lex);
        entityTitles.add(role);
        add(t, role, KIND_ROLE, { clear: lex === 'ko' ? LEFT_HANGUL : 0 });
      }
      for (const s of e.titled?.[lang] ?? [])
        addTitled(lang, s.trim(), i, titles, roles, add, e.titles);
      for (const c of e.cues?.[lang] ?? []) add(c, i, KIND_CUE);
    }
    titleIds.push([...entityTitles]);
    for (const x of e.exclusions ?? [])
      for (const v of aliasVariants(x, true)) add(v, i, KIND_EXCLUSION);
    for (const x of e.namesakes ?? [])
      for (const v of aliasVariants(x, true)) add(v, i, KIND_NAMESAKE);
  });

  const sorted = [...byFolded.keys()].sort();
  const { automaton, terminals } = buildAutomaton(sorted);

  const n = list.length;
  const head = new Int32Array(automaton.states).fill(-1);
  const next = new Int32Array(n);
  for (let i = 0; i < sorted.length; i++) head[terminals[i]!] = byFolded.get(sorted[i]!)!;
  for (let p = 0; p < n; p++) next[p] = list[p]!.next;

  const related = entities.map((e) =>
    (e.related ?? [])
      .map((id) => indexOf.get(id))
      .filter((x): x is number => x !== undefined)
      .slice(0, MAX_RELATED),
  );
  const table: PatternTable = {
    automaton,
    head,
    next,
    entity: new Int32Array(n),
    kind: new Uint8Array(n),
    flags: new Uint16Array(n),
    mentionStart: new Uint16Array(n),
    mentionEnd: new Uint16Array(n),
    upperFrom: new Int32Array(n),
    upperCount: new Uint8Array(n),
    upperPool: new Uint16Array(list.reduce((s, d) => s + (d.upper?.length ?? 0), 0)),
    patternRole: new Int16Array(n),
    entityIds,
    entityKind: Uint8Array.from(entities, (e) => KIND_CODES[e.kind ?? 'topic']),
    entitySince: Uint16Array.from(entities, (e) => e.since ?? 0),
    entityCued: Uint8Array.from(entities, (e) =>
      Object.values(e.cues ?? {}).some((list) => list.length > 0) ? 1 : 0,
    ),
    entityMeeting: Int32Array.from(entities, (e) => meetingOf(e, entities)),
    ...(pool(titleIds, Int16Array, 'title') as PoolOf<'title', Int16Array>),
    ...(pool(related, Int32Array, 'related') as PoolOf<'related', Int32Array>),
    roleWeak: Uint8Array.from(roles.weak),
    domains: domainNames.length,
    prefilterPatterns: prefilterPatterns(sorted, byFolded, list),
  };
  let upperAt = 0;
  list.forEach((d, p) => {
    table.entity[p] = d.entity;
    table.kind[p] = d.kind;
    table.flags[p] = d.flags | (d.chinese ? CHINESE_ONLY : 0);
    table.mentionStart[p] = d.mentionStart;
    table.mentionEnd[p] = d.mentionEnd;
    table.patternRole[p] = d.role;
    table.upperFrom[p] = upperAt;
    const up = (d.upper ?? []).slice(0, 255);
    table.upperCount[p] = up.length;
    for (const u of up) table.upperPool[upperAt++] = u;
  });
  return table;
}

type PoolOf<K extends string, P> = Record<`${K}From`, Int32Array> &
  Record<`${K}Count`, Uint8Array> &
  Record<`${K}Pool`, P>;

type PoolKeys<K extends string> = Record<`${K}From`, Int32Array> &
  Record<`${K}Count`, Uint8Array> &
  Record<`${K}Pool`, Int32Array | Int16Array>;

/** Lists of numbers as one pool with a start and a count per list. */
function pool<K extends string>(
  lists: readonly number[][],
  Pool: typeof Int32Array | typeof Int16Array,
  key: K,
): PoolKeys<K> {
  const from = new Int32Array(lists.length);
  const count = new Uint8Array(lists.length);
  const values = new Pool(lists.reduce((s, l) => s + Math.min(l.length, 255), 0));
  let at = 0;
  lists.forEach((l, i) => {
    from[i] = at;
    count[i] = Math.min(l.length, 255);
    for (const v of l.slice(0, 255)) values[at++] = v;
  });
  return { [`${key}From`]: from, [`${key}Count`]: count, [`${key}Pool`]: values } as PoolKeys<K>;
}

/** The folded full names of an entity, in every language, separators removed. */
function fullForms(e: MatchableEntity): string[] {
  return LANGUAGES.flatMap((lang) => e.aliases[lang] ?? []).map((a) => foldString(a.trim()));
}

const SEPARATORS = /[\s\u30fb]+/;

/**
 * Is `alias` a shorter name of a person who has a longer one: a proper part
 * of another of their aliases, by words in scripts with spaces ("Trump" of
 * "Donald Trump", "다카이치" of "다카이치 사나에"), or by its start or end in
 * those without ("高市" of "高市早苗", "トランプ" of "ドナルド・トランプ")?
 */
export function isShorterName(alias: string, full: readonly string[]): boolean {
  const a = foldString(alias.trim());
  if (!a) return false;
  const words = a.split(SEPARATORS).filter(Boolean);
  // "Donald Trump" beside "Donald J. Trump" is a full name too: only one word can be shorter.
  if (words.length > 1) return false;
  return full.some((f) => {
    if (f === a || f.length <= a.length) return false;
    const fw = f.split(SEPARATORS).filter(Boolean);
    if (fw.length > words.length && words.every((w) => fw.includes(w))) return true;
    const joined = fw.join('');
    const aj = words.join('');
    return joined !== aj && (joined.startsWith(aj) || joined.endsWith(aj));
  });
}

/**
 * A surname with each of the entity's titles, in the language's order:
 * English before the name ("President Lee", also lower case "president
 * Lee"), Korean, Japanese and Chinese after it (Korean with one space or
 * none: "이 대통령", "이대통령"). Korean headlines write the surname in Han
 * ("李대통령", "習주석"): the entity's Han surnames get the Korean titles too.
 */
function addTitled(
  lang: Language,
  surname: string,
  entity: number,
  titles: readonly string[],
  roles: Roles,
  add: (raw: string, entity: number, kind: number, options?: AddOptions) => void,
  allTitles: MatchableEntity['titles'],
): void {
  if (!surname) return;
  const lex = lexiconLanguageOf(lang);
  const demonstrative = DEMONSTRATIVE_SURNAMES[lex]?.includes(surname) ? DEMONSTRATIVE : 0;
  for (const title of titles) {
    const role = roles.id(title, lex);
    const kind = HONORIFICS.has(title) ? KIND_TITLED_WEAK : KIND_TITLED;
    if (lex === 'en') {
      // Lower case too: "president Lee" is the title; the surname keeps its capital.
      for (const t of new Set([title, title.toLowerCase()])) {
        const prefix = `${t} `;
        add(prefix + surname, entity, kind, { prefix, surname, role });
      }
    } else if (lex === 'ko') {
      add(`${surname} ${title}`, entity, kind, { surname, role, flags: demonstrative });
      add(surname + title, entity, kind, { surname, role, flags: demonstrative });
    } else {
      add(surname + title, entity, kind, { surname, role });
      // Korean headlines: "李대통령", "習주석", "王부장".
      for (const ko of allTitles?.ko ?? []) {
        const koRole = roles.id(ko, 'ko');
        add(surname + ko.trim(), entity, HONORIFICS.has(ko) ? KIND_TITLED_WEAK : KIND_TITLED, {
          surname,
          role: koRole,
        });
      }
    }
  }
}

/**
 * One entry per folded text, for the pre-check: the patterns that make
 * candidates. Exclusions, namesakes and context only act where a candidate
 * is, so text with nothing else needs no matching. A position must be upper
 * case only where every use of the text needs it.
 */
function prefilterPatterns(
  sorted: readonly string[],
  byFolded: ReadonlyMap<string, number>,
  list: readonly Draft[],
): PrefilterPattern[] {
  const out: PrefilterPattern[] = [];
  for (const folded of sorted) {
    let entry: PrefilterPattern | null = null;
    let upper: number[] | null = null;
    let amidHangul = true;
    for (let p = byFolded.get(folded)!; p >= 0; p = list[p]!.next) {
      const d = list[p]!;
      if (d.kind >= KIND_EXCLUSION) continue;
      const needs = d.upper ?? [];
      upper = entry === null ? needs : upper!.filter((x) => needs.includes(x));
      entry ??= { folded, upper: [], focusStart: d.mentionStart, focusEnd: d.mentionEnd };
      // A lone Han character counts only amid Hangul (boundaries.ts).
      if (!(d.flags & STANDALONE) || isHangul(folded.charCodeAt(0))) amidHangul = false;
    }
    if (entry) out.push({ ...entry, upper: upper!, ...(amidHangul && { amidHangul: true }) });
  }
  return out;
}

function unitsToString(units: Uint16Array, n: number): string {
  return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
}

/** All names of an entity, in every language, folded. */
const namesOf = (e: MatchableEntity) =>
  [...Object.values(e.aliases ?? {}), ...Object.values(e.ambiguous ?? {})]
    .flat()
    .map((a) => foldString(a.trim()));

/**
 * The event named after an organisation: the first event of the pack one of
 * whose names holds one of the organisation's Latin or CJK names as a word
 * ("APEC" in "APEC summit", "慶州APEC"). -1 for none, and for other entities.
 */
function meetingOf(o: MatchableEntity, entities: readonly MatchableEntity[]): number {
  if (o.kind !== 'organisation') return -1;
  const own = namesOf(o).filter((a) => a.length >= 3);
  return entities.findIndex(
    (e) => e.kind === 'event' && namesOf(e).some((name) => own.some((a) => name.includes(a))),
  );
}

interface AddOptions {
  /** the part of the text before the mention (an English title) */
  prefix?: string;
  /** the mention, after `prefix`, when the text goes on (a CJK title) */
  surname?: string;
  /** the role of the title */
  role?: number;
  /** flags to set, and boundary flags to clear */
  flags?: number;
  clear?: number;
  /** the language of the name (Chinese-only names: CHINESE_ONLY) */
  lang?: Language;
}
