/**
 * The card in the reader's language, with the browser's own UI in Traditional
 * Chinese and in Korean (Debian's chromium-l10n and LANGUAGE, which is what
 * chrome.i18n reports): Traditional names for zh-TW, Korean dates that never
 * run into their text, the glyphs of each run in its own language; and the
 * note a card adds on a page from another time than its briefing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  REPO_ROOT,
  inCard,
  launch,
  waitForCard,
  waitForScan,
  type Harness,
} from '../support/harness';
import { cardBox, hoverMention } from '../support/card-helpers';
import { renderDemoPage } from '../support/demo-page';

const ARTIFACTS = path.join(REPO_ROOT, 'test-output', 'card-languages');
const DOCS = path.join(REPO_ROOT, 'docs/screenshots');
mkdirSync(ARTIFACTS, { recursive: true });
const NO_L10N = existsSync('/usr/lib/chromium/locales/ko.pak')
  ? false
  : "needs Debian's chromium-l10n (scripts/ensure-browsers.sh installs it as root)";

const demo = renderDemoPage();
/** The demo article, as a page that says it was published in 2016. */
const OLD_PAGE = demo.html.replace(
  '<head>',
  '<head><meta property="article:published_time" content="2016-03-01T09:00:00+09:00">',
);

/** The card's picture, kept under docs/screenshots when asked (UPDATE_SCREENSHOTS=1). */
async function keep(page: Page, name: string) {
  const box = await cardBox(page);
  const file = path.join(ARTIFACTS, name);
  writeFileSync(
    file,
    await page.screenshot({
      clip: { x: box.x - 6, y: box.y - 6, width: box.width + 12, height: box.height + 12 },
    }),
  );
  if (process.env.UPDATE_SCREENSHOTS) copyFileSync(file, path.join(DOCS, name));
}

async function openCard(harness: Harness, url: string, name: string): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(url);
  await waitForScan(harness, page);
  await hoverMention(page, name);
  await waitForCard(page);
  return page;
}

describe('the card with a Traditional Chinese browser', { skip: NO_L10N }, () => {
  let harness: Harness;
  before(async () => {
    harness = await launch({ uiLanguage: 'zh_TW' });
  });
  after(async () => {
    await harness?.close();
  });

  it('names people in Traditional characters, and marks its language', async () => {
    const page = await openCard(
      harness,
      harness.server.route('/demo.html', { body: demo.html }),
      'Xi Jinping',
    );
    try {
      const card = await inCard(page, (root) => ({
        lang: root!.querySelector('.card')!.getAttribute('lang'),
        names: root!.querySelector('.canonical')?.textContent ?? '',
        chips: [...root!.querySelectorAll('.chip')].map((c) => c.textContent),
        note: root!.querySelector('.freshness')?.textContent ?? null,
      }));
      assert.equal(card.lang, 'zh-TW');
      assert.match(card.names, /習近平/, `Traditional: ${card.names}`);
      assert.doesNotMatch(card.names, /习近平/);
      assert.equal(card.note, null, 'a page of the briefing’s time gets no note');
      await keep(page, 'card-zh-TW.png');
    } finally {
      await page.close();
    }
  });
});

describe('the card with a Korean browser', { skip: NO_L10N }, () => {
  let harness: Harness;
  before(async () => {
    harness = await launch({ uiLanguage: 'ko' });
  });
  after(async () => {
    await harness?.close();
  });

  it('lays Korean dates beside their text, never over it', async () => {
    const page = await openCard(
      harness,
      harness.server.route('/demo.html', { body: demo.html }),
      'Wang Yi',
    );
    try {
      const rows = await inCard(page, (root) =>
        [...root!.querySelectorAll('.timeline li')].map((li) => {
          const time = li.querySelector('time')!.getBoundingClientRect();
          const text = li.querySelector('.timeline-line')!.getBoundingClientRect();
          return {
            date: li.querySelector('time')!.textContent,
            timeRight: time.right,
            textLeft: text.left,
          };
        }),
      );
      assert.ok(rows.length > 0);
      for (const row of rows) {
        assert.match(row.date ?? '', /년/, `a Korean date: ${row.date}`);
        assert.ok(
          row.timeRight <= row.textLeft,
          `the date ends before its text: ${JSON.stringify(row)}`,
        );
      }
      await keep(page, 'card-ko.png');
    } finally {
      await page.close();
    }
  });

  it('notes, in Korean, a page from before the briefing', async () => {
    const page = await openCard(
      harness,
      harness.server.route('/old.html', { body: OLD_PAGE }),
      'Wang Yi',
    );
    try {
      const note = await inCard(
        page,
        (root) => root!.querySelector('.freshness')?.textContent ?? null,
      );
      assert.ok(note, 'a freshness note');
      assert.match(note!, /2016/);
      assert.match(note!, /2025/);
    } finally {
      await page.close();
    }
  });
});
