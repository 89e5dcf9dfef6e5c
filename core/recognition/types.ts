/**
 * The public shapes of the recognition core. `index.ts` re-exports them; they
 * live here so the implementation files can import them without a cycle.
 */
import type { EntitySource } from '../pack/types';

export interface Mention {
  entityId: string;
  /** UTF-16 offsets into the text given to `find` */
  start: number;
  end: number;
  /** text.slice(start, end) */
  text: string;
}

/**
 * What a document has said so far, for the rule that an ambiguous alias
 * (a bare "Lee") counts only once the document has named the entity in full.
 * One per document (page, article); pass the same object for each block in
 * document order.
 */
export interface DocumentState {
  namedInFull: Set<string>;
  /**
   * Entities whose surname the document has given to somebody else ("Lee
   * Myung-bak", "李明博", "이재용") before naming the entity in full: a
   * surname with a title ("President Lee", "李大統領", "이 대통령") is then
   * that other person's. Optional, so a state written as `{ namedInFull }`
   * still works; `find` adds it when missing.
   */
  namedOther?: Set<string>;
}

/** The fields of an entity the matcher needs (a pack sends only these to pages). */
export type MatchableEntity = Pick<
  EntitySource,
  'id' | 'aliases' | 'ambiguous' | 'titled' | 'exclusions'
>;

export interface Matcher {
  /** every mention in `text`, sorted by start, never overlapping */
  find(text: string, state?: DocumentState): Mention[];
}
