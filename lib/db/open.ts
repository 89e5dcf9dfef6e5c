/**
 * Opening the database. idb's `openDB` always uses the global `indexedDB`;
 * this does the same through an `IDBFactory` that can be passed in, so each
 * test gets its own empty fake (`new IDBFactory()` from fake-indexeddb) and
 * the bench can run in Node.
 */
import { wrap } from 'idb';
import { upgrade } from './migrations';
import { DB_NAME, DB_VERSION, type BriefingDb } from './schema';

export interface OpenOptions {
  /** defaults to the global `indexedDB` */
  factory?: IDBFactory;
  /**
   * This connection is gone: another context (an updated service worker)
   * wants a newer version, and it was closed so as not to block the upgrade,
   * or the browser closed it (an I/O error). The owner drops its handle and
   * reopens later.
   */
  onVersionChange?: () => void;
  /** this open waits for older connections to close */
  onBlocked?: () => void;
  /** clock for the migration log */
  now?: () => Date;
}

export async function openBriefingDb(options: OpenOptions = {}): Promise<BriefingDb> {
  const factory = options.factory ?? indexedDB;
  const request = factory.open(DB_NAME, DB_VERSION);
  let migration: Promise<void> | undefined;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as BriefingDb;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as Parameters<
      typeof upgrade
    >[3];
    migration = upgrade(db, event.oldVersion, event.newVersion, tx, options.now);
    // The open request reports a failed upgrade; these only keep the same
    // failure from also surfacing as unhandled rejections.
    migration.catch(() => undefined);
    tx.done.catch(() => undefined);
  });
  if (options.onBlocked) request.addEventListener('blocked', options.onBlocked);

  let db: BriefingDb;
  try {
    db = (await wrap(request)) as unknown as BriefingDb;
  } catch (error) {
    // An aborted upgrade surfaces as a bare AbortError; the migration's own error says why.
    const cause = await migration?.then(
      () => undefined,
      (e: unknown) => e,
    );
    throw new Error(
      `Could not open the ${DB_NAME} database (version ${DB_VERSION}): ${describe(cause ?? error)}`,
      { cause: cause ?? error },
    );
  }
  db.addEventListener('versionchange', () => {
    db.close();
    options.onVersionChange?.();
  });
  // The browser closed the connection itself (its files failed, e.g. on a
  // full disk): the owner must drop the handle and open the database again.
  db.addEventListener('close', () => options.onVersionChange?.());
  return db;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
