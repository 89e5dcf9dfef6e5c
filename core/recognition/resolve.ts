/**
 * From candidate matches to mentions: exclusions cancel, the longest match
 * wins, mentions never overlap, and an ambiguous form counts only once the
 * document has named its entity in full. Runs on the few candidates of a
 * block, not per character.
 */

export interface Candidate {
  entity: number;
  /** the mention, in UTF-16 offsets of the block */
  start: number;
  end: number;
  /** length of the whole matched pattern (title included): the longer wins */
  weight: number;
  /** an ambiguous alias or a surname with an honorific: needs a prior full naming */
  secondary: boolean;
  /** a surname with a title ("President Lee", "이 대통령", "李大統領") */
  titled?: boolean;
}

export interface Span {
  entity: number;
  start: number;
  end: number;
  /** an exclusion naming somebody else with the entity's surname ("Lee Myung-bak") */
  person?: boolean;
}

/** What the document has said so far, as seen by `resolve`. */
export interface Named {
  isNamed(entity: number): boolean;
  markNamed(entity: number): void;
  /** has the document given the entity's surname to somebody else? */
  isOther(entity: number): boolean;
  markOther(entity: number): void;
}

/**
 * Drops candidates that overlap an exclusion of their own entity ("Lee" in
 * "Lee Kuan Yew", "高市" in "高市郡"), unless the candidate is longer and
 * contains the exclusion: "People's Republic of China" survives the exclusion
 * "Republic of China" that its shorter "China" does not.
 */
export function cancelExcluded(cands: Candidate[], exclusions: readonly Span[]): Candidate[] {
  if (exclusions.length === 0) return cands;
  const byEntity = new Map<number, Span[]>();
  for (const x of exclusions) {
    const list = byEntity.get(x.entity);
    if (list) list.push(x);
    else byEntity.set(x.entity, [x]);
  }
  return cands.filter((c) => {
    const list = byEntity.get(c.entity);
    if (!list) return true;
    return !list.some(
      (x) =>
        x.start < c.end &&
        c.start < x.end &&
        !(c.start <= x.start && x.end <= c.end && c.end - c.start > x.end - x.start),
    );
  });
}

const byStart = (a: Candidate, b: Candidate) => a.start - b.start || b.weight - a.weight;
const byWeight = (a: Candidate, b: Candidate) => b.weight - a.weight || a.start - b.start;
const overlap = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end;

/**
 * Non-overlapping candidates, the longest first within each cluster of
 * overlapping ones (a cluster is a run whose spans chain together), in order
 * of start.
 */
export function pickLongest(cands: Candidate[]): Candidate[] {
  cands.sort(byStart);
  const out: Candidate[] = [];
  let i = 0;
  while (i < cands.length) {
    let end = cands[i]!.end;
    let j = i + 1;
    while (j < cands.length && cands[j]!.start < end) end = Math.max(end, cands[j++]!.end);
    if (j === i + 1) out.push(cands[i]!);
    else {
      const kept: Candidate[] = [];
      for (const c of cands.slice(i, j).sort(byWeight))
        if (!kept.some((k) => overlap(k, c))) kept.push(c);
      out.push(...kept.sort(byStart));
    }
    i = j;
  }
  return out;
}

/**
 * Drops the titled forms whose surname the document gave to somebody else
 * first: "President Lee" after "Lee Myung-bak", "李大統領" after "李明博",
 * unless the entity itself was named in full before ("Lee Jae-myung … Lee
 * Myung-bak … President Lee" keeps the last). Walks `chosen` (sorted by start)
 * and the exclusions naming other people in document order, recording both
 * in `doc`; a kept primary form names its entity.
 */
function dropOthersTitles(
  chosen: Candidate[],
  live: readonly Candidate[],
  exclusions: readonly Span[],
  doc: Named,
): Candidate[] {
  if (!exclusions.some((x) => x.person) && !chosen.some((c) => c.titled && doc.isOther(c.entity)))
    return chosen;
  const people = exclusions
    .filter(
      (x) =>
        x.person &&
        // inside a longer mention of the entity itself, it names nobody else
        !live.some(
          (c) =>
            c.entity === x.entity &&
            c.start <= x.start &&
            x.end <= c.end &&
            c.end - c.start > x.end - x.start,
        ),
    )
    .sort((a, b) => a.start - b.start);
  const named = new Set<number>();
  const out: Candidate[] = [];
  let i = 0;
  for (const c of chosen) {
    while (i < people.length && people[i]!.start < c.start) doc.markOther(people[i++]!.entity);
    const isNamed = named.has(c.entity) || doc.isNamed(c.entity);
    if (c.titled && !isNamed && doc.isOther(c.entity)) continue;
    if (!c.secondary) named.add(c.entity);
    out.push(c);
  }
  while (i < people.length) doc.markOther(people[i++]!.entity);
  return out;
}

/**
 * The final mentions in document order. Full names and titled forms are
 * chosen first (longest wins); each names its entity in `named` from its
 * position on. An ambiguous form then fills a gap only if its entity was
 * named before it: in an earlier block of the document or earlier in this one.
 */
export function resolve(cands: Candidate[], exclusions: readonly Span[], doc: Named): Candidate[] {
  const { isNamed, markNamed } = doc;
  const live = cancelExcluded(cands, exclusions);
  const primary: Candidate[] = [];
  const secondary: Candidate[] = [];
  for (const c of live) (c.secondary ? secondary : primary).push(c);
  const chosen = dropOthersTitles(pickLongest(primary), live, exclusions, doc);
  if (secondary.length === 0) {
    for (const c of chosen) markNamed(c.entity);
    return chosen;
  }
  secondary.sort(byStart);
  const out: Candidate[] = [];
  let p = 0;
  for (const s of secondary) {
    while (p < chosen.length && chosen[p]!.start <= s.start) {
      markNamed(chosen[p]!.entity);
      out.push(chosen[p++]!);
    }
    const last = out[out.length - 1];
    if (last && last.end > s.start) continue;
    if (p < chosen.length && chosen[p]!.start < s.end) continue;
    if (isNamed(s.entity)) out.push(s);
  }
  while (p < chosen.length) {
    markNamed(chosen[p]!.entity);
    out.push(chosen[p++]!);
  }
  return out;
}
