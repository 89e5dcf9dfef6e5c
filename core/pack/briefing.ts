/**
 * One entity's briefing, built from the scanned sentences: its role, its
 * facts (the sentences that mention it, best first), its timeline (the dated
 * ones), the entities named alongside it and the articles that name it.
 * Every line is a sentence of an article, verbatim, with its offsets.
 */
import { pickRole, roleBefore, type RoleCandidate } from './roles';
import type { ScannedArticle, ScannedSentence } from './scan';
import type { Briefing, EntitySource, Fact, Role, SourceRef, TimelineEntry } from './types';

/** A card shows a handful; the full briefing page a few more. Beyond this they repeat. */
export const MAX_FACTS = 40;

/**
 * Fact ranking weights. Scores are relative: they only order one entity's facts.
 * - a sentence naming the entity several times is about it (capped: lists repeat names);
 * - news puts what matters first, so earlier sentences of an article rank higher;
 * - a sentence with other names and dates says more (who, when);
 * - a sentence that names the entity near its start has it as subject;
 * - very short sentences rarely stand alone on a card, very long ones read poorly.
 */
export const SCORE = {
  perMention: 3,
  maxMentions: 3,
  position: 2,
  perOtherEntity: 1,
  maxOtherEntities: 4,
  perDate: 1.5,
  maxDates: 2,
  subjectWithinChars: 40,
  subject: 1,
  shortChars: 60,
  shortPenalty: 3,
  briefChars: 100,
  briefPenalty: 1,
  longChars: 350,
  longPenalty: 1,
  /** a story sentence (see STORY_ANAPHOR) ranks below the sentences that name the entity */
  storyPenalty: 3,
} as const;

/**
 * Story sentences: in an article whose title names the entity, the sentences
 * right after one that names it and that refer back to it ("This diplomatic
 * move…", "…this call could mark a thawing…") continue its story, though they
 * do not repeat the name. They become facts (ranked lower), not mentions: no
 * timeline entries, no related entities. Up to MAX_STORY_STEPS sentences on.
 */
const STORY_ANAPHOR =
  /\b(?:this|these|those|such|he|she|his|her|him|the (?:call|visit|meeting|talks|remarks|move|proposal|trip))\b/i;
const MAX_STORY_STEPS = 2;

export interface BriefingContext {
  /** entity id → the sentences about it (see indexSentences); absent when it is never named */
  sentences: ReadonlyMap<string, EntitySentences>;
  /** entity id → position in the pack, for stable ordering of related entities */
  entityOrder: ReadonlyMap<string, number>;
  /** event entity id → ISO date (see event-dates.ts) */
  eventDates: ReadonlyMap<string, string>;
}

/** One entity's sentences, each in pack order (article, then position in the article). */
export interface EntitySentences {
  /** the sentences that name the entity, each once */
  named: ScannedSentence[];
  /** its story sentences (see STORY_ANAPHOR), each once */
  story: ScannedSentence[];
}

/**
 * Every sentence filed under the entities it concerns, in one pass over the
 * pack. Why: looking each entity's sentences up by scanning the whole pack
 * made compilation O(entities × sentences) — minutes for 10,000 of each.
 * The lists keep pack order, which is the order the briefing's ties and
 * first-seen rules depend on.
 */
export function indexSentences(scanned: readonly ScannedArticle[]): Map<string, EntitySentences> {
  const index = new Map<string, EntitySentences>();
  const entry = (id: string): EntitySentences => {
    let e = index.get(id);
    if (!e) index.set(id, (e = { named: [], story: [] }));
    return e;
  };
  for (const { sentences, titleEntities } of scanned) {
    // A sentence naming an entity twice is still one sentence about it.
    for (const s of sentences)
      for (const id of new Set(s.mentions.map((m) => m.entityId))) entry(id).named.push(s);
    for (const id of titleEntities) {
      const story = storySentences(id, sentences);
      if (story.length > 0) entry(id).story.push(...story);
    }
  }
  return index;
}

const NONE: EntitySentences = { named: [], story: [] };

export function buildBriefing(entity: EntitySource, ctx: BriefingContext): Briefing {
  const { named: sentences, story } = ctx.sentences.get(entity.id) ?? NONE;
  const perArticle = new Map<string, { count: number; order: number }>();
  let mentionCount = 0;
  for (const s of sentences) {
    let own = 0;
    for (const m of s.mentions) if (m.entityId === entity.id) own++;
    mentionCount += own;
    const a = perArticle.get(s.articleId) ?? { count: 0, order: s.articleIndex };
    a.count += own;
    perArticle.set(s.articleId, a);
  }

  const briefing: Briefing = {
    entityId: entity.id,
    facts: buildFacts(entity.id, sentences, story),
    timeline: buildTimeline(entity.id, sentences, ctx.eventDates),
    related: buildRelated(entity.id, sentences, ctx.entityOrder),
    articles: [...perArticle.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[1].order - b[1].order)
      .map(([id]) => id),
    mentionCount,
  };
  const role = entity.kind === 'person' ? buildRole(entity.id, sentences) : undefined;
  // Key order matters for byte-identical output: role right after entityId.
  if (!role) return briefing;
  const { entityId, ...rest } = briefing;
  return { entityId, role, ...rest };
}

function ref(s: ScannedSentence): SourceRef {
  return { articleId: s.articleId, start: s.start, end: s.end };
}

function buildRole(entityId: string, sentences: readonly ScannedSentence[]): Role | undefined {
  const found = new Map<string, RoleCandidate & { source: SourceRef }>();
  let seen = 0;
  for (const s of sentences)
    for (const m of s.mentions) {
      if (m.entityId !== entityId) continue;
      const r = roleBefore(s.text, m.start);
      if (!r) continue;
      const c = found.get(r.text);
      if (c) c.count++;
      else found.set(r.text, { text: r.text, count: 1, firstSeen: seen++, source: ref(s) });
    }
  const best = pickRole(found.values());
  return best ? { text: best.text, source: found.get(best.text)!.source } : undefined;
}

export function scoreFact(entityId: string, s: ScannedSentence): number {
  const own = s.mentions.filter((m) => m.entityId === entityId);
  const others = new Set(s.mentions.filter((m) => m.entityId !== entityId).map((m) => m.entityId));
  const len = s.text.length;
  let score =
    SCORE.perMention * Math.min(own.length, SCORE.maxMentions) +
    SCORE.position * (1 - s.index / Math.max(s.count, 1)) +
    SCORE.perOtherEntity * Math.min(others.size, SCORE.maxOtherEntities) +
    SCORE.perDate * Math.min(s.dates.length, SCORE.maxDates);
  if ((own[0]?.start ?? Infinity) < SCORE.subjectWithinChars) score += SCORE.subject;
  if (len < SCORE.shortChars) score -= SCORE.shortPenalty;
  else if (len < SCORE.briefChars) score -= SCORE.briefPenalty;
  if (len > SCORE.longChars) score -= SCORE.longPenalty;
  // Rounded so the compiled JSON does not depend on floating-point noise.
  return Math.round(score * 1000) / 1000;
}

/** The story sentences for `entityId` in one article whose title names it, in article order. */
function storySentences(
  entityId: string,
  sentences: readonly ScannedSentence[],
): ScannedSentence[] {
  const out = new Set<ScannedSentence>();
  const names = (s: ScannedSentence) => s.mentions.some((m) => m.entityId === entityId);
  sentences.forEach((s, k) => {
    if (!names(s)) return;
    for (let j = k + 1; j <= k + MAX_STORY_STEPS && j < sentences.length; j++) {
      const next = sentences[j]!;
      if (names(next) || !STORY_ANAPHOR.test(next.text)) break;
      out.add(next);
    }
  });
  return [...out];
}

function buildFacts(
  entityId: string,
  sentences: readonly ScannedSentence[],
  story: readonly ScannedSentence[],
): Fact[] {
  const ranked = [
    ...sentences.map((s) => ({ s, score: scoreFact(entityId, s) })),
    ...story.map((s) => ({
      s,
      score: Math.round((scoreFact(entityId, s) - SCORE.storyPenalty) * 1000) / 1000,
    })),
  ].sort(
    (a, b) => b.score - a.score || a.s.articleIndex - b.s.articleIndex || a.s.start - b.s.start,
  );
  // The same sentence in two articles (a series repeats itself) is one fact: keep the best-ranked.
  const seen = new Set<string>();
  const facts: Fact[] = [];
  for (const { s, score } of ranked) {
    const key = s.text.replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    facts.push({ text: s.text, source: ref(s), score });
    if (facts.length === MAX_FACTS) break;
  }
  return facts;
}

function buildTimeline(
  entityId: string,
  sentences: readonly ScannedSentence[],
  eventDates: ReadonlyMap<string, string>,
): TimelineEntry[] {
  const entries: Array<{ entry: TimelineEntry; order: number }> = [];
  for (const s of sentences) {
    const dated = s.dates.map((d) => ({ date: d.date, dateText: d.text }));
    if (dated.length === 0) {
      // No date of its own: the date of an event it names (not the entity itself).
      const ev = s.mentions.find((m) => m.entityId !== entityId && eventDates.has(m.entityId));
      if (ev) dated.push({ date: eventDates.get(ev.entityId)!, dateText: ev.text });
    }
    const order = s.articleIndex * 1e7 + s.start;
    for (const d of dated) entries.push({ entry: { ...d, text: s.text, source: ref(s) }, order });
  }
  entries.sort((a, b) =>
    a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.order - b.order,
  );
  const seen = new Set<string>();
  const out: TimelineEntry[] = [];
  for (const { entry } of entries) {
    const key = `${entry.date}\u0000${entry.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(entry);
  }
  return out;
}

/**
 * Each entity's related entities (as its briefing lists them), from one scan
 * of the pack: what the recognition core reads as evidence when the pack is
 * compiled again with them (compile.ts).
 */
export function relatedByEntity(
  entities: readonly Pick<EntitySource, 'id'>[],
  scanned: readonly ScannedArticle[],
): Array<Pick<Briefing, 'entityId' | 'related'>> {
  const index = indexSentences(scanned);
  const order = new Map(entities.map((e, i) => [e.id, i]));
  return entities.map((e) => ({
    entityId: e.id,
    related: buildRelated(e.id, index.get(e.id)?.named ?? [], order),
  }));
}

function buildRelated(
  entityId: string,
  sentences: readonly ScannedSentence[],
  entityOrder: ReadonlyMap<string, number>,
): Briefing['related'] {
  const weight = new Map<string, number>();
  for (const s of sentences) {
    const others = new Set(s.mentions.map((m) => m.entityId));
    others.delete(entityId);
    for (const id of others) weight.set(id, (weight.get(id) ?? 0) + 1);
  }
  return [...weight.entries()]
    .sort(
      (a, b) =>
        b[1] - a[1] ||
        (entityOrder.get(a[0]) ?? Infinity) - (entityOrder.get(b[0]) ?? Infinity) ||
        (a[0] < b[0] ? -1 : 1),
    )
    .map(([id, w]) => ({ entityId: id, weight: w }));
}
