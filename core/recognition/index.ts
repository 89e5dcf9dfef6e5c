/**
 * Public API of the recognition core. TEMPORARY naive implementation: the
 * recognition helper replaces the internals; the exported names and shapes
 * stay as they are.
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
}

export function createDocumentState(): DocumentState {
  return { namedInFull: new Set() };
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

export function compileMatcher(entities: readonly MatchableEntity[]): Matcher {
  const table: Array<[string, string]> = [];
  for (const e of entities)
    for (const list of Object.values(e.aliases)) for (const a of list ?? []) table.push([a, e.id]);
  table.sort((a, b) => b[0].length - a[0].length);
  return {
    find(text) {
      const found: Mention[] = [];
      const taken = new Uint8Array(text.length);
      for (const [alias, entityId] of table) {
        let i = text.indexOf(alias);
        while (i >= 0) {
          if (!taken.subarray(i, i + alias.length).some((x) => x)) {
            taken.fill(1, i, i + alias.length);
            found.push({ entityId, start: i, end: i + alias.length, text: alias });
          }
          i = text.indexOf(alias, i + 1);
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
