/**
 * Importing a pack a user chose: parse and validate, compile, then write
 * everything in one readwrite transaction across the pack stores, so the
 * import either fully happens or leaves the database exactly as it was.
 * A newer version of an installed pack replaces it in that same transaction
 * (keeping whether the reader had switched it off); the same version is
 * refused, and an older one (or one that cannot be ordered) is installed only
 * with `replace`, which the options page asks the reader for.
 */
import { compareVersions } from '../../core/pack/version';
import { isFullStorage } from '../../core/full-storage';
import { compilePack } from '../../core/pack/compile';
import type { CompiledPack, PackSource } from '../../core/pack/types';
import { parsePackJson, type Problem } from '../../core/pack/validate';
import { buildPackRecords, type PackRecords } from './records';
import type { PackMeta } from '../../core/views';
import { PACK_STORES, type BriefingDb } from './schema';
import {
  abortAndSettle,
  deletePackRecords,
  DEFAULT_BATCH_SIZE,
  putPackRecords,
  type ProgressCallback,
} from './write';

export type { Problem };
export type ImportResult =
  | { ok: true; pack: PackMeta; /** the version this import replaced */ replaced?: string }
  | {
      ok: false;
      problems: Problem[];
      /** the installed version, when the pack is not newer and `replace` would install it */
      installedVersion?: string;
    };

/** Largest file accepted, in UTF-8 bytes: beyond this an import would take minutes and most of a quota. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportOptions {
  /** replace an installed (non-bundled) pack with the same id even when this one is not newer */
  replace?: boolean;
  /** records per batch between progress reports */
  batchSize?: number;
  /** clock for `importedAt` */
  now?: () => Date;
  /** the compiler; defaults to core/pack/compile's compilePack */
  compile?: (source: PackSource) => CompiledPack;
  /**
   * Looks at the records before anything is written and answers why they must
   * not be stored (what they would cost every page, say), or null to go on.
   */
  vet?: (records: PackRecords) => Promise<string | null>;
}

const NOTHING_CHANGED = 'Nothing was changed.';

function utf8Length(text: string): number {
  // Exact count only near the limit: every UTF-16 unit is 1–3 UTF-8 bytes.
  if (text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function describeError(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException)
    return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

export async function importPack(
  db: BriefingDb,
  text: string,
  fileName: string,
  onProgress?: ProgressCallback,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const fail = (message: string): ImportResult => ({
    ok: false,
    problems: [{ file: fileName, message }],
  });

  const bytes = utf8Length(text);
  if (bytes > MAX_IMPORT_BYTES)
    return fail(
      `the file is too large to import: ${megabytes(bytes)}, at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB. ${NOTHING_CHANGED}`,
    );

  const parsed = parsePackJson(text, fileName);
  if (!parsed.ok) return parsed;
  const source = parsed.pack;

  let compiled: CompiledPack;
  try {
    compiled = (options.compile ?? compilePack)(source);
  } catch (error) {
    return fail(`could not be compiled: ${describeError(error)}. ${NOTHING_CHANGED}`);
  }

  // Built before the transaction opens: the transaction should hold only requests.
  const records = buildPackRecords(compiled, {
    bundled: false,
    importedAt: (options.now?.() ?? new Date()).toISOString(),
  });
  const objection = await options.vet?.(records);
  if (objection) return fail(`${objection} ${NOTHING_CHANGED}`);
  return writeImport(db, records, fileName, onProgress, options);
}

async function writeImport(
  db: BriefingDb,
  records: PackRecords,
  fileName: string,
  onProgress: ProgressCallback | undefined,
  options: ImportOptions,
): Promise<ImportResult> {
  const { id, title, version } = records.meta;
  const tx = db.transaction([...PACK_STORES], 'readwrite');
  try {
    // The clash check is inside the write transaction so two imports of the
    // same id cannot both pass it.
    const existing = await tx.objectStore('packs').get(id);
    const refuse = async (field: string, message: string, installedVersion?: string) => {
      await abortAndSettle(tx);
      return {
        ok: false as const,
        problems: [{ file: fileName, field, message: `${message} ${NOTHING_CHANGED}` }],
        ...(installedVersion !== undefined && { installedVersion }),
      };
    };
    if (existing?.bundled)
      return refuse(
        'id',
        `the pack id "${id}" is the id of the bundled pack ("${existing.title}"), which cannot be replaced. Give the imported pack another id.`,
      );
    const order = existing && compareVersions(version, existing.version);
    // The same version again is never installed over itself: pages tell
    // data apart by pack versions, so a changed file needs a new version.
    if (existing && order === 0)
      return refuse(
        'version',
        `${
          version === existing.version
            ? `version ${version} of "${existing.title}" is already installed.`
            : `"${existing.title}" is installed in version ${existing.version}, the same version as this file's ${version}.`
        } To install this file instead, give it a newer version or remove the installed pack first.`,
      );
    if (existing && !options.replace) {
      if (order === null || order! < 0)
        return refuse(
          'version',
          order === null
            ? `"${existing.title}" is installed as version ${existing.version}, and it cannot be told whether ${version} is newer.`
            : `"${existing.title}" is installed in the newer version ${existing.version}; this file is version ${version}.`,
          existing.version,
        );
    }
    // The reader's switch survives an update.
    const meta = existing?.disabled ? { ...records.meta, disabled: true } : records.meta;
    if (existing) await deletePackRecords(tx, id);
    await putPackRecords(
      tx,
      { ...records, meta },
      onProgress,
      options.batchSize ?? DEFAULT_BATCH_SIZE,
    );
    await tx.done;
    return { ok: true, pack: meta, ...(existing && { replaced: existing.version }) };
  } catch (error) {
    await abortAndSettle(tx);
    // Chromium reports a full quota as the transaction's error at commit, and
    // a full disk as an I/O error that closes the connection; a failing
    // request reports its own error. The browser's words stay out of the
    // message: they name files and codes, not what the reader can do.
    const full = isFullStorage(error) || isFullStorage(tx.error);
    const message = full
      ? `Not enough storage to import "${title}": the disk or the browser's storage for extensions is full. ${NOTHING_CHANGED}`
      : `Could not store "${title}": the browser stopped writing it before the end. ${NOTHING_CHANGED}`;
    return { ok: false, problems: [{ file: fileName, message }] };
  }
}
