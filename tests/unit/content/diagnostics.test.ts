// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../../entrypoints/content/diagnostics';
import type { CardTiming, ScanPassDetail } from '../../../lib/messaging/protocol';

const pass = (n: number): ScanPassDetail => ({
  mentions: n,
  entities: 1,
  textNodes: 1,
  chars: 10,
  cpuMs: 1,
  slices: 1,
  longestSliceMs: 1,
  longestLinkMs: 0,
  longestDecisionMs: 0,
  startedAt: n,
  endedAt: n + 1,
});
const timing = (n: number): CardTiming => ({ event: 'shown', entityId: `e${n}`, at: n });
const LIVE = {
  card: { open: false, placement: null, text: null, settled: false },
  mentions: 3,
  painted: 2,
  active: true,
};

describe('Diagnostics', () => {
  it('reports this frame, the setup, the passes and the live state', () => {
    const d = new Diagnostics();
    d.setupMs = 0.4;
    d.entities = 20;
    d.addPass(pass(1));
    d.addCardTiming(timing(1));
    expect(d.snapshot(LIVE)).toEqual({
      href: location.href,
      top: true,
      setupMs: 0.4,
      entities: 20,
      passes: [pass(1)],
      passCount: 1,
      cards: [timing(1)],
      ...LIVE,
    });
  });

  it('keeps a bounded history, newest last, and counts every pass', () => {
    // A page that changes for hours: far more passes and cards than anyone reads.
    const d = new Diagnostics();
    const total = 5000;
    for (let n = 0; n < total; n++) {
      d.addPass(pass(n));
      d.addCardTiming(timing(n));
    }
    const { passes, passCount, cards } = d.snapshot(LIVE);
    expect(passCount).toBe(total);
    expect(passes.length).toBeLessThan(total);
    expect(cards.length).toBeLessThan(total);
    // Enough for any test: at least a hundred of each.
    expect(passes.length).toBeGreaterThanOrEqual(100);
    // The oldest are dropped first: what is kept is the latest run, in order.
    expect(passes.map((p) => p.mentions)).toEqual(
      Array.from({ length: passes.length }, (_, i) => total - passes.length + i),
    );
    expect(cards.map((c) => c.at)).toEqual(
      Array.from({ length: cards.length }, (_, i) => total - cards.length + i),
    );
  });

  it('hands out copies: a snapshot does not change with later passes', () => {
    const d = new Diagnostics();
    d.addPass(pass(1));
    const before = d.snapshot(LIVE);
    d.addPass(pass(2));
    expect(before.passes).toHaveLength(1);
    before.passes.length = 0;
    expect(d.snapshot(LIVE).passes).toHaveLength(2);
  });

  it('includes the mentions only when they were asked for', () => {
    const d = new Diagnostics();
    const found = [{ entityId: 'wang-yi', text: 'Wang Yi', painted: true }];
    expect(d.snapshot(LIVE)).not.toHaveProperty('found');
    expect(d.snapshot({ ...LIVE, found }).found).toEqual(found);
  });
});
