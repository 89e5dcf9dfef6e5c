/**
 * Deciding, with the evidence of the whole document, which candidates are
 * the entity: a page names people and things many times, in many ways, and
 * a reader resolves each bare "Trump" or "President Lee" by the page as a
 * whole. The matcher proposes candidates block by block (matcher.ts); the
 * linker keeps every block's candidates and evidence and decides them all
 * again, entity by entity, whenever a block comes, changes or goes, so a
 * headline's "Xi" is lit once the body names Xi Jinping, and "Motegi" goes
 * dark once the page turns out to be about the racetrack. How a decision is
 * made, and how to tune it: README.md, "Deciding".
 *
 * Blocks are keyed by the caller (an index in a text, a block of a page) and
 * ordered by the caller's comparator: the document's order, whatever order
 * they were scanned in.
 */
import { COUNTRY, type MatchTable, PERSON } from './patterns';
import {
  FORM_AMBIGUOUS,
  FORM_FULL,
  FORM_SHORT,
  FORM_TITLED,
  FORM_TITLED_WEAK,
  type BlockScan,
  type Candidate,
  type Matcher,
  type Mention,
} from './types';

/** What the linker needs of a compiled table. */
export type LinkerTable = Pick<
  MatchTable,
  'entityKind' | 'entityCued' | 'relatedFrom' | 'relatedCount' | 'relatedPool' | 'entityIds'
>;

/**
 * The weights of evidence. A cue word or a related entity named in full adds
 * one (up to the caps); every two distinct words of an unrelated domain take
 * one away from a person's shorter forms. Tuned on the evaluation set
 * (`npm run eval:recognition`).
 */
export const WEIGHTS = {
  /** distinct cue words counted, at most */
  maxCues: 3,
  /** related entities named in full counted, at most */
  maxRelated: 2,
  /** distinct domain words per point of penalty */
  domainWordsPerPoint: 1,
  maxPenalty: 3,
  /** what a titled form needs without a full naming */
  titled: 1,
  /** what an ambiguous form or an honorific needs without a full naming */
  ambiguous: 2,
} as const;

interface Block<K> {
  key: K;
  scan: BlockScan;
  /** one decision per candidate of `scan`: is it the entity? */
  decision: boolean[];
  /** is it a mention: the entity, and not inside a longer candidate that is a mention */
  accepted: boolean[];
  /** its place in `ordered`, valid while `ranksValid` */
  rank: number;
}

/** A place in the document: a block and an offset in it. */
interface Pos<K> {
  block: Block<K>;
  offset: number;
}

interface Evidence<K> {
  pos: Pos<K>;
  /** an anchor of the entity (a full naming, a titled form), or a namesake of it */
  anchor: boolean;
  /** a namesake that goes by the full name too */
  full: boolean;
  /** the office it was named with (-1 none; see Signal.roleId) */
  roleId: number;
}

export interface LinkChanges<K> {
  /** candidates that are mentions now and were not */
  added: Array<{ key: K; candidate: Candidate }>;
  /** candidates that were mentions and are not any more (their block may be gone) */
  removed: Array<{ key: K; candidate: Candidate }>;
}

export class DocumentLinker<K> {
  private readonly blocks = new Map<K, Block<K>>();
  /** entities whose decisions may have changed since the last flush */
  private readonly dirty = new Set<number>();
  /** decisions of blocks removed since the last flush, to report */
  private readonly gone: Array<{ key: K; candidate: Candidate }> = [];
  private domainWords = new Map<number, number>();
  private penalty = 0;
  /**
   * Candidates written in Korean, Japanese or Chinese script, and the others:
   * the page is in one of those languages when the first are more. There a
   * country's English name set as a title ("AROUND JAPAN") is no country.
   */
  private cjkCandidates = 0;
  private latinCandidates = 0;
  private cjkPage = false;
  /** entities that have a full naming in the document */
  private anchored = new Set<number>();
  /**
   * The blocks that hold each entity's candidates or evidence, and those
   * that name an office: a decision reads only these, so a flush costs what
   * changed, not the size of the page.
   */
  private readonly entityBlocks = new Map<number, Set<Block<K>>>();
  private readonly roleBlocks = new Map<number, Set<Block<K>>>();
  /**
   * Every block in document order: a block is placed by binary search when
   * it comes (the caller's comparator may be costly, as comparing DOM
   * positions is), so that deciding compares ranks, not keys.
   */
  private readonly ordered: Block<K>[] = [];
  private ranksValid = true;
  /** for each entity, the entities that list it as related */
  private readonly relatedTo: number[][];

  constructor(
    private readonly table: LinkerTable,
    /** the document's order of two blocks */
    private readonly compare: (a: K, b: K) => number,
  ) {
    this.relatedTo = table.entityIds.map(() => []);
    for (let e = 0; e < table.entityIds.length; e++)
      for (const r of this.relatedOf(e)) this.relatedTo[r]!.push(e);
  }

  private relatedOf(e: number): number[] {
    const out: number[] = [];
    const from = this.table.relatedFrom[e]!;
    for (let i = from; i < from + this.table.relatedCount[e]!; i++)
      out.push(this.table.relatedPool[i]!);
    return out;
  }

  get size(): number {
    return this.blocks.size;
  }

  /** Adds a block, or replaces what it held. */
  set(key: K, scan: BlockScan): void {
    this.delete(key);
    if (scan.candidates.length === 0 && scan.signals.length === 0) return;
    const block: Block<K> = {
      key,
      scan,
      decision: scan.candidates.map(() => false),
      accepted: scan.candidates.map(() => false),
      rank: 0,
    };
    this.blocks.set(key, block);
    // Pages are mostly scanned in order: try the end first.
    this.ensureRanks();
    const last = this.ordered[this.ordered.length - 1];
    if (!last || this.compare(last.key, key) < 0) this.ordered.push(block);
    else {
      let lo = 0;
      let hi = this.ordered.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.compare(this.ordered[mid]!.key, key) < 0) lo = mid + 1;
        else hi = mid;
      }
      this.ordered.splice(lo, 0, block);
      this.ranksValid = false;
    }
    block.rank = this.ordered.length - 1;
    this.touch(block, 1);
  }

  delete(key: K): void {
    const block = this.blocks.get(key);
    if (!block) return;
    this.blocks.delete(key);
    // Taken out of `ordered` at the next ranking: deleting a page's worth of
    // blocks stays linear.
    block.rank = -1;
    this.ranksValid = false;
    block.scan.candidates.forEach((candidate, i) => {
      if (block.accepted[i]) this.gone.push({ key, candidate });
    });
    this.touch(block, -1);
  }

  /** Forgets everything (an SPA went to another page). */
  clear(): void {
    for (const key of [...this.blocks.keys()]) this.delete(key);
  }

  private touch(block: Block<K>, sign: 1 | -1): void {
    const index = (map: Map<number, Set<Block<K>>>, id: number) => {
      let set = map.get(id);
      if (sign > 0) {
        if (!set) map.set(id, (set = new Set()));
        set.add(block);
      } else if (set) {
        set.delete(block);
        if (set.size === 0) map.delete(id);
      }
    };
    for (const c of block.scan.candidates) {
      // Those being decided by the page's language do not weigh in it.
      if (c.cjk) this.cjkCandidates += sign;
      else if (!c.latinTitle) this.latinCandidates += sign;
      this.dirty.add(c.entity);
      index(this.entityBlocks, c.entity);
      if (c.roleId >= 0) index(this.roleBlocks, c.roleId);
    }
    for (const s of block.scan.signals) {
      if (s.type !== 'domain') {
        this.dirty.add(s.id);
        index(this.entityBlocks, s.id);
      } else {
        const n = (this.domainWords.get(s.key) ?? 0) + sign;
        if (n > 0) this.domainWords.set(s.key, n);
        else this.domainWords.delete(s.key);
      }
    }
  }

  /**
   * What the document says about an entity, for tools that explain a
   * decision (`npm run -s mentions -- --explain`).
   */
  explain(entity: number): {
    candidates: number;
    accepted: number;
    anchored: boolean;
    competitors: number;
    cues: number;
    support: number;
    penalty: number;
    domainWords: number;
  } {
    this.ensureRanks();
    const ev = this.collect([entity]).get(entity);
    let accepted = 0;
    for (const { block, i } of ev?.candidates ?? []) if (block.accepted[i]) accepted++;
    return {
      candidates: ev?.candidates.length ?? 0,
      accepted,
      anchored: this.anchored.has(entity),
      competitors: ev?.competitors.length ?? 0,
      cues: ev?.cues.size ?? 0,
      support: this.support(entity, ev),
      penalty: this.penaltyFor(entity),
      domainWords: this.domainWords.size,
    };
  }

  /** The decisions of one block's candidates. */
  acceptedIn(key: K): Candidate[] {
    const block = this.blocks.get(key);
    return block ? block.scan.candidates.filter((_, i) => block.accepted[i]) : [];
  }

  /**
   * Decides again every entity whose evidence changed, and says which
   * candidates became mentions and which stopped being ones.
   */
  flush(): LinkChanges<K> {
    const changes: LinkChanges<K> = { added: [], removed: this.gone.splice(0) };
    const penalty = Math.min(
      WEIGHTS.maxPenalty,
      Math.ceil(this.domainWords.size / WEIGHTS.domainWordsPerPoint),
    );
    if (penalty !== this.penalty) {
      this.penalty = penalty;
      this.table.entityKind.forEach((kind, e) => kind === PERSON && this.dirty.add(e));
    }
    const cjkPage = this.cjkCandidates > this.latinCandidates;
    if (cjkPage !== this.cjkPage) {
      this.cjkPage = cjkPage;
      this.table.entityKind.forEach((kind, e) => kind === COUNTRY && this.dirty.add(e));
    }
    if (this.dirty.size === 0) return changes;
    this.ensureRanks();
    // Full namings first: they decide which entities are anchored, which the
    // others' related evidence reads. An entity anchored or no longer
    // anchored makes the entities it is related to dirty too.
    const evidence = this.collect(this.dirty);
    const worklist = [...this.dirty];
    while (worklist.length) {
      const e = worklist.pop()!;
      if (!evidence.has(e)) for (const [id, ev] of this.collect([e])) evidence.set(id, ev);
      const ev = evidence.get(e)!;
      const now = ev.candidates.some(({ block, i }) => this.confident(e, block, i, evidence));
      if (now === this.anchored.has(e)) continue;
      if (now) this.anchored.add(e);
      else this.anchored.delete(e);
      for (const other of this.relatedTo[e]!)
        if (!this.dirty.has(other)) {
          this.dirty.add(other);
          worklist.push(other);
        }
    }
    const decided = new Set<Block<K>>();
    for (const e of this.dirty) this.decideEntity(e, evidence, decided);
    this.dirty.clear();
    // A shorter candidate inside a longer one ("APEC" in "APEC summit") is a
    // mention only where the longer is not.
    for (const block of decided)
      block.scan.candidates.forEach((candidate, i) => {
        const main = candidate.fallbackOf;
        const now = block.decision[i]! && (main === undefined || !block.decision[main]);
        if (block.accepted[i] === now) return;
        block.accepted[i] = now;
        (now ? changes.added : changes.removed).push({ key: block.key, candidate });
      });
    return changes;
  }

  /** The candidates, competitors and cues of `entities`, with positions in document order. */
  private collect(entities: Iterable<number>): Map<number, EntityEvidence<K>> {
    const out = new Map<number, EntityEvidence<K>>();
    for (const e of entities) {
      const ev: EntityEvidence<K> = {
        candidates: [],
        competitors: [],
        cues: new Set(),
        titles: new Set(),
        titleUses: new Map(),
      };
      out.set(e, ev);
      const blocks = [...(this.entityBlocks.get(e) ?? [])].sort((a, b) => a.rank - b.rank);
      for (const block of blocks) {
        block.scan.candidates.forEach((c, i) => c.entity === e && ev.candidates.push({ block, i }));
        for (const s of block.scan.signals) {
          if (s.id !== e) continue;
          if (s.type === 'competitor') {
            // A former office holder claims no title of the sitting one.
            if (s.roleId !== -2)
              ev.competitors.push({
                pos: { block, offset: s.start },
                anchor: false,
                full: !!s.full,
                roleId: s.roleId ?? -1,
              });
          } else if (s.type === 'cue') ev.cues.add(s.key);
          else if (s.type === 'title') ev.titles.add(s.key);
        }
      }
      if (ev.titles.size > 0)
        for (const { block, i } of ev.candidates)
          for (const k of block.scan.candidates[i]!.phraseKeys ?? [])
            if (ev.titles.has(k)) ev.titleUses.set(k, (ev.titleUses.get(k) ?? 0) + 1);
    }
    return out;
  }

  private ensureRanks(): void {
    if (this.ranksValid) return;
    let n = 0;
    for (const block of this.ordered) if (block.rank >= 0) (this.ordered[n] = block).rank = n++;
    this.ordered.length = n;
    this.ranksValid = true;
  }

  /** Is `a` before `b` in the document? (Ranks are valid during a flush.) */
  private before(a: Pos<K>, b: Pos<K>): boolean {
    if (a.block === b.block) return a.offset < b.offset;
    return a.block.rank < b.block.rank;
  }

  private support(e: number, ev: EntityEvidence<K> | undefined): number {
    // A country named on the page says little about who else is (a MotoGP
    // report names Japan too): related countries count one, however many.
    let related = 0;
    let country = 0;
    const { relatedFrom, relatedCount, relatedPool } = this.table;
    for (let i = relatedFrom[e]!; i < relatedFrom[e]! + relatedCount[e]!; i++) {
      const r = relatedPool[i]!;
      if (this.anchored.has(r)) {
        if (this.table.entityKind[r] === COUNTRY) country = 1;
        else related++;
      }
    }
    related += country;
    return Math.min(WEIGHTS.maxCues, ev?.cues.size ?? 0) + Math.min(WEIGHTS.maxRelated, related);
  }

  /**
   * Is the candidate the entity whatever else the document says: a full
   * naming that counts, or a shorter name written with one of its offices?
   * An entity with one is *present* on the page: its related entities read it
   * as evidence.
   */
  private confident(
    e: number,
    block: Block<K>,
    i: number,
    evidence: Map<number, EntityEvidence<K>>,
  ): boolean {
    const c = block.scan.candidates[i]!;
    if ((c.latinTitle && this.cjkPage) || inTitle(c, evidence.get(e))) return false;
    if (c.form === FORM_FULL) return this.fullOk(e, block, i, evidence);
    return c.role > 0 && (c.form === FORM_SHORT || c.form === FORM_AMBIGUOUS);
  }

  /** A full naming counts unless a namesake with the same full name is nearer ("Pastor Wang Yi"). */
  private fullOk(
    e: number,
    block: Block<K>,
    i: number,
    evidence: Map<number, EntityEvidence<K>>,
  ): boolean {
    const ev = evidence.get(e)!;
    const fulls = ev.competitors.filter((x) => x.full);
    if (fulls.length === 0) return true;
    const c = block.scan.candidates[i]!;
    if (c.role > 0) return true;
    const points: Array<Evidence<K>> = [...fulls];
    for (const { block: b, i: j } of ev.candidates) {
      const d = b.scan.candidates[j]!;
      if (d.form === FORM_FULL && d.role > 0)
        points.push({
          pos: { block: b, offset: d.start },
          anchor: true,
          full: true,
          roleId: d.roleId,
        });
    }
    const nearest = this.nearest(this.sorted(points), { block, offset: c.start });
    if (nearest) return nearest.anchor;
    return this.support(e, ev) > this.penaltyFor(e);
  }

  private penaltyFor(e: number): number {
    return this.table.entityKind[e] === PERSON ? this.penalty : 0;
  }

  /** `points` in document order (a copy). */
  private sorted(points: ReadonlyArray<Evidence<K>>): Array<Evidence<K>> {
    return [...points].sort((a, b) =>
      this.before(a.pos, b.pos) ? -1 : this.before(b.pos, a.pos) ? 1 : 0,
    );
  }

  /** Of `sorted` points, the one nearest before `pos` (or at it), or else the first after it. */
  private nearest(sorted: ReadonlyArray<Evidence<K>>, pos: Pos<K>): Evidence<K> | null {
    let lo = 0;
    let hi = sorted.length;
    // The first point after `pos`.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before(pos, sorted[mid]!.pos)) hi = mid;
      else lo = mid + 1;
    }
    return sorted[lo - 1] ?? sorted[lo] ?? null;
  }

  private decideEntity(
    e: number,
    evidence: Map<number, EntityEvidence<K>>,
    decidedBlocks: Set<Block<K>>,
  ): void {
    const ev = evidence.get(e);
    if (!ev) return;
    const support = this.support(e, ev);
    const penalty = this.penaltyFor(e);
    const decided: boolean[] = [];
    // Anchors, in document order: full namings that count, and shorter names
    // written with one of the entity's offices ("美国总统特朗普", "高市首相").
    const anchors: Array<Evidence<K>> = [];
    ev.candidates.forEach(({ block, i }, n) => {
      const c = block.scan.candidates[i]!;
      if ((c.latinTitle && this.cjkPage) || inTitle(c, ev)) decided[n] = false;
      else if (c.form === FORM_FULL) decided[n] = this.fullOk(e, block, i, evidence);
      else if (c.role > 0 && (c.form === FORM_SHORT || c.form === FORM_AMBIGUOUS))
        decided[n] = true;
      else return;
      if (decided[n])
        anchors.push({
          pos: { block, offset: c.start },
          anchor: true,
          full: false,
          roleId: c.roleId,
        });
    });
    const hasAnchor = anchors.length > 0;
    /**
     * Who a form belongs to when a namesake is on the page too. A titled
     * form (and a bare one with an office) is the last of them named before
     * it, with that office or none ("Lee Myung-bak … President Lee"; not
     * "director Lee Jong-seok … President Lee"). A shorter name without an
     * office goes to the one named in its own block before it, or else to
     * the one the page names first: its subject ("Fred Trump … Trump began
     * working", "Donald Trump … Melania Trump … Trump said").
     */
    const referentIsOther = (block: Block<K>, c: Candidate) => {
      if (ev.competitors.length === 0) return false;
      const pos = { block, offset: c.start };
      if (c.role > 0 || c.form === FORM_TITLED || c.form === FORM_TITLED_WEAK) {
        const claims = this.sorted([
          ...anchors,
          ...ev.competitors.filter((q) => q.roleId < 0 || q.roleId === c.roleId),
        ]);
        const nearest = this.nearest(claims, pos);
        return !!nearest && !nearest.anchor;
      }
      const nearest = this.nearest(points, pos);
      if (nearest && nearest.pos.block === block && !this.before(pos, nearest.pos))
        return !nearest.anchor;
      return !subjectIsEntity;
    };
    const points = this.sorted([...anchors, ...ev.competitors]);
    /**
     * The page's subject among those who go by the name: the first of them
     * named, unless the page spoke of a bare "Trump" before it named any of
     * them (a front page of headlines that later mentions Melania Trump, a
     * story that later names "his second son Eric Trump"): then the bare
     * name was the entity's all along, as far as namesakes go.
     */
    let subjectIsEntity = points.length > 0 && points[0]!.anchor;
    if (!subjectIsEntity && points.length > 0) {
      const first = ev.candidates.find(
        ({ block, i }) => block.scan.candidates[i]!.form === FORM_SHORT,
      );
      if (first) {
        const at = { block: first.block, offset: first.block.scan.candidates[first.i]!.start };
        subjectIsEntity = this.before(at, points[0]!.pos);
      }
    }
    ev.candidates.forEach(({ block, i }, n) => {
      const c = block.scan.candidates[i]!;
      if (decided[n] !== undefined) return;
      if (referentIsOther(block, c)) {
        decided[n] = false;
        return;
      }
      const referentIsEntity = ev.competitors.length > 0 && hasAnchor;
      switch (c.form) {
        case FORM_TITLED:
          decided[n] =
            (hasAnchor || support >= WEIGHTS.titled) &&
            !(c.demonstrative && !hasAnchor && this.titleHeldBefore(block, c, e));
          break;
        case FORM_TITLED_WEAK:
        case FORM_AMBIGUOUS:
          // A thing with cues of its own (a summit of one year, a city that is
          // also a word) needs one of them; related entities alone do not say
          // which summit, which 경주.
          decided[n] =
            hasAnchor ||
            referentIsEntity ||
            (support - penalty >= WEIGHTS.ambiguous &&
              (this.table.entityKind[e] === PERSON ||
                !this.table.entityCued[e] ||
                ev.cues.size > 0));
          break;
        case FORM_SHORT:
          decided[n] = hasAnchor || support >= penalty;
          break;
        default:
          decided[n] = false;
      }
    });
    ev.candidates.forEach(({ block, i }, n) => {
      block.decision[i] = !!decided[n];
      decidedBlocks.add(block);
      // A fallback's block must be looked at again when its main candidate is decided.
    });
  }

  /**
   * "트럼프 대통령은 … 이 대통령은": is the title of a demonstrative form held
   * by another name earlier in the document? Then it reads "this president".
   */
  private titleHeldBefore(block: Block<K>, c: Candidate, e: number): boolean {
    const pos = { block, offset: c.start };
    for (const b of this.roleBlocks.get(c.roleId) ?? [])
      for (const d of b.scan.candidates)
        if (
          d.entity !== e &&
          d.roleId === c.roleId &&
          d.roleId >= 0 &&
          this.before({ block: b, offset: d.start }, pos)
        )
          return true;
    return false;
  }
}

interface EntityEvidence<K> {
  candidates: Array<{ block: Block<K>; i: number }>;
  competitors: Array<Evidence<K>>;
  cues: Set<number>;
  /** the quoted titles of the page that hold a name of it (matcher.ts quotedTitleKey) */
  titles: Set<number>;
  /** how many of its candidates are writings of each of those titles */
  titleUses: Map<number, number>;
}

/**
 * Is the candidate a writing of a title the page quotes and writes again
 * ("‘한국 아트라스비엑스 모터스포츠’는 … 한국 아트라스비엑스 모터스포츠는"), so the
 * name of another thing? A title quoted once may be a slogan about the
 * country ("‘한국 경제 위기’"): it stays.
 */
const inTitle = <K>(c: Candidate, ev: EntityEvidence<K> | undefined) =>
  !!ev &&
  ev.titles.size > 0 &&
  !!c.phraseKeys?.some((k) => ev.titles.has(k) && (ev.titleUses.get(k) ?? 0) >= 2);

/**
 * The mentions of a whole document given as blocks of text (lines of a
 * file, paragraphs of an article), decided together: one list per block,
 * offsets into that block.
 */
export function linkDocument(matcher: Matcher, blocks: readonly string[]): Mention[][] {
  const table = matcher.table;
  const linker = new DocumentLinker<number>(table, (a, b) => a - b);
  blocks.forEach((text, i) => linker.set(i, matcher.scan(text)));
  linker.flush();
  return blocks.map((text, i) =>
    linker
      .acceptedIn(i)
      .sort((a, b) => a.start - b.start)
      .map((c) => ({
        entityId: table.entityIds[c.entity]!,
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
      })),
  );
}
