/**
 * Importing a pack a user chose: parse and validate, compile, then write
 * everything in one readwrite transaction across the pack stores, so the
 * import either fully happens or leaves the database exactly as it was.
 */
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
export type ImportResult = { ok: true; pack: PackMeta } | { ok: false; problems: Problem[] };

/** Largest file accepted, in UTF-8 bytes: beyond this an import would take minutes and most of a quota. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportOptions {
  /** replace an installed (non-bundled) pack with the same id instead of refusing */
  replace?: boolean;
  /** records per batch between progress reports */
  batchSize?: number;
  /** clock for `importedAt` */
  now?: () => Date;
  /** the compiler; defaults to core/pack/compile's compilePack */
  compile?: (source: PackSource) => CompiledPack;
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

function isQuotaError(error: unknown): boolean {
  return (
    (error instanceof Error || error instanceof DOMException) && error.name === 'QuotaExceededError'
  );
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
  return writeImport(db, records, fileName, onProgress, options);
}

async function writeImport(
  db: BriefingDb,
  records: PackRecords,
  fileName: string,
  onProgress: ProgressCallback | undefined,
  options: ImportOptions,
): Promise<ImportResult> {
  const { id, title } = records.meta;
  const tx = db.transaction([...PACK_STORES], 'readwrite');
  let refusal: string | undefined;
  try {
    // The clash check is inside the write transaction so two imports of the
    // same id cannot both pass it.
    const existing = await tx.objectStore('packs').get(id);
    if (existing?.bundled)
      refusal = `the pack id "${id}" is the id of the bundled pack ("${existing.title}"), which cannot be replaced. Give the imported pack another id. ${NOTHING_CHANGED}`;
    else if (existing && !options.replace)
      refusal = `a pack with the id "${id}" is already installed ("${existing.title}", version ${existing.version}). Remove it first, import with "replace", or give this pack another id. ${NOTHING_CHANGED}`;
    if (refusal !== undefined) {
      await abortAndSettle(tx);
      return { ok: false, problems: [{ file: fileName, field: 'id', message: refusal }] };
    }
    if (existing) await deletePackRecords(tx, id);
    await putPackRecords(tx, records, onProgress, options.batchSize ?? DEFAULT_BATCH_SIZE);
    await tx.done;
    return { ok: true, pack: records.meta };
  } catch (error) {
    await abortAndSettle(tx);
    // Chromium reports a full quota as the transaction's error at commit; a
    // failing request reports it as its own error. Either way it is the cause.
    const quota = isQuotaError(error) || isQuotaError(tx.error);
    const message = quota
      ? `Not enough storage to import "${title}" (quota exceeded). ${NOTHING_CHANGED}`
      : `Could not store "${title}": ${describeError(error)}. ${NOTHING_CHANGED}`;
    return { ok: false, problems: [{ file: fileName, message }] };
  }
}
