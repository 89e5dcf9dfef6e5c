/**
 * What the test harness and the benchmarks need to know about the content
 * script — its scan passes, what setting up the matcher cost, the card's
 * timings and placement — kept in memory and handed out only through the
 * extension's own `getDiagnostics` message, which a page cannot send or see.
 * Bounded, so a page that changes for hours does not grow it.
 */
import type { CardTiming, DiagnosticsSnapshot, ScanPassDetail } from '../../lib/messaging/protocol';

/** Enough history for any test; older entries are dropped first. */
const KEEP = 200;

export class Diagnostics {
  setupMs: number | null = null;
  entities = 0;
  private readonly passes: ScanPassDetail[] = [];
  private passCount = 0;
  private readonly cards: CardTiming[] = [];

  addPass(detail: ScanPassDetail): void {
    this.passCount++;
    this.passes.push(detail);
    if (this.passes.length > KEEP) this.passes.shift();
  }

  addCardTiming(timing: CardTiming): void {
    this.cards.push(timing);
    if (this.cards.length > KEEP) this.cards.shift();
  }

  snapshot(
    live: Pick<DiagnosticsSnapshot, 'card' | 'mentions' | 'painted' | 'active' | 'found'>,
  ): DiagnosticsSnapshot {
    return {
      href: location.href,
      top: window.top === window,
      setupMs: this.setupMs,
      entities: this.entities,
      passes: [...this.passes],
      passCount: this.passCount,
      cards: [...this.cards],
      ...live,
    };
  }
}
