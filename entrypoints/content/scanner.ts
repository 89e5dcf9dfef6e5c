/**
 * Finds mentions in parts of the page, in time slices so the page never sees
 * a long task. Callers queue roots (the document, a mutated subtree, a shadow
 * root); one *pass* drains the queue and ends with a
 * `performance.measure('briefing-lens:scan')` whose detail says what it did.
 */
import { createDocumentState, type DocumentState, type Matcher } from '../../core/recognition';
import { BlockWalker, toDomSpan } from './text-blocks';
import type { PageMention } from './mention-index';

/** About half a frame: leaves the page room to respond within the same frame. */
export const SLICE_BUDGET_MS = 8;

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
  onPassEnd?: (detail: ScanPassDetail) => void;
  signal: AbortSignal;
}

type Yield = () => Promise<void>;

/** `scheduler.yield` where there is one (Chromium), else a macrotask. */
const yieldToPage: Yield = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

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

  get busy(): boolean {
    return this.running;
  }

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
        });
        let finished = false;
        while (!finished && !this.options.signal.aborted) {
          const sliceStart = performance.now();
          const found: PageMention[] = [];
          let block = walker.next();
          for (; block; block = walker.next()) {
            detail.chars += block.text.length;
            for (const m of this.options.matcher.find(block.text, this.state)) {
              found.push({
                entityId: m.entityId,
                text: m.text,
                ...toDomSpan(block, m.start, m.end),
              });
              entities.add(m.entityId);
            }
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
    }
    if (this.options.signal.aborted) return;
    detail.entities = entities.size;
    performance.measure('briefing-lens:scan', {
      start: passStart,
      end: performance.now(),
      detail,
    });
    this.options.onPassEnd?.(detail);
  }
}
