/**
 * A pack's life in real Chromium, seen from the options page and from an open
 * page that names its people: import, update to a newer version (the
 * reader's topic choice kept), an older file that asks first, switching the
 * pack off and on, removal that asks and can be undone, and an import whose
 * answer is lost because the service worker is stopped after the commit.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  launch,
  openExtensionPage,
  REPO_ROOT,
  waitFor,
  waitForScan,
  type Harness,
} from '../support/harness';
import { highlightCount } from '../support/popup-helpers';
import { notesPack } from '../support/packs';

const ARTIFACTS = path.join(REPO_ROOT, 'test-output', 'packs');
/** Names only the test pack knows, and one the bundled pack knows. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title></head>
<body><main><p>Ada Lovelace wrote to Charles Babbage before Wang Yi arrived.</p></main></body></html>`;

const ADA: [string, string] = ['ada-lovelace', 'Ada Lovelace'];
const BABBAGE: [string, string] = ['charles-babbage', 'Charles Babbage'];

describe('a pack’s life', () => {
  let harness: Harness;
  let page: Page;
  let options: Page;

  const importFile = async (name: string, pack: object) => {
    await options.locator('input[data-action="import-pack"]').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
  };
  const statusText = async () => (await options.locator('.packs ~ .status').textContent()) ?? '';
  const waitForStatus = (pattern: RegExp) =>
    waitFor(statusText, (text) => pattern.test(text), `the status to match ${pattern}`);
  const waitForHighlights = (n: number) =>
    waitFor(
      () => highlightCount(page),
      (count) => count === n,
      `${n} highlights on the open page`,
    );
  const topicBox = () => options.locator('input[data-topic="computing"]');
  const inUse = () => options.locator('[data-pack="notes"] input[data-action="in-use"]');

  before(async () => {
    harness = await launch();
    page = await harness.context.newPage();
    await page.goto(harness.server.route('/notes.html', { body: PAGE }));
    await waitForScan(harness, page);
    options = await openExtensionPage(harness, 'options.html');
    await options.locator('.packs li').first().waitFor();
  });

  after(async () => {
    await harness?.close();
  });

  it('starts with the bundled names only', async () => {
    assert.equal(await highlightCount(page), 1);
  });

  it('imports version 1.0.0, and the open page shows its name', async () => {
    await importFile('notes-1.0.0.json', notesPack('1.0.0', [ADA]));
    await waitForStatus(/^Imported “Reading notes”\.$/);
    await waitForHighlights(2);
  });

  it('replaces 1.0.0 by 1.1.0 in place, keeping the reader’s topic choice', async () => {
    await topicBox().click();
    await waitForHighlights(1);
    await importFile('notes-1.1.0.json', notesPack('1.1.0', [ADA, BABBAGE]));
    await waitForStatus(/^Updated “Reading notes” from version 1\.0\.0 to 1\.1\.0\.$/);
    assert.equal(await options.locator('.packs li[data-pack="notes"]').count(), 1);
    assert.match(
      (await options.locator('[data-pack="notes"]').textContent()) ?? '',
      /version 1\.1\.0/,
    );
    assert.equal(await topicBox().isChecked(), false, 'the topic stays off');
    assert.equal(await highlightCount(page), 1);
    await topicBox().click();
    await waitForHighlights(3);
  });

  it('asks before installing an older version, and changes nothing when told no', async () => {
    await importFile('notes-1.0.0.json', notesPack('1.0.0', [ADA]));
    const question = options.getByRole('group', {
      name: 'Install this file in place of the installed version 1.1.0?',
    });
    await question.waitFor();
    assert.match(await statusText(), /installed in the newer version 1\.1\.0/);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(
      path.join(ARTIFACTS, 'options-pack-older.png'),
      await options.locator('section[aria-labelledby="packs-heading"]').screenshot(),
    );
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });
    assert.match(
      (await options.locator('[data-pack="notes"]').textContent()) ?? '',
      /version 1\.1\.0/,
    );
    assert.equal(await highlightCount(page), 3);
  });

  it('switches the pack off and on, and the open page follows', async () => {
    await inUse().click();
    await waitForStatus(/is switched off/);
    await waitForHighlights(1);
    assert.match((await options.locator('[data-pack="notes"]').textContent()) ?? '', /Off/);
    await inUse().click();
    await waitForStatus(/is in use again/);
    await waitForHighlights(3);
  });

  it('asks before removing, removes on yes, and the undo brings it back', async () => {
    const item = options.locator('[data-pack="notes"]');
    await item.locator('[data-action="remove"]').click();
    await item.getByRole('group', { name: /^Remove “Reading notes”\?/ }).waitFor();
    writeFileSync(
      path.join(ARTIFACTS, 'options-pack-remove.png'),
      await options.locator('section[aria-labelledby="packs-heading"]').screenshot(),
    );
    // The yes button has the focus: Enter confirms.
    await options.keyboard.press('Enter');
    await item.waitFor({ state: 'detached' });
    await waitForHighlights(1);
    await options.getByRole('button', { name: 'Undo' }).click();
    await waitForStatus(/^“Reading notes” is back\.$/);
    await item.waitFor();
    await waitForHighlights(3);
  });

  it('tells the truth when the worker is stopped after the commit, before it answers', async () => {
    // Hold the worker just after the import commits (it then tells the tabs
    // and writes the list of imported packs: held at that write), note that
    // it got there, and stop it there.
    await harness.worker.evaluate(() => {
      const g = globalThis as unknown as {
        chrome: { storage: { local: { set(items: object): Promise<void> } } };
        __committed?: boolean;
      };
      const area = g.chrome.storage.local;
      const set = area.set.bind(area);
      area.set = (items: object) => {
        if (!('packManifest' in items)) return set(items);
        g.__committed = true;
        return new Promise<void>(() => undefined);
      };
    });
    await importFile('late.json', {
      ...notesPack('1.0.0', [['grace-hopper', 'Grace Hopper']], 'late'),
      title: 'Late notes',
    });
    await waitFor(
      () =>
        harness.worker
          .evaluate(() => (globalThis as unknown as { __committed?: boolean }).__committed === true)
          .catch(() => false),
      Boolean,
      'the import to commit',
    );
    const cdp = await harness.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await waitForStatus(
      /^Imported “Late notes”\. \(The answer was lost; the list of packs shows it installed\.\)$/,
    );
    await options.locator('[data-pack="late"]').waitFor();
  });
});
