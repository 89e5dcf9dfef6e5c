/**
 * The date of an event entity, read from a sentence that names the event with
 * a date right after it ("the APEC summit scheduled for October 31, 2025").
 *
 * Why: news pieces date an event once and then just name it ("Trump … may be
 * discussed at this APEC summit"). A sentence that names a dated event is
 * placed on the timeline at the event's date, with the event's words as its
 * date text, so a person who is only mentioned around the event still gets a
 * timeline whose every line is a verbatim sentence.
 */
import type { ScannedArticle } from './scan';
import type { EntitySource } from './types';

/** How far a date may follow the event's name ("… summit scheduled for October 31"). */
const MAX_GAP_CHARS = 40;

/** entity id → ISO date, for event entities dated unambiguously by the articles. */
export function findEventDates(
  scanned: readonly ScannedArticle[],
  entities: readonly EntitySource[],
): Map<string, string> {
  const events = new Set(entities.filter((e) => e.kind === 'event').map((e) => e.id));
  const votes = new Map<string, Map<string, number>>();
  for (const { sentences } of scanned)
    for (const s of sentences) {
      s.mentions.forEach((m, i) => {
        if (!events.has(m.entityId)) return;
        const nextMention = s.mentions[i + 1]?.start ?? Infinity;
        // The first date after the name, close to it, with no other name in between.
        const d = s.dates.find((x) => x.start >= m.end);
        if (!d || d.start - m.end > MAX_GAP_CHARS || d.start > nextMention) return;
        const perDate = votes.get(m.entityId) ?? new Map<string, number>();
        perDate.set(d.date, (perDate.get(d.date) ?? 0) + 1);
        votes.set(m.entityId, perDate);
      });
    }
  const out = new Map<string, string>();
  for (const [id, perDate] of votes) {
    // Two different dates for one event (a summit postponed, two summits): date neither.
    if (perDate.size === 1) out.set(id, [...perDate.keys()][0]!);
  }
  return out;
}
