/**
 * `npm run -s mentions -- [--json] [FILE...]`: the mentions the extension
 * would highlight in plain text, using the matcher compiled from
 * data/entities.json. Reads each FILE as UTF-8 (standard input when there is
 * none), with a fresh document state per input, so a bare "Lee" counts only
 * after the same input has named Lee Jae-myung.
 *
 * Output, per mention: `start-end entity-id "text"` (offsets are UTF-16 code
 * units into the decoded input, as JavaScript counts them; a byte order mark
 * counts as one). With several files, each file's lines follow a `# FILE`
 * line. With --json: exactly one line per input, a JSON array of
 * {entity, name, start, end, text}, `name` being the entity's English name.
 *
 * Exit status: 0 on success, 2 when an input cannot be read or is not UTF-8,
 * or on a bad option. Nothing is printed before every input has been read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntitySource } from '../core/pack/types';
import { compileMatcher, createDocumentState } from '../core/recognition';

const USAGE = 'usage: npm run -s mentions -- [--json] [FILE...]   (standard input when no FILE)';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTITIES = path.join(repoRoot, 'data/entities.json');

class InputError extends Error {}

function readInput(file: string | undefined): string {
  const label = file ?? 'standard input';
  let bytes: Buffer;
  try {
    bytes = readFileSync(file ?? 0);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EISDIR'
          ? 'is a directory'
          : err.code === 'EACCES'
            ? 'permission denied'
            : err.message;
    throw new InputError(`cannot read ${label}: ${why}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError(`cannot read ${label}: not valid UTF-8 text`);
  }
}

export function main(argv: readonly string[]): number {
  let json = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (const a of argv) {
    if (!onlyFiles && a === '--') onlyFiles = true;
    else if (!onlyFiles && a === '--json') json = true;
    else if (!onlyFiles && (a === '--help' || a === '-h')) {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else if (!onlyFiles && a.startsWith('-') && a !== '-') {
      process.stderr.write(`mentions: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }

  const inputs: Array<{ label: string; text: string }> = [];
  try {
    if (files.length === 0) inputs.push({ label: '-', text: readInput(undefined) });
    for (const f of files) inputs.push({ label: f, text: readInput(f === '-' ? undefined : f) });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`mentions: ${e.message}\n`);
    return 2;
  }

  const entities = JSON.parse(readFileSync(ENTITIES, 'utf8')) as EntitySource[];
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const matcher = compileMatcher(entities);
  const out: string[] = [];
  for (const { label, text } of inputs) {
    const mentions = matcher.find(text, createDocumentState());
    if (json) {
      const rows = mentions.map((m) => ({
        entity: m.entityId,
        name: names.get(m.entityId) ?? m.entityId,
        start: m.start,
        end: m.end,
        text: m.text,
      }));
      out.push(JSON.stringify(rows));
      continue;
    }
    if (inputs.length > 1) out.push(`# ${label}`);
    for (const m of mentions)
      out.push(`${m.start}-${m.end} ${m.entityId} ${JSON.stringify(m.text)}`);
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
