/** Database helpers for the tests: a fresh fake factory per test and a full dump for comparisons. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openBriefingDb } from '../../../lib/db/open';
import type { BriefingDb } from '../../../lib/db/schema';

export async function freshDb(factory = new IDBFactory()): Promise<BriefingDb> {
  return openBriefingDb({ factory, now: () => new Date('2025-11-01T00:00:00.000Z') });
}

/**
 * Every store's keys and values, as JSON: equal dumps mean the database holds
 * exactly the same records (store order and key order are IndexedDB's own).
 */
export async function dump(db: BriefingDb): Promise<string> {
  const out: Record<string, Array<[unknown, unknown]>> = {};
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readonly');
  for (const name of names) {
    const store = tx.objectStore(name);
    const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
    out[name] = keys.map((k, i) => [k, values[i]]);
  }
  await tx.done;
  return JSON.stringify(out);
}
