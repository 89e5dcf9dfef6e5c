/**
 * Whether a briefing is of another time than the page it is read on: a page
 * from before the earliest article the card cites (a 2016 page, a briefing
 * of 2025), or from long after the latest. Pure; dates are ISO days.
 */

/** A page this long after the briefing's latest article is read with a note. */
export const STALE_AFTER_DAYS = 365;

export type Freshness =
  | { kind: 'older'; pageDate: string; from: string }
  | { kind: 'newer'; pageDate: string; to: string }
  | null;

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** What the card should say about `pageDate` against the dates of the articles it cites. */
export function freshnessOf(pageDate: string | null, articleDates: string[]): Freshness {
  const dates = articleDates.filter((d) => Number.isFinite(day(d))).sort();
  if (!pageDate || !Number.isFinite(day(pageDate)) || !dates.length) return null;
  const from = dates[0]!;
  const to = dates.at(-1)!;
  if (day(pageDate) < day(from)) return { kind: 'older', pageDate, from };
  if (day(pageDate) - day(to) > STALE_AFTER_DAYS * DAY_MS) return { kind: 'newer', pageDate, to };
  return null;
}
