/**
 * Finds mentions in parts of the page, in time slices so the page never sees
 * a long task. Callers queue roots (the document, a mutated subtree, a shadow
 * root); one *pass* drains the queue and ends with a
 * `performance.measure('briefing-lens:scan')` whose detail says what it did.
 */
import { createDocumentState, type DocumentState, type Matcher } from '../../core/recognition';
import { BlockWalker, isInsideSkipped, toDomSpan } from './text-blocks';
import type { PageMention } from './mention-index';

/** About half a frame: leaves the page room to respond within the same frame. */
export const SLICE_BUDGET_MS = 8;

/**
 * The clock is read after about this much work rather than after every
 * block: most blocks are a few words, and reading the clock costs about as
 * much as scanning them. A block counts as its length plus a fixed cost, so
 * a long run of tiny blocks is clocked too. Far below a millisecond of work.
 */
const CLOCK_EVERY_UNITS = 2000;
const CLOCK_UNITS_PER_BLOCK = 100;

export interface ScanPassDetail {
  mentions: number;
  entities: number;
  textNodes: number;
  chars: number;
  /** time spent working, without the gaps between slices */
  cpuMs: number;
  slices: number;
  longestSliceMs: number;
}

export interface ScannerOptions {
  matcher: Matcher;
  ownHost: () => Element | null;
  onMentions: (mentions: PageMention[]) => void;
  signal: AbortSignal;
}

type Yield = () => Promise<void>;

/**
 * Gives the page its turn between slices. An idle callback lets the page
 * handle input and render a frame first (so highlights appear as they are
 * found); `scheduler.yield()` was tried and starves rendering until the whole
 * pass is over. The timeout keeps a busy page from postponing us forever.
 */
const IDLE_TIMEOUT_MS = 100;
const yieldToPage: Yield = () =>
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

export class Scanner {
  private readonly queue: Node[] = [];
  private running = false;
  private state: DocumentState = createDocumentState();

  constructor(private readonly options: ScannerOptions) {}

  /** Forget what the document said so far (an SPA navigated to a new page). */
  resetDocumentState(): void {
    this.state = createDocumentState();
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

  /** Subtrees of the visible part, already scanned in the current pass. */
  private priority = new Set<Node>();

  private async run(): Promise<void> {
    this.running = true;
    const passStart = performance.now();
    const detail: ScanPassDetail = {
      mentions: 0,
      entities: 0,
      textNodes: 0,
      chars: 0,
      cpuMs: 0,
      slices: 0,
      longestSliceMs: 0,
    };
    const entities = new Set<string>();
    try {
      while (this.queue.length && !this.options.signal.aborted) {
        const root = this.queue.shift()!;
        if (!root.isConnected) continue;
        const walker = new BlockWalker(root, {
          ownHost: this.options.ownHost(),
          onShadowRoot: (shadow) => this.queue.push(shadow),
          done: this.priority.has(root) ? undefined : this.priority,
        });
        const { matcher } = this.options;
        let finished = false;
        while (!finished && !this.options.signal.aborted) {
          const sliceStart = performance.now();
          const state = this.state;
          const found: PageMention[] = [];
          let unclocked = 0;
          let block = walker.next();
          // Per block, in cold code: locals and an indexed loop (no iterator).
          for (; block; block = walker.next()) {
            const text = block.text;
            detail.chars += text.length;
            unclocked += text.length + CLOCK_UNITS_PER_BLOCK;
            const mentions = matcher.find(text, state);
            for (let i = 0; i < mentions.length; i++) {
              const m = mentions[i]!;
              found.push({
                entityId: m.entityId,
                text: m.text,
                ...toDomSpan(block, m.start, m.end),
              });
              entities.add(m.entityId);
            }
            if (unclocked < CLOCK_EVERY_UNITS) continue;
            unclocked = 0;
            if (performance.now() - sliceStart >= SLICE_BUDGET_MS) break;
          }
          finished = block === null;
          if (found.length) this.options.onMentions(found);
          detail.mentions += found.length;
          const spent = performance.now() - sliceStart;
          detail.cpuMs += spent;
          detail.slices++;
          detail.longestSliceMs = Math.max(detail.longestSliceMs, spent);
          if (!finished) await yieldToPage();
        }
        detail.textNodes += walker.textNodes;
      }
    } finally {
      this.running = false;
      this.priority = new Set();
    }
    if (this.options.signal.aborted) return;
    detail.entities = entities.size;
    performance.measure('briefing-lens:scan', {
      start: passStart,
      end: performance.now(),
      detail,
    });
  }
}
