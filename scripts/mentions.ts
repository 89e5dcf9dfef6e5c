/**
 * `npm run -s mentions -- [--json] [--html] [FILE...]`: the mentions the
 * extension would highlight, using the matcher compiled from data/ (the
 * bundled pack, with the related entities its articles give each entity).
 * Reads each FILE as UTF-8 (standard input when there is none). Each input is
 * one document: its lines are its blocks (as a page's paragraphs are), and
 * every mention is decided with the evidence of the whole document.
 *
 * With --html an input is a saved web page: its text is read into blocks the
 * way the content script reads a page (entrypoints/content/scan/block-walker.ts,
 * on happy-dom: no layout, so text hidden by style sheets is read too), and
 * offsets are then into the block's text, with the block's index.
 *
 * With --explain it prints, instead, what each document says about each
 * entity: candidates accepted, whether it is named in full, namesakes, cue
 * words, related entities, and the penalty of unrelated domains (see
 * core/recognition/README.md, "Deciding").
 *
 * Output, per mention: `start-end entity-id "text"` (offsets are UTF-16 code
 * units into the decoded input, as JavaScript counts them; a byte order mark
 * counts as one). With several files, each file's lines follow a `# FILE`
 * line. With --json: exactly one line per input, a JSON array of
 * {entity, name, start, end, text} (and `block` with --html), `name` being
 * the entity's English name.
 *
 * Exit status: 0 on success, 2 when an input cannot be read or is not UTF-8,
 * or on a bad option. Nothing is printed before every input has been read.
 */
import { readFileSync } from 'node:fs';
import {
  compileMatcher,
  DocumentLinker,
  linkDocument,
  type Matcher,
  type Mention,
} from '../core/recognition';
import { matchableEntities } from '../core/pack/matchable';
import { buildBundledPack } from './build-pack';

const USAGE =
  'usage: npm run -s mentions -- [--json] [--html] [--explain] [FILE...]   (standard input when no FILE)';

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

interface Found extends Mention {
  block?: number;
}

/** A text's mentions, its lines being its blocks; offsets into the whole text. */
function mentionsOfText(matcher: Matcher, text: string): Found[] {
  const lines: string[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push(line);
    starts.push(at);
    at += line.length + 1;
  }
  return linkDocument(matcher, lines).flatMap((found, i) =>
    found.map((m) => ({ ...m, start: m.start + starts[i]!, end: m.end + starts[i]! })),
  );
}

/** What the document says about each entity it has candidates for (--explain). */
function explainText(matcher: Matcher, text: string): string[] {
  const linker = new DocumentLinker<number>(matcher.table, (a, b) => a - b);
  text.split('\n').forEach((line, i) => linker.set(i, matcher.scan(line)));
  linker.flush();
  return matcher.entityIds.flatMap((id, e) => {
    const x = linker.explain(e);
    if (x.candidates === 0 && x.competitors === 0) return [];
    return [
      `${id}: ${x.accepted}/${x.candidates} accepted, anchored ${x.anchored}, ` +
        `competitors ${x.competitors}, cues ${x.cues}, support ${x.support}, ` +
        `penalty ${x.penalty} (${x.domainWords} domain words)`,
    ];
  });
}

/** A saved page's mentions, read as the content script reads a page; offsets into each block. */
async function mentionsOfHtml(matcher: Matcher, html: string): Promise<Found[]> {
  const { blocksOfHtml } = await import('./html-blocks');
  const blocks = blocksOfHtml(html);
  return linkDocument(matcher, blocks).flatMap((found, block) =>
    found.map((m) => ({ ...m, block })),
  );
}

export async function main(argv: readonly string[]): Promise<number> {
  let json = false;
  let html = false;
  let explain = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (const a of argv) {
    if (!onlyFiles && a === '--') onlyFiles = true;
    else if (!onlyFiles && a === '--json') json = true;
    else if (!onlyFiles && a === '--html') html = true;
    else if (!onlyFiles && a === '--explain') explain = true;
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

  const built = buildBundledPack();
  if (!built.ok) {
    process.stderr.write(`mentions: data/ does not validate:\n${JSON.stringify(built.problems)}\n`);
    return 2;
  }
  const entities = matchableEntities(built.pack.entities, built.pack.briefings);
  const names = new Map(built.pack.entities.map((e) => [e.id, e.name]));
  const matcher = compileMatcher(entities);
  const out: string[] = [];
  for (const { label, text } of inputs) {
    if (explain) {
      out.push(`# ${label}`, ...explainText(matcher, text));
      continue;
    }
    const mentions = html ? await mentionsOfHtml(matcher, text) : mentionsOfText(matcher, text);
    if (json) {
      const rows = mentions.map((m) => ({
        entity: m.entityId,
        name: names.get(m.entityId) ?? m.entityId,
        ...(m.block !== undefined && { block: m.block }),
        start: m.start,
        end: m.end,
        text: m.text,
      }));
      out.push(JSON.stringify(rows));
      continue;
    }
    if (inputs.length > 1) out.push(`# ${label}`);
    for (const m of mentions)
      out.push(
        `${m.block !== undefined ? `${m.block}:` : ''}${m.start}-${m.end} ${m.entityId} ${JSON.stringify(m.text)}`,
      );
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
