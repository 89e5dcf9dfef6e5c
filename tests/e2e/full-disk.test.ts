/**
 * A disk that is all but full, in real Chromium: the browser profile lives
 * on a small tmpfs (mounting one needs root, as on these machines; the suite
 * skips with a line saying why where it cannot). A reader's pack is imported,
 * the disk is filled, a large pack is imported and refused, and after a
 * restart of the browser the first pack is still there, with no pack
 * reported lost. Then the database is taken away behind the extension's back
 * and the next start names the pack to import again.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launch, openExtensionPage, REPO_ROOT, waitFor, type Harness } from '../support/harness';
import { bulkyPack, notesPack } from '../support/packs';

const ARTIFACTS = path.join(REPO_ROOT, 'test-output', 'full-disk');
/** Enough for Chromium's profile, an import and some room to spare. */
const DISK_MB = 160;
/** What is left free once the disk is filled: less than the bulky pack needs. */
const LEFT_FREE_MB = 6;

/** Mounts a tmpfs at a fresh directory, or says why it cannot. */
function mountSmallDisk(): { dir: string } | { skip: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-lens-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_MB}m`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
    return { dir };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const reason = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
    return { skip: `cannot mount a small tmpfs for the profile here (${reason})` };
  }
}

const freeBytes = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

describe('a full disk', () => {
  const disk = mountSmallDisk();
  const profile = 'dir' in disk ? path.join(disk.dir, 'profile') : '';
  let harness: Harness | undefined;
  let options: Page;

  const open = async () => {
    harness = await launch({ userDataDir: profile });
    options = await openExtensionPage(harness, 'options.html');
    await options.locator('.packs li').first().waitFor();
  };
  const importFile = async (name: string, pack: object) => {
    await options.locator('input[data-action="import-pack"]').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
  };
  const status = (kind: 'ok' | 'error') => options.locator(`.packs ~ .status.${kind}`);
  const installed = () =>
    options.$$eval('.packs li', (items) => items.map((li) => li.getAttribute('data-pack')));

  before(async () => {
    if ('dir' in disk) {
      mkdirSync(profile);
      mkdirSync(ARTIFACTS, { recursive: true });
      await open();
    }
  });

  after(async () => {
    await harness?.close();
    if ('dir' in disk) {
      execFileSync('umount', [disk.dir]);
      rmSync(disk.dir, { recursive: true, force: true });
    }
  });

  it('keeps the packs imported earlier when a large import does not fit', async (t) => {
    if ('skip' in disk) return t.skip(disk.skip);
    await importFile('notes.json', notesPack('1.0.0', [['ada-lovelace', 'Ada Lovelace']]));
    await status('ok').waitFor({ timeout: 20_000 });
    assert.deepEqual((await installed()).slice(1), ['notes'], 'after the bundled pack');

    // Fill the disk, leaving less than the bulky pack needs.
    const filler = path.join(disk.dir, 'filler');
    writeFileSync(
      filler,
      Buffer.alloc(Math.max(0, freeBytes(disk.dir) - LEFT_FREE_MB * 1024 * 1024)),
    );
    t.after(() => rmSync(filler, { force: true }));
    const bulky = bulkyPack(8);
    const estimate = await options.evaluate(() => navigator.storage.estimate());
    t.diagnostic(
      `disk free ${(freeBytes(disk.dir) / 2 ** 20).toFixed(1)} MB; the browser's estimate: ` +
        `usage ${(estimate.usage! / 2 ** 20).toFixed(1)} MB of a quota of ${(estimate.quota! / 2 ** 20).toFixed(1)} MB`,
    );
    await importFile('bulky.json', bulky);
    const settled = options.locator('.packs ~ .status:not(.progress)');
    const message = await waitFor(
      async () => ((await settled.count()) ? ((await settled.textContent()) ?? '') : ''),
      (text) => /Bulky reports/.test(text),
      'the bulky import to end',
      120_000,
    );
    assert.equal(await status('error').count(), 1, message);
    writeFileSync(
      path.join(ARTIFACTS, 'refused.png'),
      await options.locator('section[aria-labelledby="packs-heading"]').screenshot(),
    );
    assert.match(message, /Not enough storage to import “?"?Bulky reports/, message);
    assert.match(message, /Nothing was changed/, message);
    assert.doesNotMatch(message, /Error:|DOMException/, 'no raw browser error');
    assert.deepEqual((await installed()).slice(1), ['notes']);

    // The next start of the browser, the disk still full: the browser cannot
    // open the database, and the options page says so (instead of no packs).
    await harness!.close();
    harness = undefined;
    harness = await launch({ userDataDir: profile });
    options = await openExtensionPage(harness, 'options.html');
    await options.locator('[data-unreadable]').waitFor();
    assert.equal(
      await options.locator('[data-unreadable]').getAttribute('data-unreadable'),
      'full',
    );
    writeFileSync(
      path.join(ARTIFACTS, 'unreadable.png'),
      await options.locator('section[aria-labelledby="packs-heading"]').screenshot(),
    );
    // Space again: every pack is there, and none is reported lost.
    rmSync(filler);
    await options.reload();
    await options.locator('.packs li[data-pack="notes"]').waitFor();
    assert.equal(await options.locator('.lost-packs').count(), 0);
  });

  it('names, at the next start, a pack the database lost behind the extension’s back', async (t) => {
    if ('skip' in disk) return t.skip(disk.skip);
    // What a browser does when it clears an origin's data: the database goes, storage.local stays.
    await harness!.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('briefing-lens');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    );
    await harness!.close();
    harness = undefined;
    await open();
    const lost = options.locator('.lost-packs');
    await waitFor(
      () => lost.count(),
      (n) => n === 1,
      'the lost packs to be named',
    );
    assert.match((await lost.textContent()) ?? '', /“Reading notes”, version 1\.0\.0, imported/);
    writeFileSync(
      path.join(ARTIFACTS, 'lost.png'),
      await options.locator('section[aria-labelledby="packs-heading"]').screenshot(),
    );
    // Importing it again puts things right.
    await importFile('notes.json', notesPack('1.0.0', [['ada-lovelace', 'Ada Lovelace']]));
    await status('ok').waitFor({ timeout: 20_000 });
    await lost.waitFor({ state: 'detached' });
  });
});
