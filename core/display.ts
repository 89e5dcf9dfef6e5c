/** Choosing what to show a reader from multilingual data. Pure. */
import type { MessageKey } from './messages';
import type { EntityKind, Language, PerLanguage } from './pack/types';

/** UI language ("ko", "ja", "zh-TW", …) → the data language to prefer. */
export function dataLanguage(uiLanguage: string): Language {
  const lang = uiLanguage.toLowerCase();
  if (lang.startsWith('ko')) return 'ko';
  if (lang.startsWith('ja')) return 'ja';
  if (lang === 'zh-tw' || lang === 'zh-hk' || lang.startsWith('zh-hant')) return 'zh-Hant';
  if (lang.startsWith('zh')) return 'zh-Hans';
  return 'en';
}

export function displayName(
  entity: { name: string; names?: PerLanguage<string> },
  uiLanguage: string,
): string {
  return entity.names?.[dataLanguage(uiLanguage)] ?? entity.name;
}

/** i18n message key for an entity kind. */
export function kindKey(kind: EntityKind): `kind_${EntityKind}` & MessageKey {
  return `kind_${kind}`;
}

/** "2025-10-28" → a short localised date, without time-zone surprises. */
export function formatDate(iso: string, uiLanguage: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(uiLanguage, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * A URL component decoded, or null when it is malformed ("%E0%A4%A"), which
 * decodeURIComponent() would throw on: a page's address is anyone's to type.
 */
export function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The article page's hash for a cited sentence: "pack/article/start-end" (ArticlePage's parseArticleHash reads it). */
export function articleHash(
  packId: string,
  source: { articleId: string; start: number; end: number },
): string {
  return `${encodeURIComponent(packId)}/${encodeURIComponent(source.articleId)}/${source.start}-${source.end}`;
}
