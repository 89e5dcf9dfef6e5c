// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BATCH_DELAY_MS,
  LOCATION_POLL_MS,
  watchMutations,
} from '../../../entrypoints/content/scan/mutations';

function watch(isOwn: (node: Node) => boolean = () => false) {
  const controller = new AbortController();
  const onChanged = vi.fn<(roots: Node[], removedSome: boolean) => void>();
  const onNavigated = vi.fn<() => void>();
  const onDesignMode = vi.fn<(on: boolean) => void>();
  watchMutations({ signal: controller.signal, isOwn, onChanged, onNavigated, onDesignMode });
  return { controller, onChanged, onNavigated, onDesignMode };
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/** The observer reports in a microtask; the batch waits for its timer. */
const elapse = (ms: number) => vi.advanceTimersByTimeAsync(ms);

let controller: AbortController | undefined;
beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  history.replaceState(null, '', '/news/story?id=1');
});
afterEach(() => {
  controller?.abort();
  controller = undefined;
  vi.useRealTimers();
});

describe('watchMutations: batches', () => {
  it('turns a burst of changes into one batch, BATCH_DELAY_MS after the first', async () => {
    const existing = paragraph('Wang Yi');
    document.body.append(existing);
    const w = watch();
    controller = w.controller;
    const added = paragraph('Xi Jinping');
    document.body.append(added);
    existing.firstChild!.textContent = 'Wang Yi spoke';
    await elapse(BATCH_DELAY_MS / 2);
    const later = paragraph('Motegi');
    document.body.append(later);
    await elapse(BATCH_DELAY_MS / 2 - 1);
    expect(w.onChanged).not.toHaveBeenCalled();
    await elapse(1);
    // A new element is its own root; edited text is rescanned where it stands.
    expect(w.onChanged).toHaveBeenCalledTimes(1);
    expect(w.onChanged).toHaveBeenCalledWith([added, existing.firstChild, later], false);
    await elapse(10 * BATCH_DELAY_MS);
    expect(w.onChanged).toHaveBeenCalledTimes(1);
  });

  it('starts a new batch for changes after a batch went out', async () => {
    const w = watch();
    controller = w.controller;
    const first = paragraph('one');
    document.body.append(first);
    await elapse(BATCH_DELAY_MS);
    const second = paragraph('two');
    document.body.append(second);
    await elapse(BATCH_DELAY_MS);
    expect(w.onChanged.mock.calls).toEqual([
      [[first], false],
      [[second], false],
    ]);
  });

  it.each([
    [
      'new text in an element rescans the element',
      (p: HTMLElement) => p.append(' and Motegi'),
      (p: HTMLElement) => [[p], false],
    ],
    [
      'a removed element is flagged, and its parent rescanned',
      (p: HTMLElement) => p.querySelector('b')!.remove(),
      (p: HTMLElement) => [[p], true],
    ],
  ])('%s', async (_, change, expected) => {
    const p = document.createElement('div');
    p.append('Wang Yi ', document.createElement('b'));
    document.body.append(p);
    const w = watch();
    controller = w.controller;
    change(p);
    await elapse(BATCH_DELAY_MS);
    expect(w.onChanged.mock.calls).toEqual([expected(p)]);
  });

  it('scans only the new content of a replacement, and flags the removal', async () => {
    // Browsers report replaceChildren as one record that removes and adds;
    // happy-dom splits it in two, so the record is handed over as a browser makes it.
    let report: MutationCallback = () => undefined;
    vi.stubGlobal(
      'MutationObserver',
      class {
        constructor(callback: MutationCallback) {
          report = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    const w = watch();
    controller = w.controller;
    const parent = document.createElement('div');
    const added = paragraph('Xi');
    report(
      [
        {
          type: 'childList',
          target: parent,
          addedNodes: [added] as unknown as NodeList,
          removedNodes: [paragraph('Wang Yi')] as unknown as NodeList,
        } as unknown as MutationRecord,
      ],
      {} as MutationObserver,
    );
    await elapse(BATCH_DELAY_MS);
    vi.unstubAllGlobals();
    expect(w.onChanged.mock.calls).toEqual([[[added], true]]);
  });

  it('ignores changes inside its own nodes, and its own nodes coming', async () => {
    const own = document.createElement('briefing-lens-card');
    const inside = paragraph('Wang Yi');
    own.append(inside);
    const w = watch((node) => node === own || own.contains(node));
    controller = w.controller;
    document.documentElement.append(own);
    inside.textContent = 'Xi Jinping';
    own.append(paragraph('Motegi'));
    await elapse(BATCH_DELAY_MS);
    // Nothing to do: not even a timer was set.
    expect(w.onChanged).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1); // the location poll only
    own.remove();
  });

  it('ignores its own nodes going', async () => {
    const own = document.createElement('briefing-lens-card');
    document.documentElement.append(own);
    const w = watch((node) => node === own || own.contains(node));
    controller = w.controller;
    own.remove();
    await elapse(BATCH_DELAY_MS);
    expect(w.onChanged).not.toHaveBeenCalled();
  });
});

describe('watchMutations: navigation', () => {
  it.each([
    ['a new path', '/news/other?id=1', true],
    ['a new query', '/news/story?id=2', true],
    ['a new hash', '/news/story?id=1#comments', false],
    ['the same address', '/news/story?id=1', false],
  ])('pushState to %s is a navigation: %s', async (_, to, navigated) => {
    const w = watch();
    controller = w.controller;
    history.pushState(null, '', to);
    await elapse(LOCATION_POLL_MS - 1);
    // The history API fires no event: only the poll notices.
    expect(w.onNavigated).not.toHaveBeenCalled();
    await elapse(1);
    expect(w.onNavigated).toHaveBeenCalledTimes(navigated ? 1 : 0);
    // Once per change of address, not once per poll.
    await elapse(5 * LOCATION_POLL_MS);
    expect(w.onNavigated).toHaveBeenCalledTimes(navigated ? 1 : 0);
  });

  it('notices back and forward at once, through popstate', async () => {
    const w = watch();
    controller = w.controller;
    history.pushState(null, '', '/news/other');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(w.onNavigated).toHaveBeenCalledTimes(1);
    await elapse(LOCATION_POLL_MS);
    expect(w.onNavigated).toHaveBeenCalledTimes(1);
  });

  it('compares with the last address seen, so a hash change then a path change is one navigation', async () => {
    const w = watch();
    controller = w.controller;
    history.pushState(null, '', '/news/story?id=1#top');
    await elapse(LOCATION_POLL_MS);
    history.pushState(null, '', '/news/next#top');
    await elapse(LOCATION_POLL_MS);
    expect(w.onNavigated).toHaveBeenCalledTimes(1);
  });
});

describe('watchMutations: teardown', () => {
  it('stops observing, batching and polling when its signal aborts', async () => {
    const w = watch();
    const p = paragraph('Wang Yi');
    document.body.append(p);
    await elapse(BATCH_DELAY_MS / 2);
    // A batch under way is dropped, not delivered.
    w.controller.abort();
    // Neither the batch's timer nor the poll is left behind.
    expect(vi.getTimerCount()).toBe(0);
    await elapse(BATCH_DELAY_MS);
    document.body.append(paragraph('Xi'));
    history.pushState(null, '', '/elsewhere');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await elapse(LOCATION_POLL_MS);
    expect(w.onChanged).not.toHaveBeenCalled();
    expect(w.onNavigated).not.toHaveBeenCalled();
  });
});

describe('watchMutations: editors', () => {
  it.each([
    ['contenteditable', 'true'],
    ['role', 'textbox'],
  ])('reports an element whose %s changed', async (name, value) => {
    const p = paragraph('Wang Yi');
    document.body.append(p);
    const w = watch();
    controller = w.controller;
    p.setAttribute(name, value);
    await elapse(BATCH_DELAY_MS);
    expect(w.onChanged).toHaveBeenCalledWith([p], false);
  });

  it('ignores other attributes', async () => {
    const p = paragraph('Wang Yi');
    document.body.append(p);
    const w = watch();
    controller = w.controller;
    p.setAttribute('class', 'selected');
    await elapse(BATCH_DELAY_MS);
    expect(w.onChanged).not.toHaveBeenCalled();
  });

  it('notices designMode turning on and off, on the poll', async () => {
    const w = watch();
    controller = w.controller;
    document.designMode = 'on';
    await elapse(LOCATION_POLL_MS);
    expect(w.onDesignMode.mock.calls).toEqual([[true]]);
    document.designMode = 'off';
    await elapse(LOCATION_POLL_MS);
    expect(w.onDesignMode.mock.calls).toEqual([[true], [false]]);
    await elapse(LOCATION_POLL_MS);
    expect(w.onDesignMode).toHaveBeenCalledTimes(2);
  });
});
