// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installStaticRange } from './helpers';
import { bundled } from '../recognition/helpers';
import {
  CLOCK_EVERY_UNITS,
  CLOCK_UNITS_PER_BLOCK,
  IDLE_TIMEOUT_MS,
  Scanner,
  SLICE_BUDGET_MS,
  yieldToIdle,
  type ScanPassDetail,
} from '../../../entrypoints/content/scan/scanner';
import type { PageMention } from '../../../entrypoints/content/scan/mention-index';

installStaticRange();

/**
 * A paragraph that names `name` once and is exactly long enough that the
 * scanner reads its clock after it (a block counts its length plus a fixed cost).
 */
function longParagraph(name: string): HTMLParagraphElement {
  const p = document.createElement('p');
  const head = `${name} spoke.`;
  const length = CLOCK_EVERY_UNITS - CLOCK_UNITS_PER_BLOCK;
  p.textContent = (head + ' and'.repeat(length)).slice(0, length);
  return p;
}

function paragraph(text: string, id?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (id) p.id = id;
  return p;
}

/** The page's turn, held until the test gives it back. */
function gate() {
  let waiting: Array<() => void> = [];
  return {
    yieldToPage: vi.fn(() => new Promise<void>((resolve) => waiting.push(resolve))),
    get waiting() {
      return waiting.length;
    },
    open() {
      const now = waiting;
      waiting = [];
      for (const resolve of now) resolve();
    },
  };
}

interface Setup {
  /** how far the clock moves each time it is read */
  step?: number;
  yieldToPage?: () => Promise<void>;
  ownHost?: Element | null;
}

function scanner({ step = 0, yieldToPage = () => Promise.resolve(), ownHost = null }: Setup = {}) {
  const batches: PageMention[][] = [];
  const passes: ScanPassDetail[] = [];
  const controller = new AbortController();
  let time = 1000;
  const now = vi.fn(() => (time += step));
  const instance = new Scanner({
    matcher: bundled,
    ownHost: () => ownHost,
    onMentions: (mentions) => batches.push(mentions),
    onPassEnd: (detail) => passes.push(detail),
    signal: controller.signal,
    now,
    yieldToPage,
  });
  const found = () => batches.flat().map((m) => m.text);
  return { scanner: instance, batches, passes, controller, now, found };
}

/** Lets the scanner run until it waits for the page again or has finished its pass. */
async function resume(g: ReturnType<typeof gate>, s: Scanner): Promise<void> {
  g.open();
  await vi.waitFor(() => expect(g.waiting > 0 || !s.busy).toBe(true), { interval: 1 });
}

async function drain(g: ReturnType<typeof gate>, s: Scanner): Promise<void> {
  while (s.busy) await resume(g, s);
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('Scanner: slices', () => {
  it('scans everything in one slice while the clock stays within the budget', () => {
    const names = ['Wang Yi', 'Xi Jinping', 'Donald Trump', 'Lee Jae-myung', 'Sanae Takaichi'];
    document.body.append(...names.map(longParagraph));
    const yieldToPage = vi.fn(() => Promise.resolve());
    const { scanner: s, batches, passes } = scanner({ step: 0, yieldToPage });
    s.enqueue(document.body);
    // A pass that needs no yield runs to its end at once.
    expect(s.busy).toBe(false);
    expect(yieldToPage).not.toHaveBeenCalled();
    expect(batches.map((b) => b.map((m) => m.text))).toEqual([names]);
    expect(passes).toHaveLength(1);
    expect(passes[0]).toMatchObject({ slices: 1, mentions: 5, entities: 5, textNodes: 5 });
  });

  it('stops a slice once SLICE_BUDGET_MS is spent, and gives the page its turn before the next', async () => {
    // The clock moves half a budget per read: two long blocks fill a slice.
    const names = ['Wang Yi', 'Xi Jinping', 'Donald Trump', 'Lee Jae-myung', 'Sanae Takaichi'];
    document.body.append(...names.map(longParagraph));
    const g = gate();
    const {
      scanner: s,
      batches,
      passes,
    } = scanner({
      step: SLICE_BUDGET_MS / 2,
      yieldToPage: g.yieldToPage,
    });
    s.enqueue(document.body);
    // The first slice's mentions are handed over before the page gets its turn.
    expect(s.busy).toBe(true);
    expect(g.yieldToPage).toHaveBeenCalledTimes(1);
    expect(batches.map((b) => b.map((m) => m.text))).toEqual([['Wang Yi', 'Xi Jinping']]);
    await resume(g, s);
    expect(batches.map((b) => b.map((m) => m.text))).toEqual([
      ['Wang Yi', 'Xi Jinping'],
      ['Donald Trump', 'Lee Jae-myung'],
    ]);
    expect(passes).toHaveLength(0);
    await drain(g, s);
    expect(batches.flat().map((m) => m.text)).toEqual(names);
    const [pass] = passes;
    expect(pass).toMatchObject({ mentions: 5, entities: 5, textNodes: 5 });
    // One slice more than the page was given turns.
    expect(pass!.slices).toBe(g.yieldToPage.mock.calls.length + 1);
    expect(pass!.longestSliceMs).toBeGreaterThanOrEqual(SLICE_BUDGET_MS);
    // The clock moves on every read: the budget's, and the three that time
    // the linking at the end of the slice and its decisions.
    expect(pass!.longestSliceMs).toBeLessThan(3.5 * SLICE_BUDGET_MS);
    expect(pass!.longestLinkMs).toBeGreaterThan(0);
    expect(pass!.longestLinkMs).toBeLessThan(pass!.longestSliceMs);
    expect(pass!.longestDecisionMs).toBeGreaterThan(0);
    expect(pass!.longestDecisionMs).toBeLessThan(pass!.longestLinkMs);
    expect(pass!.cpuMs).toBeGreaterThanOrEqual(pass!.longestSliceMs);
    expect(pass!.cpuMs).toBeLessThanOrEqual(pass!.endedAt - pass!.startedAt);
  });

  it('clocks a long run of tiny blocks too', async () => {
    const count = 50;
    const text = 'Xi.';
    document.body.append(...Array.from({ length: count }, () => paragraph(text)));
    const g = gate();
    // Every read of the clock finds the budget spent.
    const { scanner: s, passes } = scanner({ step: SLICE_BUDGET_MS, yieldToPage: g.yieldToPage });
    s.enqueue(document.body);
    await drain(g, s);
    const blocksPerRead = Math.ceil(CLOCK_EVERY_UNITS / (text.length + CLOCK_UNITS_PER_BLOCK));
    expect(passes[0]!.slices).toBe(Math.ceil(count / blocksPerRead));
    expect(passes[0]!.chars).toBe(count * text.length);
  });

  it('reports chars, text nodes, mentions and distinct entities of a pass', () => {
    document.body.append(
      paragraph('Wang Yi met Toshimitsu Motegi.'),
      paragraph('Wang Yi left.'),
      paragraph('Nobody else.'),
    );
    document.body.lastElementChild!.append(document.createElement('b'));
    document.body.lastElementChild!.lastElementChild!.textContent = ' Xi Jinping';
    const { scanner: s, passes } = scanner({ step: 1 });
    s.enqueue(document.body);
    expect(passes).toEqual([
      {
        mentions: 4,
        entities: 3,
        textNodes: 4,
        chars: document.body.textContent!.length,
        cpuMs: expect.any(Number),
        slices: 1,
        longestSliceMs: expect.any(Number),
        longestLinkMs: expect.any(Number),
        longestDecisionMs: expect.any(Number),
        startedAt: expect.any(Number),
        endedAt: expect.any(Number),
      },
    ]);
    expect(passes[0]!.endedAt).toBeGreaterThan(passes[0]!.startedAt);
  });

  it('gives the page its turn with an idle callback, or a timeout where there is none', async () => {
    const idle = vi.fn((callback: () => void, _options: { timeout: number }) => {
      callback();
      return 1;
    });
    vi.stubGlobal('requestIdleCallback', idle);
    await yieldToIdle();
    // A busy page must not postpone the scan forever.
    expect(idle).toHaveBeenCalledWith(expect.any(Function), { timeout: IDLE_TIMEOUT_MS });
    vi.unstubAllGlobals();

    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    let done = false;
    void yieldToIdle().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
});

describe('Scanner: the queue', () => {
  /** A long section the scanner takes several slices over, so that roots can be queued meanwhile. */
  function busyScanner() {
    const big = document.createElement('section');
    big.append(longParagraph('Wang Yi'), longParagraph('Sanae Takaichi'));
    document.body.append(big);
    const g = gate();
    const setup = scanner({ step: SLICE_BUDGET_MS, yieldToPage: g.yieldToPage });
    setup.scanner.enqueue(big);
    expect(setup.scanner.busy).toBe(true);
    return { ...setup, g, big };
  }

  it('covers a root whose ancestor is queued', async () => {
    const { scanner: s, g, passes, found, big } = busyScanner();
    const parent = document.createElement('div');
    const child = paragraph('Xi Jinping spoke.');
    parent.append(child, paragraph('Donald Trump too.'));
    document.body.append(parent);
    s.enqueue(parent);
    s.enqueue(child);
    await drain(g, s);
    expect(found()).toEqual(['Wang Yi', 'Sanae Takaichi', 'Xi Jinping', 'Donald Trump']);
    expect(passes[0]!.chars).toBe(big.textContent!.length + parent.textContent!.length);
  });

  it('replaces queued descendants with their ancestor', async () => {
    const { scanner: s, g, passes, found, big } = busyScanner();
    const parent = document.createElement('div');
    const a = paragraph('Xi Jinping spoke.');
    const b = paragraph('Donald Trump too.');
    parent.append(a, b);
    document.body.append(parent);
    s.enqueue(b);
    s.enqueue(a);
    s.enqueue(parent);
    await drain(g, s);
    // In document order: one walk over the parent, not the children in queued order.
    expect(found()).toEqual(['Wang Yi', 'Sanae Takaichi', 'Xi Jinping', 'Donald Trump']);
    expect(passes[0]!.chars).toBe(big.textContent!.length + parent.textContent!.length);
  });

  it('skips a queued root that left the page before its turn', async () => {
    const { scanner: s, g, found } = busyScanner();
    const gone = paragraph('Xi Jinping spoke.');
    const kept = paragraph('Donald Trump spoke.');
    document.body.append(gone, kept);
    s.enqueue(gone);
    s.enqueue(kept);
    gone.remove();
    await drain(g, s);
    expect(found()).toEqual(['Wang Yi', 'Sanae Takaichi', 'Donald Trump']);
  });

  it('scans open shadow roots after the tree that holds them', () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(paragraph('Xi Jinping spoke.'));
    document.body.append(host, paragraph('Wang Yi spoke.'));
    const { scanner: s, found, passes } = scanner();
    s.enqueue(document.body);
    expect(found()).toEqual(['Wang Yi', 'Xi Jinping']);
    expect(passes).toHaveLength(1);
  });

  it('never enters its own UI', () => {
    const own = document.createElement('briefing-lens-card');
    own.append(paragraph('Xi Jinping'));
    document.body.append(paragraph('Wang Yi spoke.'), own);
    const { scanner: s, found } = scanner({ ownHost: own });
    s.enqueue(document.body);
    expect(found()).toEqual(['Wang Yi']);
  });

  it('remembers what the document said until told to forget it (an SPA navigation)', () => {
    // A bare "Wang" counts only once the page has named Wang Yi in full.
    const full = paragraph('Wang Yi arrived.');
    const bare = paragraph('Wang said little.');
    document.body.append(full, bare);
    const { scanner: s, found } = scanner();
    s.enqueue(full);
    s.enqueue(bare);
    expect(found()).toEqual(['Wang Yi', 'Wang']);
    s.resetDocumentState();
    s.enqueue(bare);
    expect(found()).toEqual(['Wang Yi', 'Wang']);
  });
});

describe('Scanner: forgetting', () => {
  it('reports the mentions of blocks it is told to forget, once', () => {
    const gone = paragraph('Xi Jinping left.');
    const kept = paragraph('Donald Trump stayed.');
    document.body.append(gone, kept);
    const forgotten: PageMention[][] = [];
    const batches: PageMention[][] = [];
    const s = new Scanner({
      matcher: bundled,
      ownHost: () => null,
      onMentions: (mentions) => batches.push(mentions),
      onForgotten: (mentions) => forgotten.push(mentions),
      signal: new AbortController().signal,
      now: () => 0,
      yieldToPage: () => Promise.resolve(),
    });
    s.enqueue(document.body);
    const [xi] = batches.flat().filter((m) => m.entityId === 'xi-jinping');
    gone.remove();
    s.forget((node) => !node.isConnected);
    // The very mention handed out before, so the page can undraw it.
    expect(forgotten).toHaveLength(1);
    expect(forgotten[0]).toHaveLength(1);
    expect(forgotten[0]![0]).toBe(xi);
    s.forget((node) => !node.isConnected);
    expect(forgotten).toHaveLength(1);
  });
});

describe('Scanner: the visible part first', () => {
  let restore: Array<() => void> = [];
  afterEach(() => {
    for (const undo of restore) undo();
    restore = [];
  });

  /** A viewport of 1000×800 in which `at` says which element is under a probe point. */
  function layout(at: (x: number, y: number) => Element | null) {
    for (const [name, value] of [
      ['clientWidth', 1000],
      ['clientHeight', 800],
    ] as const) {
      Object.defineProperty(document.documentElement, name, { value, configurable: true });
      restore.push(
        () => delete (document.documentElement as unknown as Record<string, unknown>)[name],
      );
    }
    const probes: Array<[number, number]> = [];
    document.elementFromPoint = (x, y) => {
      probes.push([x, y]);
      return at(x, y);
    };
    restore.push(() => delete (document as unknown as Record<string, unknown>).elementFromPoint);
    return probes;
  }

  /** An article taller than the viewport, with a paragraph in the middle of the screen. */
  function page(tall = true) {
    const article = document.createElement('article');
    const visible = paragraph('', 'visible');
    const span = document.createElement('span');
    span.textContent = 'Xi Jinping spoke.';
    visible.append(span);
    article.append(paragraph('Wang Yi spoke first.'), visible, paragraph('Donald Trump last.'));
    document.body.append(article, paragraph('Lee Jae-myung, after the article.'));
    const height = tall ? 5000 : 300;
    article.getBoundingClientRect = () => new DOMRect(0, 0, 1000, height);
    return { article, visible, span };
  }

  it('scans the block under the viewport first, and does not scan it again', () => {
    const { visible, span } = page();
    const probes = layout((_, y) => (y === 400 ? span : null));
    const { scanner: s, batches, passes } = scanner();
    s.enqueueDocument(document);
    // Ten probe points spread over the viewport.
    expect(probes).toHaveLength(10);
    expect(probes).toContainEqual([300, 400]);
    expect(batches.map((b) => b.map((m) => m.text))).toEqual([
      ['Xi Jinping'],
      ['Wang Yi', 'Donald Trump', 'Lee Jae-myung'],
    ]);
    expect(passes).toHaveLength(1);
    expect(passes[0]!.chars).toBe(document.body.textContent!.length);
    expect(batches[0]![0]!.nodes[0]!.parentNode).toBe(span);
    expect(visible.contains(batches[0]![0]!.nodes[0]!)).toBe(true);
  });

  it('takes the nearest block that is not page-sized, and each visible block once', () => {
    const { article, span } = page(false);
    // Every probe hits the same paragraph: the article is short, so it is the block.
    layout(() => span);
    const { scanner: s, batches } = scanner();
    s.enqueueDocument(document);
    expect(batches.map((b) => b.map((m) => m.text))).toEqual([
      ['Wang Yi', 'Xi Jinping', 'Donald Trump'],
      ['Lee Jae-myung'],
    ]);
    expect(batches[0]![0]!.nodes[0]!.parentNode!.parentNode).toBe(article);
  });

  it.each([
    ['code', () => document.querySelector('pre code')!],
    ['its own card', () => document.querySelector('briefing-lens-card')!],
  ])('does not put skipped content first: %s', (_, target) => {
    page();
    const pre = document.createElement('pre');
    pre.append(document.createElement('code'));
    pre.firstElementChild!.textContent = 'Sanae Takaichi';
    const own = document.createElement('briefing-lens-card');
    own.append(paragraph('Sanae Takaichi'));
    document.body.prepend(pre, own);
    layout(() => target());
    const { scanner: s, found } = scanner({ ownHost: own });
    s.enqueueDocument(document);
    expect(found()).toEqual(['Wang Yi', 'Xi Jinping', 'Donald Trump', 'Lee Jae-myung']);
  });

  it('forgets the visible part once the pass is over: a later rescan of it counts', () => {
    const { article, span } = page();
    layout(() => span);
    const { scanner: s, found } = scanner();
    s.enqueueDocument(document);
    // The article holds the visible paragraph: all of it is read again.
    s.enqueue(article);
    expect(found().filter((text) => text === 'Xi Jinping')).toHaveLength(2);
  });
});

describe('Scanner: abort', () => {
  it('stops between slices and reports no pass', async () => {
    document.body.append(longParagraph('Wang Yi'), longParagraph('Xi Jinping'));
    const g = gate();
    const {
      scanner: s,
      batches,
      passes,
      controller,
    } = scanner({
      step: SLICE_BUDGET_MS,
      yieldToPage: g.yieldToPage,
    });
    s.enqueue(document.body);
    expect(batches).toHaveLength(1);
    controller.abort();
    await resume(g, s);
    expect(s.busy).toBe(false);
    expect(batches).toHaveLength(1);
    expect(passes).toEqual([]);
  });

  it('scans nothing once aborted', () => {
    document.body.append(paragraph('Wang Yi spoke.'));
    const { scanner: s, batches, passes, controller } = scanner();
    controller.abort();
    s.enqueue(document.body);
    expect(batches).toEqual([]);
    expect(passes).toEqual([]);
    expect(s.busy).toBe(false);
  });
});
