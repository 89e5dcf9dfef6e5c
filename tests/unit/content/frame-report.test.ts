// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_REPORT_DELAY_MS, startFrameReport } from '../../../entrypoints/content/frame-report';
import type { EntityCount } from '../../../lib/messaging/protocol';

let controller: AbortController;
let counts: EntityCount[];
let sent: EntityCount[][];

function start(isTopFrame: boolean) {
  return startFrameReport({
    signal: controller.signal,
    isTopFrame,
    counts: () => counts,
    send: async (entities) => void sent.push(entities),
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
  counts = [{ id: 'wang-yi', count: 2 }];
  sent = [];
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('a frame below the top one', () => {
  it('reports a burst of changes once, after a moment', async () => {
    const report = start(false);
    report.changed();
    report.changed();
    await vi.advanceTimersByTimeAsync(FRAME_REPORT_DELAY_MS - 1);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([[{ id: 'wang-yi', count: 2 }]]);
  });

  it('sends nothing when the counts did not change', async () => {
    const report = start(false);
    report.changed();
    await vi.advanceTimersByTimeAsync(FRAME_REPORT_DELAY_MS);
    report.changed();
    await vi.advanceTimersByTimeAsync(FRAME_REPORT_DELAY_MS);
    expect(sent).toHaveLength(1);
    counts = [];
    report.changed();
    await vi.advanceTimersByTimeAsync(FRAME_REPORT_DELAY_MS);
    expect(sent).toEqual([[{ id: 'wang-yi', count: 2 }], []]);
  });

  it('reports again after a failed send', async () => {
    const failing = startFrameReport({
      signal: controller.signal,
      isTopFrame: false,
      counts: () => counts,
      send: async (entities) => {
        sent.push(entities);
        throw new Error('background restarting');
      },
    });
    failing.changed();
    await vi.advanceTimersByTimeAsync(FRAME_REPORT_DELAY_MS);
    failing.changed();
    await vi.advanceTimersByTimeAsync(FRAME_REPORT_DELAY_MS);
    expect(sent).toHaveLength(2);
  });

  it('says it found nothing when its page goes, and stops with the session', async () => {
    const report = start(false);
    window.dispatchEvent(new Event('pagehide'));
    expect(sent).toEqual([[]]);
    controller.abort();
    report.changed();
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(FRAME_REPORT_DELAY_MS);
    expect(sent).toEqual([[]]);
  });
});

describe('the top frame', () => {
  it('reports only that its page goes (the popup asks it directly)', async () => {
    const report = start(true);
    report.changed();
    await vi.advanceTimersByTimeAsync(10 * FRAME_REPORT_DELAY_MS);
    expect(sent).toEqual([]);
    window.dispatchEvent(new Event('pagehide'));
    expect(sent).toEqual([[]]);
  });
});
