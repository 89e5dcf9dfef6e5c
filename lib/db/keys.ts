/**
 * Keys for looking things up: the normalised alias keys behind prefix search,
 * and the key range that selects one pack's records in a store keyed
 * [packId, id].
 */
import type { EntitySource, PerLanguage } from '../../core/pack/types';

/**
 * NFKC folds full-width Latin ("Ｍｏｔｅｇｉ") and half-width kana into their
 * usual forms and composes Hangul jamo into syllables, so what a reader types
 * matches what a pack wrote. Katakana is folded to hiragana because a
 * Japanese IME shows hiragana until the reader converts, and a prefix search
 * runs while they type.
 */
export function normaliseSearchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/\s+/gu, ' ')
    .trim();
}

function valuesOf(list: PerLanguage<string[]> | undefined): string[] {
  return list ? Object.values(list).flatMap((forms) => forms ?? []) : [];
}

/**
 * Every form a reader might search an entity by: its canonical name, display
 * names, aliases and ambiguous forms ("Motegi" alone is a fine search even
 * though it is not a safe mention). Titled forms ("이", "王") are left out: on
 * their own they name hundreds of people.
 */
export function searchFormsOf(entity: EntitySource): string[] {
  return [
    entity.name,
    ...Object.values(entity.names ?? {}),
    ...valuesOf(entity.aliases),
    ...valuesOf(entity.ambiguous),
  ];
}

/** Distinct normalised search keys of an entity, for the multiEntry `by-alias` index. */
export function aliasKeysOf(entity: EntitySource): string[] {
  const keys = new Set<string>();
  for (const form of searchFormsOf(entity)) {
    const key = normaliseSearchKey(form);
    if (key) keys.add(key);
  }
  return [...keys];
}

/**
 * All keys [packId, *] of one pack. Arrays sort after every string in
 * IndexedDB's key order, so [packId, []] is above any [packId, id].
 */
export function packKeyRange(packId: string): IDBKeyRange {
  return IDBKeyRange.bound([packId], [packId, []]);
}

/** All keys that start with `prefix` (UTF-16 code-unit order, as IndexedDB compares). */
export function prefixKeyRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, prefix + '\uffff');
}
