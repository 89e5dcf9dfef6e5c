/**
 * The highlight sheets the background inserts into frames: a new style
 * replaces the old sheet, null takes ours away, and a frame that navigated
 * (and so lost its sheet) gets one again. WXT's fake browser has no
 * scripting API; the calls are recorded instead.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FrameSheets } from '../../../entrypoints/background/frame-sheets';
import { highlightCss } from '../../../core/highlight-css';

let calls: string[];

beforeEach(() => {
  calls = [];
  const record =
    (verb: string) =>
    async ({ target, css }: { target: { tabId: number; frameIds: number[] }; css: string }) => {
      calls.push(`${verb} ${target.tabId}:${target.frameIds.join()} ${css.length}`);
    };
  vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockImplementation(record('insert') as never);
  vi.spyOn(fakeBrowser.scripting, 'removeCSS').mockImplementation(record('remove') as never);
});

const underline = highlightCss('underline');
const background = highlightCss('background');

describe('FrameSheets', () => {
  it('inserts a user-origin sheet into the asking frame only', async () => {
    await new FrameSheets().set(3, 7, underline);
    expect(fakeBrowser.scripting.insertCSS).toHaveBeenCalledWith({
      target: { tabId: 3, frameIds: [7] },
      css: underline,
      origin: 'USER',
    });
  });

  it('removes the old sheet before inserting a new style', async () => {
    const sheets = new FrameSheets();
    await sheets.set(3, 0, underline);
    await sheets.set(3, 0, background);
    expect(calls).toEqual([
      `insert 3:0 ${underline.length}`,
      `remove 3:0 ${underline.length}`,
      `insert 3:0 ${background.length}`,
    ]);
  });

  it('takes its sheet away on null, and then has nothing to remove', async () => {
    const sheets = new FrameSheets();
    await sheets.set(3, 0, underline);
    await sheets.set(3, 0, null);
    await sheets.set(3, 0, null);
    expect(calls).toEqual([`insert 3:0 ${underline.length}`, `remove 3:0 ${underline.length}`]);
  });

  it('inserts again for the same style: the frame may hold a new document', async () => {
    const sheets = new FrameSheets();
    await sheets.set(3, 0, underline);
    await sheets.set(3, 0, underline);
    expect(calls.filter((c) => c.startsWith('insert'))).toHaveLength(2);
  });

  it('still inserts when removing the old sheet fails, and forgets closed tabs', async () => {
    vi.mocked(fakeBrowser.scripting.removeCSS).mockRejectedValueOnce(new Error('No frame'));
    const sheets = new FrameSheets();
    await sheets.set(3, 0, underline);
    await sheets.set(3, 0, background);
    expect(calls.at(-1)).toBe(`insert 3:0 ${background.length}`);
    sheets.forgetTab(3);
    await sheets.set(3, 0, null);
    expect(calls.at(-1)).toBe(`insert 3:0 ${background.length}`);
  });
});

describe('highlightCss', () => {
  it.each([false, true])(
    'sets every property a page rule could use to hide a name, !important, for each style (fill as a line: %s)',
    (fillAsLine) => {
      for (const style of ['underline', 'background', 'subtle'] as const) {
        const css = highlightCss(style, { fillAsLine });
        for (const name of ['person', 'place', 'event', 'topic', 'focus']) {
          const rule = css.match(
            new RegExp(`::highlight\\(briefing-lens-${name}\\) \\{([^}]*)\\}`),
          );
          expect(rule, `${style} ${name}`).not.toBeNull();
          for (const property of ['color', 'background-color', 'text-decoration', 'text-shadow'])
            expect(rule![1]).toMatch(new RegExp(`\\n  ${property}: [^;]+ !important;`));
        }
      }
    },
  );

  it('fills with the background, or (Chromium) with a line as thick as the text behind it', () => {
    const rule = (css: string, name: string) =>
      css.match(new RegExp(`::highlight\\(briefing-lens-${name}\\) \\{([^}]*)\\}`))![1];
    const filled = highlightCss('background', { fillAsLine: false });
    const lined = highlightCss('background', { fillAsLine: true });
    for (const name of ['person', 'focus']) {
      expect(rule(filled, name)).toMatch(/background-color: rgb|background-color: #/);
      expect(rule(filled, name)).toMatch(/text-decoration: none/);
      expect(rule(lined, name)).toMatch(/background-color: transparent/);
      expect(rule(lined, name)).toMatch(/text-decoration: underline 1\.15em /);
      expect(rule(lined, name)).toMatch(/text-underline-offset: -0\.95em/);
    }
    // The other styles keep their own lines; only the focus is filled.
    expect(rule(highlightCss('underline', { fillAsLine: true }), 'person')).toMatch(
      /underline 2px/,
    );
  });

  it('carries the style in the colours, not in the names', () => {
    const names = (css: string) => [...css.matchAll(/::highlight\(([^)]+)\)/g)].map((m) => m[1]);
    expect(names(highlightCss('underline'))).toEqual(names(highlightCss('background')));
    expect(highlightCss('underline')).not.toEqual(highlightCss('background'));
  });
});
