/** Shared by the recognition tests: the bundled matcher, and checked `find` and `document`. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { linkDocument, type Matcher, type Mention } from '../../../core/recognition';
import { bundledMatcher, loadEntities } from '../../support/expected';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const entities = loadEntities();

/** The matcher the extension runs with the bundled pack (related entities from its briefings). */
export const bundled = bundledMatcher();

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

const readable = (mentions: readonly Mention[]) => mentions.map((m) => `${m.entityId}:${m.text}`);

/** `find` (one block, a document of its own) with the invariants checked, as "entity-id:text". */
export function found(text: string, matcher: Matcher = bundled): string[] {
  const mentions = matcher.find(text);
  checkMentions(text, mentions);
  return readable(mentions);
}

/** The blocks of one document decided together: per block, "entity-id:text". */
export function document(blocks: readonly string[], matcher: Matcher = bundled): string[][] {
  return linkDocument(matcher, blocks).map((mentions, i) => {
    checkMentions(blocks[i]!, mentions);
    return readable(mentions);
  });
}

/**
 * A block that names the bundled people in full, and the 2025 summit, in
 * each language: the page around a sentence whose titled forms and generic
 * names need the document's evidence ("President Xi", "習主席", "APEC峰会").
 */
export const PAGE_NAMING_THEM = {
  en: 'Sanae Takaichi, Lee Jae-myung, Xi Jinping, Wang Yi, Toshimitsu Motegi and Donald Trump met at the 2025 APEC summit in Gyeongju.',
  ko: '다카이치 사나에, 이재명, 시진핑, 왕이, 모테기 도시미쓰, 도널드 트럼프가 2025년 경주 APEC 정상회의에서 만났다.',
  ja: '高市早苗、李在明、習近平、王毅、茂木敏充、ドナルド・トランプが2025年の慶州APEC首脳会議で会った。',
  zh: '高市早苗、李在明、习近平、王毅、茂木敏充、唐纳德·特朗普在2025年庆州APEC峰会上会面，讨论朝鲜核问题。',
} as const;

/** The mentions of `text` on a page whose other block names them all (PAGE_NAMING_THEM). */
export function onTheirPage(lang: keyof typeof PAGE_NAMING_THEM, text: string): string[] {
  return document([PAGE_NAMING_THEM[lang], text])[1]!;
}
