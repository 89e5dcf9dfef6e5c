/**
 * Shared by the content-script tests: the few platform pieces happy-dom lacks
 * (StaticRange, the CSS Custom Highlight API), mentions built by hand, the
 * bundled entities as the background would send them, and small fakes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import type { EntitySource, TopicSource } from '../../../core/pack/types';
import { compileForPages } from '../../../core/recognition';
import type { BriefingView } from '../../../core/views';
import type { MatcherData } from '../../../lib/messaging/protocol';
import type { PageMention } from '../../../entrypoints/content/scan/mention-index';
import { entities, repoRoot } from '../recognition/helpers';

export { entities as bundledEntities };

/**
 * happy-dom has no StaticRange; Chromium and Firefox do. A plain record
 * stands in (the content script only reads its four fields).
 */
export function installStaticRange(): void {
  globalThis.StaticRange ??= class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, init);
    }
  } as unknown as typeof StaticRange;
}

/**
 * Puts `value` on the document as `name` (happy-dom lays nothing out, so a
 * test supplies `caretPositionFromPoint` and the like); returns the undo.
 */
export function stubOnDocument(name: string, value: unknown): () => void {
  Object.defineProperty(document, name, { value, configurable: true, writable: true });
  return () => void delete (document as unknown as Record<string, unknown>)[name];
}

/** A stand-in for the platform's `Highlight`: a set of ranges with a priority. */
export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

/**
 * Installs a fake `CSS.highlights` registry and `Highlight` constructor on
 * globalThis (undone by `vi.unstubAllGlobals()`), and returns the registry
 * so a test can read what is drawn under which name.
 */
export function installHighlights(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', FakeHighlight);
  return registry;
}

/** The text a range covers (a StaticRange has no toString). */
export function textOf(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

/**
 * The words drawn by the highlight registered as `name`, in document order
 * (a highlight is a set: the order ranges were added in means nothing).
 */
export function drawn(registry: Map<string, FakeHighlight>, name: string): string[] {
  const byPosition = (a: AbstractRange, b: AbstractRange) => {
    if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
    // DOCUMENT_POSITION_FOLLOWING = 4: b follows a
    return a.startContainer.compareDocumentPosition(b.startContainer) & 4 ? -1 : 1;
  };
  return [...(registry.get(name) ?? [])].sort(byPosition).map(textOf);
}

/** A mention of [start, end) inside one text node, as the scanner would make it. */
export function mentionIn(node: Text, start: number, end: number, entityId: string): PageMention {
  return {
    entityId,
    text: node.data.slice(start, end),
    range: new StaticRange({
      startContainer: node,
      startOffset: start,
      endContainer: node,
      endOffset: end,
    }),
    nodes: [node],
  };
}

export const bundledTopics = JSON.parse(
  readFileSync(path.join(repoRoot, 'data/topics.json'), 'utf8'),
) as TopicSource[];

/**
 * What the background's `getMatcherData` answers for the bundled entities,
 * through a JSON round trip as on the wire (Chromium's messages are JSON).
 */
export function bundledMatcherData(list: readonly EntitySource[] = entities): MatcherData {
  const data: MatcherData = {
    version: 'bundled@test',
    entities: list.map(({ id, kind, name, names, topics }) => ({ id, kind, name, names, topics })),
    topics: bundledTopics,
    matcher: compileForPages(list),
  };
  return JSON.parse(JSON.stringify(data)) as MatcherData;
}

/** A briefing the card can show: just enough of one. */
export function briefingView(id: string, name: string, related: string[] = []): BriefingView {
  return {
    entity: { id, kind: 'person', name, aliases: { en: [name] }, topics: [] },
    packIds: ['bundled'],
    briefing: {
      entityId: id,
      facts: [],
      timeline: [],
      related: related.map((entityId) => ({ entityId, weight: 1 })),
      articles: [],
      mentionCount: 1,
    },
    articles: [],
    relatedEntities: related.map((entityId) => ({ id: entityId, kind: 'person', name: entityId })),
  };
}

/** A promise and the functions that settle it, for answers that arrive when a test says so. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * An extension event with a `trigger`, like the fake browser's own, for the
 * APIs WXT's fake browser leaves unimplemented (commands.onCommand).
 */
export function fakeEvent<A extends unknown[]>() {
  const listeners: Array<(...args: A) => unknown> = [];
  return {
    addListener: (listener: (...args: A) => unknown) => void listeners.push(listener),
    removeListener: (listener: (...args: A) => unknown) => {
      const at = listeners.indexOf(listener);
      if (at >= 0) listeners.splice(at, 1);
    },
    hasListener: (listener: (...args: A) => unknown) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: A) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

/**
 * `event` as the browser makes it for the reader's own input. The content
 * script obeys only trusted events; happy-dom has no `isTrusted` at all (it
 * reads undefined, as untrusted), so a test marks the reader's events.
 */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A port a side panel would open to the page (runtime.onConnect's argument), recording what it hears. */
export function fakePanelPort(name = 'briefing-lens-panel') {
  const onDisconnect = fakeEvent<[]>();
  const heard: unknown[] = [];
  return {
    name,
    heard,
    postMessage: (message: unknown) => void heard.push(message),
    disconnect: vi.fn(),
    onDisconnect,
  };
}
