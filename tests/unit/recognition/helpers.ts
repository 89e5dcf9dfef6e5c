/** Shared by the recognition tests: the bundled entities, and a checked `find`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { EntitySource } from '../../../core/pack/types';
import {
  compileMatcher,
  createDocumentState,
  type DocumentState,
  type Matcher,
  type Mention,
} from '../../../core/recognition';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const entities = JSON.parse(
  readFileSync(path.join(repoRoot, 'data/entities.json'), 'utf8'),
) as EntitySource[];

export const bundled = compileMatcher(entities);

/** The invariants every result must keep, whatever the input. */
export function checkMentions(text: string, mentions: readonly Mention[]): void {
  let end = 0;
  for (const m of mentions) {
    expect(m.text).toBe(text.slice(m.start, m.end));
    expect(m.start).toBeGreaterThanOrEqual(end);
    expect(m.end).toBeGreaterThan(m.start);
    end = m.end;
  }
}

/** `find` with the invariants checked, as "entity-id:text" strings for readable tables. */
export function found(
  text: string,
  state: DocumentState = createDocumentState(),
  matcher: Matcher = bundled,
): string[] {
  const mentions = matcher.find(text, state);
  checkMentions(text, mentions);
  return mentions.map((m) => `${m.entityId}:${m.text}`);
}
