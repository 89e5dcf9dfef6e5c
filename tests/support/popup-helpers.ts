/**
 * Helpers for the popup and options tests and bench/popup.ts: the highlight
 * count of a page, axe-core in a page or the popup, and dark mode and Korean
 * messages for the toolbar popup (a raw DevTools target Playwright does not
 * emulate).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, TARGET_CLOSED, type PopupTarget } from './harness';

export const AXE_SOURCE = readFileSync(
  path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core on the document a script runs in; the expression returns the violations. */
const AXE_RUN = `(async () => {
  if (!window.axe) (0, eval)(${JSON.stringify(AXE_SOURCE)});
  const result = await window.axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ') + ' — ' + (n.failureSummary ?? '').replace(/\\s+/g, ' ')),
  }));
})()`;

export async function axeViolations(target: Page | PopupTarget): Promise<AxeViolation[]> {
  return 'goto' in target ? target.evaluate(AXE_RUN) : target.evaluate(AXE_RUN);
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join('\n  ')}`)
    .join('\n');
}

/** The toolbar popup is not a Playwright page: emulate the colour scheme on its target. */
export async function emulateColorScheme(
  popup: PopupTarget,
  scheme: 'light' | 'dark',
): Promise<void> {
  await popup.send('Emulation.setEmulatedMedia', {
    features: [{ name: 'prefers-color-scheme', value: scheme }],
  });
}

/** Ranges in CSS.highlights, summed over every highlight (the focus ring included). */
export async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    for (const [, h] of CSS.highlights as unknown as Map<string, Set<unknown>>) count += h.size;
    return count;
  });
}

/**
 * A script that makes chrome.i18n answer from a locale's messages.json. The
 * Chromium here ships only en-US.pak (Debian's chromium-l10n is not
 * installed), so `launch({ locale: 'ko-KR' })` does not switch chrome.i18n;
 * this shows the pages with the Korean strings they would get.
 */
export function i18nOverrideScript(locale: string): string {
  const messages = JSON.parse(
    readFileSync(path.join(REPO_ROOT, `assets/public/_locales/${locale}/messages.json`), 'utf8'),
  ) as Record<string, { message: string }>;
  const table = Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, v.message]));
  return `(() => {
    if (!globalThis.chrome?.i18n) return;
    const table = ${JSON.stringify(table)};
    const lang = ${JSON.stringify(locale)};
    chrome.i18n.getUILanguage = () => lang;
    chrome.i18n.getMessage = (key, subs) => {
      const message = table[key];
      if (message === undefined) return '';
      const list = subs === undefined ? [] : [].concat(subs).map(String);
      return message.replace(/\\$(\\d)/g, (_, n) => list[Number(n) - 1] ?? '');
    };
  })();`;
}

/** Korean messages in the extension pages a context opens from now on. */
export async function useMessagesIn(context: BrowserContext, locale: string): Promise<void> {
  await context.addInitScript(i18nOverrideScript(locale));
}

/** Korean messages in an open popup: installs the override and reloads it. */
export async function useMessagesInPopup(popup: PopupTarget, locale: string): Promise<void> {
  await popup.send('Page.enable');
  await popup.send('Page.addScriptToEvaluateOnNewDocument', { source: i18nOverrideScript(locale) });
  await popup.send('Page.reload');
  // The reloaded popup has rendered under the override once its main element is back.
  await popup.waitFor(
    `document.readyState === 'complete' && document.documentElement.lang === ${JSON.stringify(locale)} && document.querySelector('main')`,
  );
}

/**
 * `launch()` options that use BRIEFING_LENS_EXTENSION_DIR when set (a private
 * copy of a build, while someone else rebuilds .output), else the default build.
 */
export function launchOptions<T extends object>(options: T): T & { extensionDir?: string } {
  const dir = process.env.BRIEFING_LENS_EXTENSION_DIR;
  return dir ? { ...options, extensionDir: dir } : options;
}

export type Row = { id: string; count: number; person: boolean; fact: string; source: string };
/** Each listed entity of the popup's or side panel's page list, with its briefing's first sentence and source. */
const ROWS = `[...document.querySelectorAll('.entities [data-entity]')].map((e) => ({ id: e.dataset.entity, count: Number(e.querySelector('[data-count]')?.dataset.count), person: e.classList.contains('kind-person'), fact: e.querySelector('.summary .fact-text')?.textContent ?? '', source: e.querySelector('.summary a.source')?.textContent ?? '' }))`;

/** The rows, once listed and once their briefings have arrived (the rows grow as they do). */
export async function rows(popup: PopupTarget): Promise<Row[]> {
  await popup.waitFor(`document.querySelectorAll('.entities [data-entity]').length > 0`);
  await popup.waitFor(`document.querySelector('.entities[aria-busy="false"]')`);
  return listedRows(popup);
}

/** The rows as they are now. */
export function listedRows(popup: PopupTarget): Promise<Row[]> {
  return popup.evaluate<Row[]>(ROWS);
}

/** Clicks an element of the popup (or the side panel) the way a pointer would (CDP mouse events at its centre). */
export async function clickInPopup(popup: PopupTarget, selector: string): Promise<void> {
  const box = await popup.evaluate<{ x: number; y: number } | null>(
    `(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e) return null; e.scrollIntoView({ block: 'nearest' }); const r = e.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
  );
  assert.ok(box, `${selector} is in the popup`);
  for (const type of ['mousePressed', 'mouseReleased'])
    await popup
      .send('Input.dispatchMouseEvent', { type, ...box, button: 'left', clickCount: 1 })
      .catch((error: Error) => {
        // A click that opens a tab closes the popup, maybe before it answers.
        if (type !== 'mouseReleased' || !error.message.includes(TARGET_CLOSED)) throw error;
      });
}
