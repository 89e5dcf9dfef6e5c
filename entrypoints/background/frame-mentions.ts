/**
 * What the frames of each tab below its top frame found, so the popup can
 * count every frame. Kept in storage.session where there is one (memory
 * only, gone when the browser closes, but surviving the service worker's
 * restarts), else in this worker's memory. Writes are queued: two frames
 * reporting at once must not overwrite each other's counts.
 */
import type { EntityCount } from '../../lib/messaging/protocol';

/** The part of a storage area used here (storage.session, or a stand-in). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

type TabFrames = Record<string, EntityCount[]>;

export class FrameMentions {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: SessionArea) {}

  private key(tabId: number): string {
    return `frames:${tabId}`;
  }

  private async read(tabId: number): Promise<TabFrames> {
    const stored = (await this.area.get(this.key(tabId)))[this.key(tabId)];
    return stored && typeof stored === 'object' ? (stored as TabFrames) : {};
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * A frame's counts (an empty list: it has gone). The top frame reporting
   * means its page is going: every frame of the tab is forgotten.
   */
  report(tabId: number, frameId: number, entities: readonly EntityCount[]): Promise<void> {
    return this.serial(async () => {
      if (frameId === 0) return this.area.remove(this.key(tabId));
      const frames = await this.read(tabId);
      if (entities.length) frames[frameId] = entities.map(({ id, count }) => ({ id, count }));
      else delete frames[frameId];
      if (Object.keys(frames).length) await this.area.set({ [this.key(tabId)]: frames });
      else await this.area.remove(this.key(tabId));
    });
  }

  /** The counts of every frame of the tab but the top one, summed per entity. */
  of(tabId: number): Promise<EntityCount[]> {
    return this.serial(async () => {
      const sum = new Map<string, number>();
      for (const list of Object.values(await this.read(tabId)))
        for (const { id, count } of list) sum.set(id, (sum.get(id) ?? 0) + count);
      return [...sum].map(([id, count]) => ({ id, count }));
    });
  }

  forgetTab(tabId: number): Promise<void> {
    return this.serial(() => this.area.remove(this.key(tabId)));
  }
}

/** A SessionArea in memory, where storage.session does not exist (and in tests). */
export function memoryArea(): SessionArea {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values) => {
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
    remove: async (key) => void items.delete(key),
  };
}
