/**
 * The public shapes of the recognition core. `index.ts` re-exports them; they
 * live here so the implementation files can import them without a cycle.
 */
import type { EntitySource } from '../pack/types';
import type { LinkerTable } from './linker';

export interface Mention {
  entityId: string;
  /** UTF-16 offsets into the text given to `find` */
  start: number;
  end: number;
  /** text.slice(start, end) */
  text: string;
}

/** The fields of an entity the matcher needs (a pack sends only these to pages). */
export type MatchableEntity = Pick<
  EntitySource,
  | 'id'
  | 'aliases'
  | 'ambiguous'
  | 'titled'
  | 'titles'
  | 'cues'
  | 'exclusions'
  | 'namesakes'
  | 'since'
> & {
  /** what it is; people's shorter names, titles and namesakes are read as such (default: topic) */
  kind?: EntitySource['kind'];
  /**
   * Ids of the entities the pack's articles name it with, the strongest
   * first (the briefings' `related`): on a page, they point to it.
   */
  related?: readonly string[];
};

/** What a form of a name is, for deciding it (linker.ts). */
export const FORM_FULL = 0;
export const FORM_SHORT = 1;
export const FORM_AMBIGUOUS = 2;
export const FORM_TITLED = 3;
export const FORM_TITLED_WEAK = 4;

/** A possible mention found in one block, before the document decides it. */
export interface Candidate {
  /** index of the entity in the matcher's table */
  entity: number;
  /** the mention, in UTF-16 offsets of the block */
  start: number;
  end: number;
  /** one of the FORM_ constants */
  form: number;
  /**
   * +1 when written with one of the entity's own titles ("Foreign Minister
   * Wang Yi", "高市首相"), -1 with somebody else's ("Pastor Wang Yi",
   * "Chairman Lee"), 0 without a title
   */
  role: number;
  /** the title's role id, -1 without one: the same office held by two names tells them apart */
  roleId: number;
  /** a Korean 이 + title, which may be "this" + title */
  demonstrative: boolean;
  /**
   * The index (in the block's candidates) of the longer candidate this one
   * lies in: it is a mention only if that one is not ("APEC" in a "APEC
   * summit" of another year)
   */
  fallbackOf?: number;
  /** written in Korean, Japanese or Chinese script: the page's language is read from these */
  cjk?: boolean;
  /**
   * A country's English name in capitals or beside another capitalised
   * English word, in a block without Korean, Japanese or Chinese ("AROUND
   * JAPAN", "Newsfrom Japan"): a title or a name where the page is in one of
   * them (linker.ts), the country where it is in English.
   */
  latinTitle?: boolean;
  /**
   * The hashes of the Korean noun phrases this candidate begins (a country)
   * or ends (a generic name of a topic): where the page quotes one of them
   * as a title, it is that title here too (linker.ts).
   */
  phraseKeys?: number[];
}

/**
 * Evidence a block gives about the whole document, beside its candidates:
 * a namesake of an entity seen at `start` (`competitor`), a cue of an entity
 * (`cue`, keyed so that a word counts once), or a word of an unrelated domain.
 */
export interface Signal {
  /**
   * 'title': a quoted Korean title that holds a name of the entity and is
   * the name of something else ("‘한국 아트라스비엑스 모터스포츠’"); `key` is
   * its hash (matcher.ts titleKey), which candidates elsewhere compare.
   */
  type: 'competitor' | 'cue' | 'domain' | 'title';
  /** the entity (competitor, cue) or the domain */
  id: number;
  start: number;
  /** what makes the signal distinct (the pattern), so that a repeated word counts once */
  key: number;
  /** a competitor that goes by the entity's full name too ("Pastor Wang Yi") */
  full?: boolean;
  /**
   * A competitor's office where it is named ("director Lee Jong-seok"): -1
   * for none, -2 for a former holder of an office (who claims none)
   */
  roleId?: number;
}

/** What the matcher finds in one block. */
export interface BlockScan {
  candidates: Candidate[];
  signals: Signal[];
}

export interface Matcher {
  /** the candidates and evidence of one block of text */
  scan(text: string): BlockScan;
  /** the entities' ids, by index */
  readonly entityIds: readonly string[];
  /** what a DocumentLinker needs to decide this matcher's candidates */
  readonly table: LinkerTable;
  /** every mention in `text` decided as a document of its own: sorted by start, never overlapping */
  find(text: string): Mention[];
}
