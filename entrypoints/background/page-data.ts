/**
 * The data every page's content script receives (MatcherData): the entities
 * of the packs in use and their matcher, compiled here once per data version.
 * Its size is what each page pays (the message, then setting up the matcher)
 * and is bounded: Chromium refuses extension messages over 64 MiB, and far
 * below that every tab already spends seconds and hundreds of MB on it, so a
 * pack that would take the data past MAX_PAGE_DATA_CHARS is refused at import.
 */
import { compileForPages, type CompiledMatcher } from '../../core/recognition';
import type { PackMeta } from '../../core/views';
import { mergeMatchable } from '../../lib/db/merge';
import type { MatchableRecords } from '../../lib/db/queries';
import type { PageEntity } from '../../lib/messaging/protocol';

/**
 * At most this many characters of JSON (≈ bytes: the matcher is numbers) per
 * page. About 20,000 entities with a few aliases each; a third of the browser's limit.
 */
export const MAX_PAGE_DATA_CHARS = 20 * 1024 * 1024;

/** The page data without its topics (which are small and read separately). */
export interface PreparedPageData {
  entities: PageEntity[];
  matcher: CompiledMatcher;
}

export function preparePageData(records: MatchableRecords): PreparedPageData {
  const merged = mergeMatchable(records.entities, records.briefings);
  return {
    entities: merged.map(({ id, kind, name, names, topics }) => ({
      id,
      kind,
      name,
      names,
      topics,
    })),
    // Once per data version here, instead of on every page load.
    matcher: compileForPages(merged),
  };
}

/** The size a page receives it at: Chromium sends extension messages as JSON. */
export function pageDataChars(data: PreparedPageData): number {
  return JSON.stringify(data).length;
}

const mb = (chars: number) => `${(chars / (1024 * 1024)).toFixed(1)} MB`;

/** Why `data` is too large for pages, or null when it is not. */
export function tooLargeForPages(
  data: PreparedPageData,
  max: number = MAX_PAGE_DATA_CHARS,
): string | null {
  const chars = pageDataChars(data);
  if (chars <= max) return null;
  return (
    `with this pack, the names every page receives would come to about ${mb(chars)}, ` +
    `more than the ${mb(max)} a page can take in (the browser caps what an ` +
    'extension may send a page, and every tab would pay for it in time and memory). ' +
    'Split it into smaller packs, or give its entries fewer aliases.'
  );
}

/**
 * Changes whenever the packs in use change, so pages drop what they cached
 * (an installed version is never replaced by itself: see lib/db/import.ts).
 */
export function dataVersionOf(packs: PackMeta[]): string {
  return packs
    .filter((p) => !p.disabled)
    .map((p) => `${p.id}@${p.version}`)
    .join(',');
}
