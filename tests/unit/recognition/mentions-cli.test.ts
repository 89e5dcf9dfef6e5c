/** scripts/mentions.ts run as a program on temporary files. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot } from './helpers';

const run = promisify(execFile);
const TSX = path.join(repoRoot, 'node_modules/.bin/tsx');
const SCRIPT = path.join(repoRoot, 'scripts/mentions.ts');
const dir = mkdtempSync(path.join(tmpdir(), 'mentions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
}

async function mentions(...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [SCRIPT, ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run mentions', () => {
  test('--json: one line per input, offsets into the input, each file one document', async () => {
    const a = file('a.txt', 'Lee said.\nPresident Lee Jae-myung met 習近平; Lee agreed.\n');
    const b = file('b.txt', '트럼프 대통령');
    const r = await mentions('--json', a, b);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!);
    expect(first).toEqual([
      // The first line's bare "Lee" is lit by the full name on the next one.
      { entity: 'lee-jae-myung', name: 'Lee Jae-myung', start: 0, end: 3, text: 'Lee' },
      { entity: 'lee-jae-myung', name: 'Lee Jae-myung', start: 20, end: 33, text: 'Lee Jae-myung' },
      { entity: 'xi-jinping', name: 'Xi Jinping', start: 38, end: 41, text: '習近平' },
      { entity: 'lee-jae-myung', name: 'Lee Jae-myung', start: 43, end: 46, text: 'Lee' },
    ]);
    expect(JSON.parse(lines[1]!)).toEqual([
      { entity: 'donald-trump', name: 'Donald Trump', start: 0, end: 3, text: '트럼프' },
    ]);
  }, 20_000);

  test('plain output: start-end entity "text"', async () => {
    const a = file('c.txt', 'Wang Yi called Motegi.');
    const r = await mentions(a);
    expect(r.stdout).toBe('0-7 wang-yi "Wang Yi"\n15-21 toshimitsu-motegi "Motegi"\n');
  }, 20_000);

  test('an input with no mentions gives an empty array', async () => {
    const r = await mentions('--json', file('d.txt', 'nothing to see'));
    expect(r.stdout).toBe('[]\n');
  }, 20_000);

  test('exit 2 on an unreadable file or invalid UTF-8, with a message', async () => {
    const missing = await mentions(path.join(dir, 'missing.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*missing\.txt: no such file/);
    expect(missing.stdout).toBe('');
    const bad = await mentions(file('bad.txt', Buffer.from([0x4c, 0xff, 0xfe])));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not valid UTF-8/);
    const dirArg = await mentions(dir);
    expect(dirArg.code).toBe(2);
  }, 30_000);
});
