/**
 * Finds mentions in parts of the page, in time slices so the page never sees
 * a long task. Callers queue roots (the document, a mutated subtree, a shadow
 * root); one *pass* drains the queue and reports what it did (`onPassEnd`),
 * which the diagnostics channel keeps for the test harness and benchmarks.
 *
 * The matcher proposes candidates block by block; a DocumentLinker keeps every
 * scanned block and decides them all with the evidence of the whole page, so
 * after each slice the scanner reports the mentions that became mentions
 * (`onMentions`) and those that stopped being ones (`onForgotten`): a
 * headline's bare "Xi" is lit once the body names Xi Jinping.
 *
 * The clock and the way to give the page its turn are passed in, so the
 * slicing can be tested without a browser.
 */
import { DocumentLinker, type Candidate, type Matcher } from '../../../core/recognition';
import { BlockWalker, type TextBlock } from './block-walker';
import { isInsideSkipped } from './skip-rules';
import { toDomSpan } from './offsets';
import type { PageMention } from './mention-index';
import type { ScanPassDetail } from '../../../lib/messaging/protocol';

export type { ScanPassDetail };

/** About half a frame: leaves the page room to respond within the same frame. */
export const SLICE_BUDGET_MS = 8;

/**
 * The clock is read after about this much work rather than after every
 * block: most blocks are a few words, and reading the clock costs about as
 * much as scanning them. A block counts as its length plus a fixed cost, so
 * a long run of tiny blocks is clocked too. Far below a millisecond of work.
 */
export const CLOCK_EVERY_UNITS = 2000;
export const CLOCK_UNITS_PER_BLOCK = 100;

export type Yield = () => Promise<void>;

export interface ScannerOptions {
  matcher: Matcher;
  ownHost: () => Element | null;
  /** mentions decided as such since the last report */
  onMentions: (mentions: PageMention[]) => void;
  /** mentions reported before that are not mentions any more (their text went, or the page said otherwise) */
  onForgotten?: (mentions: PageMention[]) => void;
  /** one pass drained the queue */
  onPassEnd?: (detail: ScanPassDetail) => void;
  signal: AbortSignal;
  /** the clock slices are measured by (performance.now in a page) */
  now?: () => number;
  /** gives the page its turn between slices */
  yieldToPage?: Yield;
}

/**
 * Gives the page its turn between slices. An idle callback lets the page
 * handle input and render a frame first (so highlights appear as they are
 * found); `scheduler.yield()` was tried and starves rendering until the whole
 * pass is over. The timeout keeps a busy page from postponing us forever.
 */
export const IDLE_TIMEOUT_MS = 100;
export const yieldToIdle: Yield = () =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });

/** Points (fractions of the viewport) whose blocks are scanned before the rest. */
const VIEWPORT_PROBES = [0.1, 0.3, 0.5, 0.7, 0.9].flatMap((y) => [
  [0.3, y],
  [0.7, y],
]) as ReadonlyArray<readonly [number, number]>;

/** The document's order of two blocks, by their first text nodes. */
function compareBlocks(a: TextBlock, b: TextBlock): number {
  const x = a.nodes[0]!;
  const y = b.nodes[0]!;
  if (x === y) return 0;
  // DOCUMENT_POSITION_FOLLOWING = 4: y follows x.
  return x.compareDocumentPosition(y) & 4 ? -1 : 1;
}

export class Scanner {
  private readonly queue: Node[] = [];
  private running = false;
  private readonly linker: DocumentLinker<TextBlock>;
  /** the scanned blocks that hold candidates or evidence, by their first text node */
  private readonly blocks = new Map<Text, TextBlock>();
  /** the mention reported for each accepted candidate */
  private readonly reported = new Map<Candidate, PageMention>();
  private readonly now: () => number;
  private readonly yieldToPage: Yield;
  /** Subtrees of the visible part, already scanned in the current pass. */
  private priority = new Set<Node>();

  constructor(private readonly options: ScannerOptions) {
    this.now = options.now ?? (() => performance.now());
    this.yieldToPage = options.yieldToPage ?? yieldToIdle;
    this.linker = new DocumentLinker(options.matcher.table, compareBlocks);
  }

  /** Whether a pass is under way. */
  get busy(): boolean {
    return this.running;
  }

  /** Forget what the document said so far (an SPA navigated to a new page). */
  resetDocumentState(): void {
    this.linker.clear();
    this.blocks.clear();
    this.linker.flush();
    this.reported.clear();
  }

  /**
   * Forgets the blocks with a text node for which `test` holds (text that
   * went away, or is about to be scanned again), and reports what that
   * changes: their mentions, and any other the page decided differently
   * without them.
   */
  forget(test: (node: Text) => boolean): void {
    for (const [first, block] of this.blocks)
      if (block.nodes.some(test)) {
        this.blocks.delete(first);
        this.linker.delete(block);
      }
    this.report();
  }

  /** Decides the changed blocks and reports the mentions that came and went; returns those that came. */
  private report(detail?: ScanPassDetail, startedAt = 0): PageMention[] {
    const { added, removed } = this.linker.flush();
    if (detail)
      detail.longestDecisionMs = Math.max(detail.longestDecisionMs, this.now() - startedAt);
    const gone: PageMention[] = [];
    for (const { candidate } of removed) {
      const mention = this.reported.get(candidate);
      if (!mention) continue;
      this.reported.delete(candidate);
      gone.push(mention);
    }
    if (gone.length) this.options.onForgotten?.(gone);
    const found: PageMention[] = [];
    for (const { key: block, candidate: c } of added) {
      const mention: PageMention = {
        entityId: this.options.matcher.entityIds[c.entity]!,
        text: block.text.slice(c.start, c.end),
        ...toDomSpan(block, c.start, c.end),
      };
      this.reported.set(c, mention);
      found.push(mention);
    }
    if (found.length) this.options.onMentions(found);
    return found;
  }

  enqueue(root: Node): void {
    // A queued ancestor already covers this root.
    if (this.queue.some((queued) => queued === root || queued.contains(root))) return;
    for (let i = this.queue.length - 1; i >= 0; i--)
      if (root.contains(this.queue[i]!)) this.queue.splice(i, 1);
    this.queue.push(root);
    if (!this.running) void this.run();
  }

  /**
   * Scans the whole document, the part the reader sees first: the blocks
   * under a few points of the viewport are scanned before the rest, which
   * then skips them.
   */
  enqueueDocument(doc: Document): void {
    const body = doc.body ?? doc.documentElement;
    const first: Node[] = [];
    const width = doc.documentElement.clientWidth;
    const height = doc.documentElement.clientHeight;
    for (const [x, y] of VIEWPORT_PROBES) {
      // The nearest block around the point, but never a page-sized container.
      let element = doc.elementFromPoint(width * x, height * y);
      while (element && element.parentElement && element.parentElement !== body) {
        const box = element.parentElement.getBoundingClientRect();
        if (box.height > height) break;
        element = element.parentElement;
      }
      if (
        element &&
        element !== body &&
        body.contains(element) &&
        !isInsideSkipped(element, this.options.ownHost()) &&
        !first.some((n) => n.contains(element!) || element!.contains(n))
      )
        first.push(element);
    }
    this.priority = new Set(first);
    // Not through enqueue(): it would fold the visible blocks into the body.
    this.queue.push(...first, body);
    if (!this.running) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    const detail: ScanPassDetail = {
      mentions: 0,
      entities: 0,
      textNodes: 0,
      chars: 0,
      cpuMs: 0,
      slices: 0,
      longestSliceMs: 0,
      longestLinkMs: 0,
      longestDecisionMs: 0,
      startedAt: this.now(),
      endedAt: 0,
    };
    const entities = new Set<string>();
    const { signal, matcher } = this.options;
    const linker = this.linker;
    try {
      while (this.queue.length && !signal.aborted) {
        const root = this.queue.shift()!;
        if (!root.isConnected) continue;
        const walker = new BlockWalker(root, {
          ownHost: this.options.ownHost(),
          onShadowRoot: (shadow) => this.queue.push(shadow),
          done: this.priority.has(root) ? undefined : this.priority,
        });
        let finished = false;
        while (!finished && !signal.aborted) {
          const sliceStart = this.now();
          let unclocked = 0;
          let block = walker.next();
          // Per block, in cold code: locals and an indexed loop (no iterator).
          for (; block; block = walker.next()) {
            const text = block.text;
            detail.chars += text.length;
            unclocked += text.length + CLOCK_UNITS_PER_BLOCK;
            const found = matcher.scan(text);
            if (found.candidates.length !== 0 || found.signals.length !== 0) {
              linker.set(block, found);
              this.blocks.set(block.nodes[0]!, block);
            }
            if (unclocked < CLOCK_EVERY_UNITS) continue;
            unclocked = 0;
            if (this.now() - sliceStart >= SLICE_BUDGET_MS) break;
          }
          finished = block === null;
          const linkStart = this.now();
          const reported = this.report(detail, linkStart);
          detail.longestLinkMs = Math.max(detail.longestLinkMs, this.now() - linkStart);
          detail.mentions += reported.length;
          for (const m of reported) entities.add(m.entityId);
          const spent = this.now() - sliceStart;
          detail.cpuMs += spent;
          detail.slices++;
          detail.longestSliceMs = Math.max(detail.longestSliceMs, spent);
          if (!finished) await this.yieldToPage();
        }
        detail.textNodes += walker.textNodes;
      }
    } finally {
      this.running = false;
      this.priority = new Set();
    }
    if (signal.aborted) return;
    detail.entities = entities.size;
    detail.endedAt = this.now();
    this.options.onPassEnd?.(detail);
  }
}
