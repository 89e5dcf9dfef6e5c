/**
 * The matcher: fold a block, run the automaton, check each hit's boundaries
 * and case, then read what is written around each candidate (linker.ts
 * decides it with the evidence of the whole document). Only the first two
 * steps touch every character; they allocate nothing once the buffers have
 * grown to the longest block seen. (Folding inside the automaton's loop was
 * tried: V8 compiled the merged loop worse than the two tight ones, 20–40%
 * slower.)
 */
import { Hits, scan } from './automaton';
import { boundariesHold, LEFT_KANA, NOT_BEFORE_CAPITAL, RIGHT_KANA } from './boundaries';
import { casingHolds } from './casing';
import {
  CAPITALS_WORDS,
  COUNTRY_INITIALS,
  EVENT_WORDS_AFTER,
  EVENT_WORDS_BEFORE,
  NOT_IN_A_NAME,
  STATE_WORDS,
  SUM_MEASURES,
  SUM_NOUNS,
  SUM_PREFIX,
} from './lexicon';
import {
  endAfter,
  FoldBuffer,
  foldText,
  isHangul,
  isKatakana,
  isUpperUnit,
  isWordUnit,
  SPACE,
} from './normalise';
import {
  CHINESE_ONLY,
  compilePatterns,
  COUNTRY,
  DEMONSTRATIVE,
  GIVEN_NAME_RULE,
  isNamedPlaceOrBody,
  KIND_AMBIGUOUS,
  KIND_CUE,
  KIND_DOMAIN,
  KIND_EXCLUSION,
  KIND_LANGUAGE,
  KIND_NAMESAKE,
  KIND_ORGANISATION,
  KIND_ROLE,
  KIND_SHORT,
  KIND_TITLED,
  KIND_TITLED_WEAK,
  PERSON,
  INDEX_HEAD,
  PLACE,
  REGION_HEAD,
  TOPIC,
  type MatchTable,
} from './patterns';
import { buildPrefilter, type Prefilter } from './prefilter';
import { linkDocument } from './linker';
import {
  FORM_AMBIGUOUS,
  FORM_FULL,
  FORM_SHORT,
  FORM_TITLED,
  FORM_TITLED_WEAK,
  type BlockScan,
  type Candidate,
  type MatchableEntity,
  type Matcher,
  type Signal,
} from './types';

const HASH = 35;
/** Hiragana and katakana letters: a block with them is Japanese. */
const KANA = /[\u3041-\u3096\u30a1-\u30fa]/;
const FULLWIDTH_HASH = 0xff03;
const DOLLAR = 36;

export interface MatcherOptions {
  /**
   * Run the native pre-check (prefilter.ts) before folding each block. For
   * code that runs cold, like a content script on a fresh page (which gets it
   * through compiled.ts), where V8 has not yet optimised the fold and
   * automaton loops; warm code (Node tools, the pack compiler) is faster
   * without it, so it is off by default.
   */
  prefilter?: boolean;
}

export function compileMatcher(
  entities: readonly MatchableEntity[],
  options: MatcherOptions = {},
): Matcher {
  const table = compilePatterns(entities);
  return createMatcher(table, options.prefilter ? buildPrefilter(table.prefilterPatterns) : null);
}

const EMPTY: BlockScan = Object.freeze({ candidates: [], signals: [] }) as BlockScan;

/** A matcher over a table already compiled (here, or sent by the background: compiled.ts). */
export function createMatcher(table: MatchTable, prefilter: Prefilter | null): Matcher {
  const fold = new FoldBuffer();
  const hits = new Hits();
  const matcher: Matcher = {
    entityIds: table.entityIds,
    table,
    scan(text: string): BlockScan {
      // No pattern can occur: nothing to find, and no evidence to give.
      if (prefilter && !prefilter.mayMatch(text)) return EMPTY;
      const n = foldText(text, fold);
      scan(table.automaton, fold.units, n, hits);
      const found = hits.length === 0 ? EMPTY : readBlock(table, text, fold, n, hits);
      fold.trim();
      return found;
    },
    find(text: string) {
      return linkDocument(matcher, [text])[0]!;
    },
  };
  return matcher;
}

/** The separators Japanese writes between the words of a name, or of a list. */
const APPOSITION_DOTS = new Set([0x30fb, 0xff65, 0xb7, 0x2027, 0x20, 0x3000]);

/**
 * "アメリカ・ニューヨーク", "日本とアメリカ・サンフランシスコ": a country's or a
 * city's katakana name, a dot, then another katakana word is a place and
 * where in it, not one longer name (the fold drops a dot between katakana,
 * so the kana boundary fails): the name holds when the page wrote a dot or
 * a space on the failing side. A person's name keeps the rule: "メラニア・
 * トランプ" is somebody else.
 */
function apposedKana(
  t: MatchTable,
  p: number,
  text: string,
  offs: Int32Array,
  u: Uint16Array,
  n: number,
  fs: number,
  k: number,
): boolean {
  if (t.kind[p]! >= KIND_EXCLUSION) return false;
  const kind = t.entityKind[t.entity[p]!]!;
  if (kind !== COUNTRY && kind !== PLACE) return false;
  const flags = t.flags[p]! & ~(LEFT_KANA | RIGHT_KANA);
  if (!boundariesHold(flags, u, n, fs, k + 1)) return false;
  const start = offs[fs]!;
  const end = endAfter(text, offs[k]!);
  const leftOk =
    start === 0 || APPOSITION_DOTS.has(text.charCodeAt(start - 1)) || !isKatakana(u[fs - 1]!);
  const rightOk =
    end >= text.length ||
    APPOSITION_DOTS.has(text.charCodeAt(end)) ||
    k + 1 >= n ||
    !isKatakana(u[k + 1]!);
  return leftOk && rightOk;
}

/** A candidate as collected, before the longest are chosen and their context is read. */
interface Raw {
  entity: number;
  start: number;
  end: number;
  /** folded positions of the mention */
  ms: number;
  me: number;
  /** length of the whole matched pattern (title included): the longer wins */
  weight: number;
  kind: number;
  role: number;
  demonstrative: boolean;
}

interface Span {
  entity: number;
  start: number;
  end: number;
  namesake: boolean;
}

/** A lexicon word found in the block, in folded positions. */
interface Word {
  start: number;
  end: number;
  id: number;
}

const WORK = {
  raws: [] as Raw[],
  spans: [] as Span[],
  roles: [] as Word[],
  organisations: [] as Word[],
  languages: [] as Word[],
  /** bare surnames that are part of somebody else's name here */
  others: [] as Array<{ entity: number; start: number; end: number }>,
};

/** What the block says, read in one pass over the automaton's hits. */
function readBlock(
  t: MatchTable,
  text: string,
  fold: FoldBuffer,
  n: number,
  hits: Hits,
): BlockScan {
  // The block's working lists are reused from block to block (readBlock is
  // never re-entered, and none of them outlives it): a page's blocks should
  // leave the garbage collector nothing but what they found.
  const { raws, spans, roles, organisations, languages, others } = WORK;
  raws.length = spans.length = roles.length = organisations.length = 0;
  languages.length = others.length = 0;
  const signals: Signal[] = [];
  let titleCase: boolean | undefined;
  let japanese: boolean | undefined;
  const u = fold.units;
  const offs = fold.offs;
  const depth = t.automaton.depth;
  for (let h = 0; h < hits.length; h += 2) {
    const k = hits.data[h]!;
    const state = hits.data[h + 1]!;
    const fs = k + 1 - depth[state]!;
    for (let p = t.head[state]!; p >= 0; p = t.next[p]!) {
      const flags = t.flags[p]!;
      if (
        !boundariesHold(flags, u, n, fs, k + 1) &&
        !(flags & (LEFT_KANA | RIGHT_KANA) && apposedKana(t, p, text, offs, u, n, fs, k))
      )
        continue;
      if (flags & CHINESE_ONLY && (japanese ??= KANA.test(text))) continue;
      const kind = t.kind[p]!;
      if (kind === KIND_EXCLUSION || kind === KIND_NAMESAKE) {
        spans.push({
          entity: t.entity[p]!,
          start: offs[fs]!,
          end: endAfter(text, offs[k]!),
          namesake: kind === KIND_NAMESAKE,
        });
        continue;
      }
      // Hashtags are written in lower case ("#lee jae-myung"): no case rule after "#".
      const pStart = offs[fs]!;
      const before = pStart > 0 ? text.charCodeAt(pStart - 1) : 0;
      if (
        t.upperCount[p]! > 0 &&
        before !== HASH &&
        before !== FULLWIDTH_HASH &&
        !casingHolds(text, offs, fs, t.upperPool, t.upperFrom[p]!, t.upperCount[p]!)
      )
        continue;
      if (kind >= KIND_CUE) {
        const word = { start: fs, end: k + 1, id: t.entity[p]! };
        if (kind === KIND_ROLE) roles.push(word);
        else if (kind === KIND_ORGANISATION) organisations.push(word);
        else if (kind === KIND_LANGUAGE) languages.push(word);
        else if (kind === KIND_CUE || kind === KIND_DOMAIN)
          signals.push({
            type: kind === KIND_CUE ? 'cue' : 'domain',
            id: word.id,
            start: pStart,
            key: p,
          });
        continue;
      }
      const ms = fs + t.mentionStart[p]!;
      const me = fs + t.mentionEnd[p]!;
      if (flags & (NOT_BEFORE_CAPITAL | GIVEN_NAME_RULE)) {
        titleCase ??= isTitleCase(text);
        // A capitalised word after a bare surname, or a given name before it,
        // makes it part of somebody else's name ("Wang Chuqin", "Sang Hyun Lee"):
        // evidence of another person with the surname, unless the entity's own
        // full name covers it (checked once the longest are chosen).
        const another =
          !titleCase &&
          ((flags & NOT_BEFORE_CAPITAL &&
            followedByCapital(text, u, offs, n, me) &&
            !inCapitals(text, offs, fs, me, n)) ||
            // "Mr Trump", "Pastor Wang": an office before the name is no given name.
            (ms === fs && precededByGivenName(text, u, offs, fs) && !roleBefore(roles, u, ms)));
        if (another) {
          others.push({
            entity: t.entity[p]!,
            start: offs[ms]!,
            end: endAfter(text, offs[me - 1]!),
          });
          continue;
        }
        if (
          flags & NOT_BEFORE_CAPITAL &&
          ms === fs &&
          shoutedAlone(text, offs[ms]!, endAfter(text, offs[me - 1]!))
        )
          continue;
      }
      raws.push({
        entity: t.entity[p]!,
        start: offs[ms]!,
        end: endAfter(text, offs[me - 1]!),
        ms,
        me,
        weight: endAfter(text, offs[k]!) - pStart,
        kind,
        role: t.patternRole[p]!,
        demonstrative: (flags & DEMONSTRATIVE) !== 0,
      });
    }
  }
  const live = raws.length ? cancelExcluded(raws, spans) : [];
  const chosen = extendSums(t, text, offs, n, pickLongest([...live]));
  const covered = (e: number, start: number, end: number) =>
    chosen.some((c) => c.entity === e && c.start <= start && end <= c.end && c.kind !== KIND_SHORT);
  for (const x of spans)
    if (x.namesake && !covered(x.entity, x.start, x.end))
      signals.push({
        type: 'competitor',
        id: x.entity,
        start: x.start,
        key: -1,
        roleId: namesakeRole(text, u, offs, n, x, roles, organisations),
      });
  for (const x of others)
    if (
      !covered(x.entity, x.start, x.end) &&
      !spans.some((s) => s.entity === x.entity && s.start <= x.start && x.end <= s.end)
    )
      signals.push({ type: 'competitor', id: x.entity, start: x.start, key: -1 });
  if (raws.length === 0 && others.length === 0) {
    // Cues and domain words count only in blocks where a name is written
    // (even one an exclusion then cancels, "트럼프 카드"): the content
    // script's pre-check never lets the others reach the matcher.
    const competitors = signals.filter((x) => x.type === 'competitor');
    return competitors.length ? { candidates: [], signals: competitors } : EMPTY;
  }
  const candidates: Candidate[] = [];
  const words: Words = { roles, organisations, languages };
  for (const r of chosen) {
    const c = readContext(t, text, u, offs, n, r, words, chosen);
    if (c === null) continue;
    // "트럼프(카드)", "Trump (card game)": a word of another domain in
    // brackets right after a shorter name says which thing it is.
    if (c.form !== FORM_FULL && glossedByDomain(text, c.end, signals)) continue;
    if (c.role < 0 || glossOfAnother(text, c, spans)) {
      // Somebody else's office before the name, or a reading in brackets of
      // somebody else's name ("王怡（ワン・イー）"): theirs, here and near here.
      signals.push({
        type: 'competitor',
        id: c.entity,
        start: c.start,
        key: -1,
        full: c.form === FORM_FULL,
        roleId: c.role < 0 ? c.roleId : -1,
      });
      continue;
    }
    // "‘한국 아트라스비엑스 모터스포츠’는", "'전략산업 투자 펀드'": a quoted Korean
    // title may hold the name as a word of another thing's name. It does
    // where the page writes the title again, as it does a name (the linker
    // reads them); a slogan quoted once keeps the country.
    const title = quotedTitleKey(t, text, c);
    if (title !== null) signals.push({ type: 'title', id: c.entity, start: c.start, key: title });
    const keys = title !== null ? [title] : phraseKeysOf(t, text, c);
    if (keys.length) c.phraseKeys = keys;
    const meeting = t.entityMeeting[c.entity]!;
    if (meeting >= 0 && c.form === FORM_FULL && namesMeeting(text, c.start, c.end)) {
      // "慶州でAPECが開幕", "這次APEC": the organisation's name stands for its
      // meeting. The meeting is decided like its ambiguous names; where the
      // page does not point to it, the organisation is the mention.
      candidates.push({ ...c, entity: meeting, form: FORM_AMBIGUOUS, role: 0, roleId: -1 });
      candidates.push({ ...c, fallbackOf: candidates.length - 1 });
      continue;
    }
    candidates.push(c);
    // A name that needs evidence may turn out not to be the entity; then the
    // longest names inside it are the mentions ("APEC" of another year's
    // "APEC summit").
    if (r.kind === KIND_AMBIGUOUS || r.kind === KIND_TITLED || r.kind === KIND_TITLED_WEAK) {
      const main = candidates.length - 1;
      const inside = live.filter(
        (x) => x !== r && r.start <= x.start && x.end <= r.end && x.end - x.start < r.end - r.start,
      );
      for (const x of pickLongest(inside)) {
        const f = readContext(t, text, u, offs, n, x, words, chosen);
        if (f && f.role >= 0) candidates.push({ ...f, fallbackOf: main });
      }
    }
  }
  signals.sort((a, b) => a.start - b.start);
  return { candidates, signals };
}

interface Words {
  roles: readonly Word[];
  organisations: readonly Word[];
  languages: readonly Word[];
}

const FORM_OF_KIND = [FORM_FULL, FORM_SHORT, FORM_AMBIGUOUS, FORM_TITLED, FORM_TITLED_WEAK];

/**
 * A chosen candidate with what is written around it: the title next to a
 * person's name (theirs, or somebody else's), the head noun that makes a
 * country's name an organisation's, a language suffix, a currency sign,
 * "CONTACT US". Null when the context says it is not a name of the entity at
 * all; a candidate with `role` -1 when it is another person's.
 */
function readContext(
  t: MatchTable,
  text: string,
  u: Uint16Array,
  offs: Int32Array,
  n: number,
  r: Raw,
  words: Words,
  chosen: readonly Raw[],
): Candidate | null {
  const entityKind = t.entityKind[r.entity]!;
  let form = FORM_OF_KIND[r.kind]!;
  let role = 0;
  let roleId = r.role;
  let latinTitle = false;
  const latin = isWordUnit(u[r.ms]!);
  if (r.kind === KIND_TITLED || r.kind === KIND_TITLED_WEAK) role = 1;
  else if (entityKind === PERSON) {
    // English writes offices before the name, Korean and Japanese after it,
    // Chinese both ways ("总统特朗普", "特朗普总统").
    const found = latin
      ? roleBefore(words.roles, u, r.ms, t, r.entity)
      : (roleAfter(words.roles, u, n, r.me, t, r.entity) ??
        (isHanAt(u, r.ms) ? roleJustBefore(words.roles, r.ms, t, r.entity) : null));
    if (found) {
      roleId = found.id;
      // A pack that gives a person no titles says nothing of the offices it
      // holds: a title beside the name then neither confirms nor denies it.
      if (t.titleCount[r.entity]! > 0) role = holdsTitle(t, r.entity, found.id) ? 1 : -1;
    } else if (latin && administrationAfter(words.roles, u, n, r.me, t)) role = 1;
    // "the Lee administration" is any President Lee's: a common surname with
    // it needs the evidence a titled form needs.
    if (role > 0 && form === FORM_AMBIGUOUS && (!found || t.roleWeak[found.id] === 2))
      form = FORM_TITLED;
  }
  // "경주시", "慶州市": a city's name with the word for city is the city.
  if (entityKind === PLACE && !latin && r.me < n && CITY_SUFFIXES.has(u[r.me]!)) role = 1;
  if (entityKind === PERSON && role >= 0 && latin && form !== FORM_FULL)
    if (ofAnOrganisation(text, r.end, chosen)) role = -1;
  // "巴倫·川普", "メラニア・トランプ": a given name and a name dot before a
  // shorter name make it somebody else's full name.
  if (
    entityKind === PERSON &&
    role === 0 &&
    form === FORM_SHORT &&
    !latin &&
    dottedBefore(text, r.start)
  )
    role = -1;
  // Chinese writes "Junior" as 小 before the name: "小特朗普", "小唐纳德·特朗普"
  // is the son, who goes by that name, not by the father's.
  if (
    entityKind === PERSON &&
    isHanAt(u, r.ms) &&
    r.start > 0 &&
    text.charCodeAt(r.start - 1) === 0x5c0f
  )
    return null;
  // "필라델피아 반도체 지수": a topic's name before an index's word is the index's.
  if (
    entityKind === TOPIC &&
    headsAfter(
      words.organisations.filter((w) => w.id === INDEX_HEAD),
      u,
      n,
      r.me,
      latin,
      offs[r.me] === r.end,
    )
  )
    return null;
  if (isNamedPlaceOrBody(entityKind)) {
    // A region's word (地方, 地域) after a place's name is that place's region,
    // still the place ("北東アジア地域", "慶州地域"); after a country's, another
    // region ("中国地方" is Chūgoku).
    const heads =
      entityKind === PLACE
        ? words.organisations.filter((w) => w.id !== REGION_HEAD)
        : words.organisations;
    if (headsAfter(heads, u, n, r.me, latin, offs[r.me] === r.end, words.roles)) return null;
    if (latin && headsBeforeOf(words.organisations, u, r.ms)) return null;
    if (
      entityKind === COUNTRY &&
      !latin &&
      (languageAfter(words.languages, u, n, r.me) ||
        JOINED_LANGUAGE.test(text.slice(r.end, r.end + 8)))
    )
      return null;
    if (entityKind === COUNTRY && !latin && pairBeforeStateWord(text, r.start, r.end)) return null;
    // "'제1회 한국모터스포츠 어워즈'", "‘2024 한국방문의 해’", "第3回日本…": an
    // ordinal or a bare year (no 년/年: not "2024년 한국은") right before a
    // country's name begins the title of an event named after it.
    if (
      entityKind === COUNTRY &&
      !latin &&
      EVENT_TITLE_BEFORE.test(text.slice(Math.max(0, r.start - 16), r.start))
    )
      return null;
    // A country's English name in capitals or beside another capitalised
    // English word is a word of a title or a name, where the text around is
    // Korean, Japanese or Chinese: in the block, or (a line of its own:
    // "AROUND JAPAN", "Newsfrom Japan") on the page, which the linker knows.
    if (
      entityKind === COUNTRY &&
      latin &&
      (inCapitalsWord(text, r.start, r.end) || besideCapitalised(text, u, offs, n, r, words.roles))
    ) {
      if (CJK_WORD.test(text)) return null;
      latinTitle = true;
    }
    if (latin && text.charCodeAt(r.end) === DOLLAR) return null;
    const since = t.entitySince[r.entity]!;
    if (since && nearestYear(text, r.start, r.end) < since) return null;
    // A city's name before another capitalised word is part of a longer
    // name ("Gyeongju Hwabaek Convention Center"); a country's is not ("Japan
    // Prime Minister", "US President" are the country).
    if (
      latin &&
      entityKind === PLACE &&
      followedByCapital(text, u, offs, n, r.me) &&
      !isTitleCase(text) &&
      !chosen.some((c) => c.start === offs[r.me + 1])
    )
      return null;
    if (latin && pronounInCapitals(text, r.start, r.end)) return null;
  }
  const c: Candidate = {
    entity: r.entity,
    start: r.start,
    end: r.end,
    form,
    role,
    roleId,
    demonstrative: r.demonstrative,
  };
  if (!latin) c.cjk = true;
  if (latinTitle) c.latinTitle = true;
  return c;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const GLOSS = '(?:\\s?[(（][^()（）\\n]{1,24}[)）])';
const SUM_NOUN = `(?:${SUM_NOUNS.map(escape).join('|')})`;
/**
 * After a sum: its gloss, a measure word, a "towards <country>" prefix and
 * the nouns it qualifies (lexicon.ts, SUM_NOUNS). A Korean noun must end its
 * word or meet a particle: "투자자" (investor) is no 투자.
 */
const SUM_PHRASE = new RegExp(
  `^${GLOSS}?\\s?(?:(?:${SUM_MEASURES.map(escape).join('|')})\\s?)?` +
    `(?:${SUM_PREFIX}${GLOSS}?\\s?)?${SUM_NOUN}(?:\\s?${SUM_NOUN})*` +
    '(?=$|[^가-힣]|[을를이가은는의와과도에로으만])',
  'u',
);
const EVENT_AFTER = new RegExp(
  `^(?:[)）]|[(（][^()（）]{1,24}[)）])?\\s?(?:${EVENT_WORDS_AFTER.map(escape).join('|')})`,
  'u',
);
const EVENT_BEFORE = new RegExp(`(?:${EVENT_WORDS_BEFORE.map(escape).join('|')})\\s?[「『]?$`, 'u');

/** Is an organisation's name at [start, end) written as its meeting (lexicon.ts, EVENT_WORDS)? */
function namesMeeting(text: string, start: number, end: number): boolean {
  return (
    EVENT_AFTER.test(text.slice(end, end + 32)) ||
    EVENT_BEFORE.test(text.slice(Math.max(0, start - 6), start))
  );
}

/** A "towards <country>" prefix right before a name: "대미 투자 펀드". */
const SUM_PREFIX_BEFORE = new RegExp(`${SUM_PREFIX}${GLOSS}?\\s?$`, 'u');
const SUM_NOUN_AT = new RegExp(`^${SUM_NOUN}`, 'u');
const DIGIT = /^[0-9０-９]/;

/**
 * A topic named by a sum of money, in Korean, Japanese or Chinese, is the
 * noun phrase the sum begins ("3500억 달러 규모의 대미 투자 펀드",
 * "3500億ドルの対米投資パッケージ"), and one named by a noun of what it pays
 * for takes the "towards <country>" prefix before it ("대미 투자 펀드"): one
 * mention, not the sum, its gloss and the noun each on their own. The
 * topic's other names inside the phrase (the gloss's "500조 원") go.
 */
function extendSums(
  t: MatchTable,
  text: string,
  offs: Int32Array,
  n: number,
  chosen: Raw[],
): Raw[] {
  let changed = false;
  const out = chosen.map((r) => {
    if (t.entityKind[r.entity] !== TOPIC) return r;
    let { start, end } = r;
    const name = text.slice(start, end);
    if (DIGIT.test(name)) {
      const m = SUM_PHRASE.exec(text.slice(end, end + 80));
      if (m) end += m[0].length;
    } else if (SUM_NOUN_AT.test(name)) {
      const m = SUM_PREFIX_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
      if (m) start -= m[0].length;
    }
    if (start === r.start && end === r.end) return r;
    changed = true;
    const ms = foldedAt(offs, n, start);
    const me = foldedAt(offs, n, end);
    return { ...r, start, end, ms: ms < 0 ? r.ms : ms, me: me < 0 ? n : me, weight: end - start };
  });
  if (!changed) return chosen;
  // What a longer phrase of the same topic now covers is part of it.
  return out.filter(
    (r) =>
      !out.some(
        (o) =>
          o !== r &&
          o.entity === r.entity &&
          o.start <= r.start &&
          r.end <= o.end &&
          o.end - o.start > r.end - r.start,
      ),
  );
}

const OPEN_QUOTES = new Set(['‘', "'"]);
const CLOSE_QUOTES = new Set(['’', "'"]);
/** A Korean word that ends in a particle or a verb's ending is no word of a name. */
const ENDS_CLAUSE = /[은는이가을를의에와과도로다]$/;
const HANGUL_WORDS = /^[가-힣]+(?: [가-힣]+)*$/;

/** FNV-1a over a string: the key of a title. */
function titleKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A country's name, or a topic's generic (ambiguous) one, in Korean: what titles hold. */
function titleWord(t: MatchTable, text: string, c: Candidate): 'start' | 'end' | null {
  const kind = t.entityKind[c.entity]!;
  if (!/^[가-힣]/.test(text.slice(c.start, c.start + 1))) return null;
  if (kind === COUNTRY) return 'start';
  if (kind === TOPIC && c.form === FORM_AMBIGUOUS) return 'end';
  return null;
}

/**
 * The key of the quoted Korean title around the candidate, when the title
 * is a noun phrase of two words or more (no particle, no verb: "'한국은
 * 안전하다'" is a quoted sentence) that a country's name begins or a
 * topic's generic name ends: "‘한국 아트라스비엑스 모터스포츠’",
 * "'전략산업 투자 펀드'" (one fund of several). Null otherwise.
 */
function quotedTitleKey(t: MatchTable, text: string, c: Candidate): number | null {
  const at = titleWord(t, text, c);
  if (at === null) return null;
  let open = -1;
  let close = -1;
  // A country glued to the next noun modifies it ("‘일본여행 보이콧’", a
  // quoted slogan about Japan); a title's first word stands apart.
  if (at === 'start' && OPEN_QUOTES.has(text[c.start - 1] ?? '') && text[c.end] === ' ') {
    open = c.start - 1;
    for (let i = c.end; i < Math.min(text.length, c.end + 40); i++)
      if (CLOSE_QUOTES.has(text[i]!)) {
        close = i;
        break;
      }
  } else if (at === 'end' && CLOSE_QUOTES.has(text[c.end] ?? '')) {
    close = c.end;
    for (let i = c.start - 1; i >= Math.max(0, c.start - 40); i--)
      if (OPEN_QUOTES.has(text[i]!)) {
        open = i;
        break;
      }
  }
  if (open < 0 || close < 0) return null;
  const title = text.slice(open + 1, close);
  if (!HANGUL_WORDS.test(title) || !title.includes(' ')) return null;
  if (title.split(' ').some((w) => ENDS_CLAUSE.test(w))) return null;
  return titleKey(title);
}

/**
 * The keys of the noun phrases of one to three more words that the
 * candidate begins (a country) or ends (a topic's generic name), the last
 * word also without a particle ("…모터스포츠는"): the titles it may be a
 * writing of.
 */
function phraseKeysOf(t: MatchTable, text: string, c: Candidate): number[] {
  const at = titleWord(t, text, c);
  if (at === null) return [];
  const keys: number[] = [];
  const name = text.slice(c.start, c.end);
  if (at === 'start') {
    const words =
      /^(?: [가-힣]+){1,3}/
        .exec(text.slice(c.end, c.end + 40))?.[0]
        .slice(1)
        .split(' ') ?? [];
    for (let k = 1; k <= words.length; k++) {
      const phrase = `${name} ${words.slice(0, k).join(' ')}`;
      keys.push(titleKey(phrase));
      if (ENDS_CLAUSE.test(phrase)) keys.push(titleKey(phrase.slice(0, -1)));
    }
  } else {
    const before =
      /(?:[가-힣]+ ){1,3}$/.exec(text.slice(Math.max(0, c.start - 40), c.start))?.[0] ?? '';
    const words = before.trim().split(' ').filter(Boolean);
    for (let k = 1; k <= words.length; k++)
      keys.push(titleKey(`${words.slice(words.length - k).join(' ')} ${name}`));
  }
  return keys;
}

/** A Han unit at folded position `i`. */
const isHanAt = (u: Uint16Array, i: number) => u[i]! >= 0x3400 && u[i]! <= 0x9fff;

/** The role ending right at folded position `ms`, with no space: Chinese "总统特朗普". */
function roleJustBefore(
  roles: readonly Word[],
  ms: number,
  t: MatchTable,
  entity: number,
): Word | null {
  return pickRole(
    roles.filter((w) => w.end === ms),
    t,
    entity,
  );
}

const NAME_DOTS = new Set([0x30fb, 0xb7, 0x2027, 0xff65, 0x2022]);

/** Is the unit before `start` a name dot with a Han or kana unit before it ("巴倫·川普")? */
function dottedBefore(text: string, start: number): boolean {
  if (start < 2 || !NAME_DOTS.has(text.charCodeAt(start - 1))) return false;
  const c = text.charCodeAt(start - 2);
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff);
}

const OPENING_BRACKETS = new Set([0x28, 0xff08, 0x5b, 0x3010, 0x300c]);

/**
 * A reading or gloss in brackets right after another person's or thing's
 * name is that name's too: "王怡（ワン・イー）牧師", "茂木健一郎（もぎ）".
 */
function glossOfAnother(text: string, c: Candidate, spans: readonly Span[]): boolean {
  let i = c.start - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i < 0 || !OPENING_BRACKETS.has(text.charCodeAt(i))) return false;
  const before = i;
  return spans.some((x) => x.entity === c.entity && x.end === before);
}

/** Is a domain word the first thing inside a bracket opened right after `end`? */
function glossedByDomain(text: string, end: number, signals: readonly Signal[]): boolean {
  let i = end;
  if (text.charCodeAt(i) === 32) i++;
  if (!OPENING_BRACKETS.has(text.charCodeAt(i))) return false;
  i++;
  while (text.charCodeAt(i) === 32) i++;
  return signals.some((x) => x.type === 'domain' && x.start === i);
}

const FORMER = /\b(?:former|ex-)\s*(?:[^\s.;:!?。]+\s+){0,4}$/i;
const FORMER_AFTER = /^\s?[전前元](?:\s|[\u4e00-\u9fff\uac00-\ud7a3])/;
const FORMER_BEFORE_HAN = /[前元][\u4e00-\u9fff]{1,5}$/;

/**
 * The office a namesake is named with here: a title written next to it
 * ("director Lee Jong-seok", "Samsung Chairman Lee Jae-yong", "이재용 회장"),
 * -2 when it is named as a *former* holder of an office ("former President Lee
 * Myung-bak", "이명박 전 대통령"), -1 without one. A namesake claims the
 * entity's titled forms only with the same office or none (linker.ts).
 */
function namesakeRole(
  text: string,
  u: Uint16Array,
  offs: Int32Array,
  n: number,
  x: Span,
  roles: readonly Word[],
  _organisations: readonly Word[],
): number {
  const before = text.slice(Math.max(0, x.start - 40), x.start);
  const after = text.slice(x.end, x.end + 4);
  if (FORMER.test(before) || FORMER_AFTER.test(after) || FORMER_BEFORE_HAN.test(before)) return -2;
  const fs = foldedAt(offs, n, x.start);
  const fe = foldedAt(offs, n, x.end);
  const found =
    (fs >= 0 ? (roleBefore(roles, u, fs) ?? roles.find((w) => w.end === fs)) : null) ??
    (fe >= 0 ? roles.find((w) => w.start === fe || (w.start === fe + 1 && u[fe] === SPACE)) : null);
  return found ? found.id : -1;
}

/** The folded position of text offset `off` (the first folded unit at or after it), -1 past the end. */
function foldedAt(offs: Int32Array, n: number, off: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offs[mid]! < off) lo = mid + 1;
    else hi = mid;
  }
  return lo < n ? lo : -1;
}

const TITLE_CASE_WORD = /[A-Za-z][\p{L}'’-]*/gu;
const MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'with',
  'as',
  'vs',
  'from',
]);

/**
 * Is the block a title-case headline ("Trump, Xi Strike Trade Truce in
 * South Korea")? Then a capital after a surname or a capitalised word before
 * it says nothing about somebody else's name.
 */
/** Longer than any line of at most 30 words in practice. */
const MAX_TITLE_CHARS = 400;

function isTitleCase(text: string): boolean {
  // A headline is short (at most 30 words): a paragraph is not read word by word.
  if (text.length > MAX_TITLE_CHARS) return false;
  const words = text.match(TITLE_CASE_WORD) ?? [];
  if (words.length < 2 || words.length > 30) return false;
  let major = 0;
  let capital = 0;
  for (const w of words) {
    if (MINOR_WORDS.has(w.toLowerCase())) continue;
    major++;
    if (w[0]! >= 'A' && w[0]! <= 'Z') capital++;
  }
  return major >= 2 && capital / major >= 0.8;
}

/** "Trump administration": an administration word after an English name. */
function administrationAfter(
  roles: readonly Word[],
  u: Uint16Array,
  n: number,
  me: number,
  t: MatchTable,
): boolean {
  return (
    me + 1 < n && u[me] === SPACE && roles.some((w) => w.start === me + 1 && t.roleWeak[w.id] === 2)
  );
}

/** Does the entity hold this role (its `titles`, or an administration, which every person heads)? */
function holdsTitle(t: MatchTable, entity: number, role: number): boolean {
  if (t.roleWeak[role] === 2) return true;
  const from = t.titleFrom[entity]!;
  for (let i = from; i < from + t.titleCount[entity]!; i++)
    if (t.titlePool[i] === role) return true;
  return false;
}

/**
 * The role written just before folded position `ms`, after one space
 * ("Pastor Wang Yi"): one the entity holds if any ("Foreign Minister" and
 * "Minister" both end there), else the longest. Without `t`, any role.
 */
function roleBefore(
  roles: readonly Word[],
  u: Uint16Array,
  ms: number,
  t?: MatchTable,
  entity = -1,
): Word | null {
  if (ms < 2 || u[ms - 1] !== SPACE) return null;
  return pickRole(
    roles.filter((w) => w.end === ms - 1),
    t,
    entity,
  );
}

/**
 * The role written just after folded position `me`: at once, after one space
 * in Korean ("이재명 대통령"), or after a one-character country in Japanese and
 * Chinese ("トランプ米大統領", "李在明韓国大統領" keeps the country apart).
 */
function roleAfter(
  roles: readonly Word[],
  u: Uint16Array,
  n: number,
  me: number,
  t: MatchTable,
  entity: number,
): Word | null {
  const spaced = me < n && u[me] === SPACE && me > 0 && isHangul(u[me - 1]!);
  const country = me < n && COUNTRY_INITIAL_UNITS.has(u[me]!);
  return pickRole(
    roles.filter(
      (w) => w.start === me || (spaced && w.start === me + 1) || (country && w.start === me + 1),
    ),
    t,
    entity,
  );
}

/**
 * A year: four digits that are not an amount ("1500억 달러", "1880億美元",
 * "$1,500", "1500 억") nor part of a longer number.
 */
const YEAR = /(?<![0-9$₩¥€£.,])(1[0-9]{3}|20[0-9]{2})(?![0-9]|[.,][0-9]|\s?[억만조천億万萬兆亿%])/g;
/** How far from a name a year is read as the time the sentence speaks of. */
const YEAR_REACH = 60;
/**
 * The end of a sentence or a paragraph: a year beyond it dates another
 * sentence ("…차이를 보인다. 일본에서는 1912년…", "…朝鮮字。15世紀，在朝鮮王朝
 * (1392年…"). A period after a capital is an abbreviation's ("U.S.").
 */
const SENTENCE_END = /[。！？!?\n]|(?<![A-Z])\.(?=\s|[가-힣])/g;
const OPEN_BRACKET = /[(（]/g;
const CLOSE_BRACKET = /[)）]/;

/** A century ("15世紀", "15세기", "15th century") is read as its middle year. */
const CENTURY = /(?<![0-9])([1-9][0-9]?)\s?(?:世紀|世纪|세기|(?:st|nd|rd|th) century)/g;
/** How far before its sentence a year still dates it, when the sentence has none. */
const NARRATIVE_REACH = 200;

/** The years and centuries in text[from, to), with where each is. */
function* yearsIn(text: string, from: number, to: number): Generator<[number, number]> {
  const part = text.slice(from, to);
  for (const m of part.matchAll(YEAR)) yield [from + m.index, Number(m[1])];
  for (const m of part.matchAll(CENTURY)) yield [from + m.index, Number(m[1]) * 100 - 50];
}

/**
 * The year written nearest the name in its sentence, within reach; Infinity
 * when none. A year in brackets dates what the brackets follow, so it counts
 * only for the name right before them: in "대한민국의 제15대 대통령인 김대중
 * (1924년 1월 6일 ~ 2009년…)" the years are the president's life, not the
 * country's. A sentence without a year is dated by the last one before it
 * in its block, as a history tells its years once for several sentences
 * ("1896년 그는 … 한국의 독립을 주장하는 단체를 결성했습니다. … 최초의
 * 한국인입니다."); a year after it dates the sentences that follow, not this one.
 */
function nearestYear(text: string, start: number, end: number): number {
  const from = sentenceStart(text, Math.max(0, start - YEAR_REACH), start);
  let to = Math.min(text.length, end + YEAR_REACH);
  const stop = text.slice(end, to).search(SENTENCE_END);
  if (stop >= 0) to = end + stop;
  let best = Infinity;
  let distance = Infinity;
  for (const [at, year] of yearsIn(text, from, to)) {
    const open = bracketOpenBefore(text, from, at);
    if (open >= 0 && !(open === end || (open === end + 1 && text[end] === ' '))) continue;
    const d = at < start ? start - at : at - end;
    if (d < distance) {
      distance = d;
      best = year;
    }
  }
  if (best !== Infinity || from === 0) return best;
  // No year in the sentence: the last one before it in the block, outside brackets.
  const back = Math.max(0, from - NARRATIVE_REACH);
  let last = -1;
  for (const [at, year] of yearsIn(text, back, from))
    if (at > last && bracketOpenBefore(text, back, at) < 0) {
      last = at;
      best = year;
    }
  return best;
}

/** Where the sentence holding `start` begins, at `from` at the earliest. */
function sentenceStart(text: string, from: number, start: number): number {
  let at = from;
  for (const m of text.slice(from, start).matchAll(SENTENCE_END)) at = from + m.index + m[0].length;
  return at;
}

/** The opening bracket still open at `at` (searched from `from`), or -1. */
function bracketOpenBefore(text: string, from: number, at: number): number {
  let open = -1;
  const part = text.slice(from, at);
  for (const m of part.matchAll(OPEN_BRACKET)) open = from + m.index;
  if (open < 0 || CLOSE_BRACKET.test(text.slice(open, at))) return -1;
  return open;
}

/** The words for "city" after a city's name: 시 (Korean), 市 (Japanese, Chinese). */
const CITY_SUFFIXES = new Set([0xc2dc, 0x5e02]);

/** One-character names of countries, as folded units (lexicon.ts). */
const COUNTRY_INITIAL_UNITS = new Set([...COUNTRY_INITIALS].map((c) => c.charCodeAt(0)));

function pickRole(found: Word[], t: MatchTable | undefined, entity: number): Word | null {
  if (found.length === 0) return null;
  if (t) {
    const own = found.find((w) => holdsTitle(t, entity, w.id));
    if (own) return own;
  }
  return found.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
}

/**
 * Does an organisation's head noun follow the name as part of one name:
 * the next word in English ("Japan Airlines", "Gallup Korea" is the other
 * order), the very next unit in the other languages ("日本銀行", "한국일보")?
 */
function headsAfter(
  heads: readonly Word[],
  u: Uint16Array,
  n: number,
  me: number,
  latin: boolean,
  /** nothing folded away between the name and what follows ("中国・海警局" is China's coast guard) */
  glued: boolean,
  roles: readonly Word[] = [],
): boolean {
  if (latin) return me + 1 < n && u[me] === SPACE && heads.some((w) => w.start === me + 1);
  if (glued && heads.some((w) => w.start === me)) return true;
  // "韓國進出口銀行", "日本外国特派员协会": an institution's head a few Han or
  // katakana characters on, with no particle between, ends the same name.
  if (glued && me < n && (isHanAt(u, me) || isKatakana(u[me]!))) {
    for (let i = me; i < n && i <= me + INSTITUTION_GAP; i++) {
      if (heads.some((w) => w.id === 1 && w.start === i)) return true;
      if (!(isHanAt(u, i) || isKatakana(u[i]!)) || NOT_IN_A_NAME_UNITS.has(u[i]!)) break;
      // An office between them names a person: "中国外交部长王毅…研究院".
      if (roles.some((w) => w.start === i)) break;
    }
  }
  // Korean glues a name to the organisation's other words: "한국기자협회",
  // "한국갤럽이"; or writes one space: "중국 공산당".
  if (me > 0 && isHangul(u[me - 1]!)) {
    let end = me;
    while (end < n && isHangul(u[end]!)) end++;
    if (heads.some((w) => w.start >= me && w.start < end)) return true;
    // A head after a space is the organisation's only as a word of its own
    // (a particle may follow): "중국 공산당이", but "중국-한국 항공편" (flights)
    // and "한국 대학생" (students) are other words that begin like a head.
    if (me < n && u[me] === SPACE)
      return heads.some((w) => w.start === me + 1 && endsKoreanWord(u, n, w.end));
  }
  return false;
}

/** Particles that begin what may follow a Korean noun in the same word. */
const PARTICLE_STARTS = new Set(
  [...'이가은는을를의와과도에로으만까처보'].map((c) => c.charCodeAt(0)),
);

/** Does a Korean word end at folded position `i`, or go on with a particle? */
const endsKoreanWord = (u: Uint16Array, n: number, i: number) =>
  i >= n || !isHangul(u[i]!) || PARTICLE_STARTS.has(u[i]!);

/** How many characters may stand between a country's name and an institution's head. */
const INSTITUTION_GAP = 10;
const NOT_IN_A_NAME_UNITS = new Set([...NOT_IN_A_NAME].map((c) => c.charCodeAt(0)));

const OF = [SPACE, 111, 102, SPACE]; // " of "

/** "Bank of Korea", "University of Tokyo": a head noun, then "of", then the name. */
function headsBeforeOf(heads: readonly Word[], u: Uint16Array, ms: number): boolean {
  if (ms < 5) return false;
  for (let i = 0; i < 4; i++) if (u[ms - 4 + i] !== OF[i]) return false;
  return heads.some((w) => w.end === ms - 4);
}

/**
 * "「韓国・朝鮮語」", "한국·조선어": a name joined by a dot to another that
 * takes a language suffix shares the suffix: both name the language.
 */
const JOINED_LANGUAGE =
  /^[・･·‧][\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}]{1,4}[語语어]/u;

/**
 * Units that make a language suffix the start of another word: 한국 + 어린이
 * (children), 日本 + 文化 (culture), 中国 + 文学, 文明, 文物, 文献, 文件.
 */
const NOT_A_SUFFIX_AFTER = new Set([...'린化学學明物献獻件'].map((c) => c.charCodeAt(0)));

/** A language suffix right after a country's name (한국어, 日本語, 中文), but not 한국 + 어린이, 日本 + 文化. */
function languageAfter(suffixes: readonly Word[], u: Uint16Array, n: number, me: number): boolean {
  const w = suffixes.find((x) => x.start === me);
  if (!w) return false;
  return !(w.end < n && NOT_A_SUFFIX_AFTER.has(u[w.end]!));
}

const EVENT_TITLE_BEFORE =
  /(?:(?<![0-9])(?:1[89]|20)[0-9]{2}(?:\s?[~〜–-]\s?(?:1[89]|20)?[0-9]{2})?|제\s?[0-9]+\s?회|第[0-9一二三四五六七八九十百]+[回届屆])\s?$/u;

/** "日韓国交", "中韓國防": the 国 of the name begins the word after a pair of abbreviations (lexicon.ts). */
function pairBeforeStateWord(text: string, start: number, end: number): boolean {
  return (
    end - start === 2 &&
    start > 0 &&
    COUNTRY_INITIALS.includes(text[start - 1]!) &&
    STATE_WORDS.has(text.slice(end - 1, end + 1))
  );
}

/**
 * "LOVE YOURSELF JAPAN EDITION", "AROUND JAPAN", "ハリルJAPAN": a country's
 * English name in capitals. Amid Korean, Japanese or Chinese text it is a
 * title, a brand or a team's name, which such text sets in Latin capitals;
 * the country itself it writes in its own script.
 */
function inCapitalsWord(text: string, start: number, end: number): boolean {
  // Abbreviations are written in capitals anyway: "USA", "U.S.", "PRC", "DPRK".
  const name = text.slice(start, end);
  return !name.includes('.') && CAPS_NAME.test(name.replace(/\s/g, ''));
}

/** A name of five letters or more, all capitals. */
const CAPS_NAME = /^\p{Lu}{5,}$/u;

/** A word of Korean, Japanese or Chinese (two characters). */
const CJK_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2}/u;

const LATIN_WORD_BEFORE = /(\p{L}+)[ \u00a0]$/u;

/**
 * "환영주간(Korea Welcome Week)", "MASGA·Make America Shipbuilding Great
 * Again", "Newsfrom Japan": a country's English name beside another
 * capitalised English word (not an office: "U.S. President"; not a
 * preposition: "From China") is, amid Korean, Japanese or Chinese, a word of
 * an English title or name. "System in Korea" stays the country.
 */
function besideCapitalised(
  text: string,
  u: Uint16Array,
  offs: Int32Array,
  n: number,
  r: Raw,
  roles: readonly Word[],
): boolean {
  if (followedByCapital(text, u, offs, n, r.me) && !roles.some((w) => w.start === r.me + 1))
    return true;
  const before = LATIN_WORD_BEFORE.exec(text.slice(Math.max(0, r.start - 30), r.start))?.[1];
  return (
    before !== undefined &&
    isUpperUnit(before.charCodeAt(0)) &&
    !MINOR_WORDS.has(before.toLowerCase()) &&
    !roles.some((w) => w.end === r.ms - 1)
  );
}

const OF_ORGANISATION = /^\s+of\s+(?:the\s+)?\p{Lu}/u;

/**
 * "President Lee of the Rotary Club", "Chairman Lee of Samsung": an office
 * followed by "of" and a name that is not one of the pack's places, so the
 * office (and the person) belong to that organisation.
 */
function ofAnOrganisation(text: string, end: number, chosen: readonly Raw[]): boolean {
  const m = OF_ORGANISATION.exec(text.slice(end, end + 16));
  if (!m) return false;
  const at = end + m[0].length - 1;
  return !chosen.some((c) => c.start === at);
}

const CAPS = /^\p{Lu}{2,}$/u;

/**
 * "CONTACT US", "ABOUT US", "JOIN US": in a run of capitals, a short name that
 * is also a common word ends it after a verb or preposition, so it is that
 * word. "THE US" and "US TARIFFS" stay the country.
 */
function pronounInCapitals(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (!CAPITALS_WORDS.has(word.toLowerCase()) || !CAPS.test(word)) return false;
  const before = /(\p{L}+)[ \t\u00a0]+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  if (!before || !CAPS.test(before) || before === 'THE') return false;
  const after = /^[ \t\u00a0]+(\p{L}+)/u.exec(text.slice(end, end + 30))?.[1];
  return !after || !CAPS.test(after);
}

/**
 * Drops candidates that overlap an exclusion or namesake of their own entity
 * ("Lee" in "Lee Kuan Yew", "高市" in "高市郡"), unless the candidate is
 * longer and contains it: "People's Republic of China" survives the
 * exclusion "Republic of China" that its shorter "China" does not.
 */
function cancelExcluded(cands: Raw[], spans: readonly Span[]): Raw[] {
  if (spans.length === 0) return cands;
  return cands.filter(
    (c) =>
      !spans.some(
        (x) =>
          x.entity === c.entity &&
          x.start < c.end &&
          c.start < x.end &&
          !(c.start <= x.start && x.end <= c.end && c.end - c.start > x.end - x.start),
      ),
  );
}

const byStart = (a: Raw, b: Raw) => a.start - b.start || b.weight - a.weight;
/**
 * The longer mention wins, then the longer pattern: "President Xi Jinping" is
 * the full name (its title read as context), not the titled "President Xi";
 * "高市首相" is the titled form of the same "高市".
 */
const byWeight = (a: Raw, b: Raw) =>
  b.end - b.start - (a.end - a.start) || b.weight - a.weight || a.start - b.start;
const overlap = (a: Raw, b: Raw) => a.start < b.end && b.start < a.end;

/**
 * Non-overlapping candidates, the longest first within each cluster of
 * overlapping ones (a cluster is a run whose spans chain together), in order
 * of start.
 */
function pickLongest(cands: Raw[]): Raw[] {
  cands.sort(byStart);
  const out: Raw[] = [];
  let i = 0;
  while (i < cands.length) {
    let end = cands[i]!.end;
    let j = i + 1;
    while (j < cands.length && cands[j]!.start < end) end = Math.max(end, cands[j++]!.end);
    if (j === i + 1) out.push(cands[i]!);
    else {
      const kept: Raw[] = [];
      for (const c of cands.slice(i, j).sort(byWeight))
        if (!kept.some((k) => overlap(k, c))) kept.push(c);
      out.push(...kept.sort(byStart));
    }
    i = j;
  }
  return out;
}

/**
 * Is the surname at folded [fs, me) written in capitals, and the word after it
 * too? An all-capitals headline ("TRUMP, XI AGREE ON TARIFFS") capitalises
 * every word, so the next one is no given name; full names in capitals are
 * longer matches ("XI JINPING") or exclusions ("LEE KUAN YEW") anyway.
 */
function inCapitals(text: string, offs: Int32Array, fs: number, me: number, n: number): boolean {
  const start = offs[fs]!;
  const end = offs[me - 1]! + 1;
  if (me >= n || !CAPS_WORD.test(text.slice(start, end))) return false;
  const after = WORD_AFTER.exec(text.slice(end, end + 40))?.[1];
  return after !== undefined && CAPS_WORD.test(after);
}

/** Is folded position `i` a space followed by a capitalised Latin word? */
function followedByCapital(
  text: string,
  u: Uint16Array,
  offs: Int32Array,
  n: number,
  i: number,
): boolean {
  return (
    i + 1 < n &&
    u[i] === SPACE &&
    isWordUnit(u[i + 1]!) &&
    isUpperUnit(text.charCodeAt(offs[i + 1]!))
  );
}

/**
 * Is the word ending before folded position `fs` a capitalised given name in
 * the middle of a sentence: "director Ang Lee", "actress Sheryl Lee"? Then a
 * bare surname at `fs` is that person's (one given name only: "Min Jin Lee"
 * is left alone). The word before the given name must be a lower-case word,
 * so a sentence start ("When Lee…"), a title-case headline ("Seoul Hosts
 * Xi") or a place ("In Seoul Lee…") does not count.
 */
function precededByGivenName(text: string, u: Uint16Array, offs: Int32Array, fs: number): boolean {
  if (fs < 4 || u[fs - 1] !== SPACE) return false;
  const ge = fs - 1;
  let gs = ge;
  while (gs > 0 && isWordUnit(u[gs - 1]!)) gs--;
  if (ge - gs < 2 || !isUpperUnit(text.charCodeAt(offs[gs]!))) return false;
  for (let i = gs + 1; i < ge; i++) if (isUpperUnit(text.charCodeAt(offs[i]!))) return false;
  if (gs < 2 || u[gs - 1] !== SPACE) return false;
  let ws = gs - 1;
  while (ws > 0 && isWordUnit(u[ws - 1]!)) ws--;
  if (ws === gs - 1) return false;
  const first = text.charCodeAt(offs[ws]!);
  return !isUpperUnit(first) && !(first >= 48 && first <= 57);
}

const CAPS_WORD = /^\p{Lu}{2,}$/u;
const WORD_BEFORE = /(\p{L}+)[^\p{L}\n]{1,3}$/u;
const WORD_AFTER = /^[^\p{L}\n]{1,3}(\p{L}+)/u;

/**
 * Is a bare surname written in capitals ("XI") among words that are not?
 * In an all-capitals headline ("TRUMP, XI AGREE") a neighbour is in capitals
 * too; alone, "XI" is a Roman numeral ("Super Bowl XI") or a team ("the
 * Chinese XI"), not the surname "Xi".
 */
function shoutedAlone(text: string, start: number, end: number): boolean {
  // Most bare surnames are "Lee", "Xi": the second letter settles it.
  if (end - start < 2 || !isUpperUnit(text.charCodeAt(start + 1))) return false;
  if (!CAPS_WORD.test(text.slice(start, end))) return false;
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const after = WORD_AFTER.exec(text.slice(end, end + 40))?.[1];
  return !(before && CAPS_WORD.test(before)) && !(after && CAPS_WORD.test(after));
}
