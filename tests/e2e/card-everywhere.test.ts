/**
 * The card where pages put their text, in real Chromium: inside an open
 * modal dialog and a fullscreen element (everything outside them is inert
 * then: a card there could be seen but not used), beside a name that scrolls
 * inside a panel, and for a name inside an iframe too short to hold it.
 * In each place the card must be whole inside the viewport and answer the
 * reader's real pointer: a click on its pin button pins it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  REPO_ROOT,
  inCard,
  launch,
  nextFrames,
  waitFor,
  waitForCard,
  waitForScan,
  type Harness,
} from '../support/harness';
import {
  allowNamedFunctions,
  cardBox,
  hoverMention,
  inside,
  intersects,
  mentionRect,
  sendNextMention,
  viewportBox,
  waitForCardClosed,
} from '../support/card-helpers';

const ARTIFACTS = path.join(REPO_ROOT, 'test-output', 'card-everywhere');
mkdirSync(ARTIFACTS, { recursive: true });

const FILLER = 'The talks covered trade, shipping lanes and the coming winter. '.repeat(8);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body { margin: 8px; font: 16px/1.5 Georgia, serif; }</style></head><body>${body}</body></html>`;

const DIALOG_PAGE = page(
  'Dialog',
  `<p>${FILLER}</p>
<dialog id="dialog"><p>In the dialog, Wang Yi spoke.</p><button>Close</button></dialog>
<script>document.getElementById('dialog').showModal();</script>`,
);
const FULLSCREEN_PAGE = page(
  'Fullscreen',
  `<div id="stage" style="background:#eee"><p>On the big screen, Wang Yi spoke.</p></div>
<button id="go" onclick="document.getElementById('stage').requestFullscreen()">Fullscreen</button>`,
);
const PANEL_PAGE = page(
  'Panel',
  `<div id="panel" style="height:320px;overflow:auto;border:1px solid #888">
<p>${FILLER}</p><p id="name">Here Wang Yi spoke.</p><p>${FILLER.repeat(6)}</p></div>`,
);

const FRAMED = page('Framed', '<p>Wang Yi spoke to reporters after the talks.</p>');
const FRAME_PAGE = page(
  'Frame',
  `<p>${FILLER}</p>
<iframe src="/framed.html" title="Comments" style="width: 420px; height: 120px; border: 1px solid #888"></iframe>
<p>${FILLER}</p>`,
);

const ZOOM_PAGE = page(
  'Zoomed',
  `<p style="margin-left: 420px">Here Wang Yi spoke.</p><p>${FILLER.repeat(12)}</p>`,
);

/** The visual viewport (what is on screen when pinch-zoomed), in the page's client coordinates. */
const visualViewportBox = (p: Page) =>
  p.evaluate(() => ({
    x: visualViewport!.offsetLeft,
    y: visualViewport!.offsetTop,
    width: visualViewport!.width,
    height: visualViewport!.height,
  }));

/** Whether a real click at the card's middle would reach the card (not an inert layer over or under it). */
async function cardTakesThePointer(p: Page): Promise<boolean> {
  return p.evaluate(() => {
    const host = document.querySelector('briefing-lens-card');
    if (!host) return false;
    const box = host.getBoundingClientRect();
    return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === host;
  });
}

/** Clicks the card's pin button with the real mouse and reads whether it says pinned. */
async function pinWithTheMouse(p: Page): Promise<boolean> {
  const at = await inCard(p, (root) => {
    const r = root?.querySelector('button[aria-pressed]')?.getBoundingClientRect();
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  });
  assert.ok(at, 'the card has a pin button');
  await p.mouse.move(at.x, at.y, { steps: 3 });
  await p.mouse.click(at.x, at.y);
  return (
    (await waitFor(
      () =>
        inCard(p, (root) =>
          root?.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed'),
        ),
      (pressed) => pressed === 'true',
      'the pin button to say pinned',
      5000,
    )) === 'true'
  );
}

describe('the card where pages put their text', () => {
  let harness: Harness;

  before(async () => {
    harness = await launch({ viewport: { width: 1000, height: 700 } });
  });

  after(async () => {
    await harness?.close();
  });

  const open = async (name: string, body: string) => {
    const p = await harness.context.newPage();
    await p.goto(harness.server.route(`/${name}.html`, { body }));
    await waitForScan(harness, p);
    await allowNamedFunctions(p);
    return p;
  };

  const expectUsable = async (p: Page, name: string) => {
    const mention = await hoverMention(p, 'Wang Yi', 0, { scroll: false });
    await waitForCard(p);
    const card = await cardBox(p);
    writeFileSync(path.join(ARTIFACTS, `${name}.png`), await p.screenshot());
    assert.ok(inside(card, await viewportBox(p)), `inside the viewport: ${JSON.stringify(card)}`);
    assert.ok(!intersects(card, mention), 'not over the name');
    assert.ok(await cardTakesThePointer(p), 'the card, not an inert layer, takes the pointer');
    assert.ok(await pinWithTheMouse(p), 'a real click pins it');
  };

  it('opens above an open modal dialog and takes clicks there', async () => {
    const p = await open('dialog', DIALOG_PAGE);
    try {
      await expectUsable(p, 'modal-dialog');
      await p.keyboard.press('Escape');
      await waitForCardClosed(p);
      assert.equal(
        await p.evaluate(() => document.querySelector('dialog')!.open),
        true,
        'Esc in the card closed the card, not the page’s dialog',
      );
      assert.equal(
        await p.evaluate(() => document.querySelector('dialog')!.children.length),
        2,
        'the dialog holds only its own children again',
      );
    } finally {
      await p.close();
    }
  });

  it('opens above a fullscreen element and takes clicks there', async () => {
    const p = await open('fullscreen', FULLSCREEN_PAGE);
    try {
      await p.click('#go');
      await p.waitForFunction(() => !!document.fullscreenElement);
      await nextFrames(p);
      await expectUsable(p, 'fullscreen');
    } finally {
      await p.close();
    }
  });

  it('shows the card of a name inside a 120 px iframe over the frame, whole, and it takes the pointer', async () => {
    harness.server.route('/framed.html', { body: FRAMED });
    const p = await open('frame', FRAME_PAGE);
    try {
      const frame = p.frames().find((f) => f.url().endsWith('/framed.html'))!;
      await waitForScan(harness, frame);
      await allowNamedFunctions(p);
      // The name's box inside the frame, moved into the page's viewport.
      const name = await frame.evaluate(() => {
        const text = document.querySelector('p')!.firstChild!;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 'Wang Yi'.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      const origin = await p.evaluate(() => {
        const iframe = document.querySelector('iframe')!;
        const r = iframe.getBoundingClientRect();
        return { x: r.x + iframe.clientLeft, y: r.y + iframe.clientTop };
      });
      const mention = { ...name, x: origin.x + name.x, y: origin.y + name.y };
      await p.mouse.move(mention.x + 10, mention.y + 40);
      await p.mouse.move(mention.x + 10, mention.y + mention.height / 2, { steps: 4 });
      await waitForCard(p);
      assert.equal(
        await frame.evaluate(() => !!document.querySelector('briefing-lens-card')),
        false,
        'not squeezed into the frame',
      );
      const card = await cardBox(p);
      writeFileSync(path.join(ARTIFACTS, 'small-iframe.png'), await p.screenshot());
      assert.ok(inside(card, await viewportBox(p)), `inside the viewport: ${JSON.stringify(card)}`);
      assert.ok(!intersects(card, mention), 'not over the name');
      assert.ok(card.height > 200, `taller than the frame: ${card.height} px`);
      assert.ok(await cardTakesThePointer(p));
      // Crossing from the frame to the card keeps it; a click pins it.
      assert.ok(await pinWithTheMouse(p), 'a real click pins it');
      await p.keyboard.press('Escape');
      await waitForCardClosed(p);
      // And again, unpinned: leaving the name and the card closes it.
      await p.mouse.move(mention.x + 10, mention.y + 40);
      await p.mouse.move(mention.x + 10, mention.y + mention.height / 2, { steps: 4 });
      await waitForCard(p);
      await p.mouse.move(5, 5, { steps: 3 });
      await waitForCardClosed(p, 5000);
    } finally {
      await p.close();
    }
  });

  it('keeps the focused name and its card on screen when the page is pinch-zoomed', async () => {
    const p = await open('zoomed', ZOOM_PAGE);
    try {
      const cdp = await p.context().newCDPSession(p);
      await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
      await p.waitForFunction(() => visualViewport!.scale === 2);
      // The name starts at 420 px: off the right of a 500 px wide visual viewport.
      assert.equal(await sendNextMention(harness, p), true);
      await p.keyboard.press('Enter');
      await waitForCard(p);
      const screen = await visualViewportBox(p);
      const name = await mentionRect(p, 'Wang Yi');
      const card = await cardBox(p);
      writeFileSync(path.join(ARTIFACTS, 'pinch-zoomed.png'), await p.screenshot());
      assert.ok(
        inside(name!, screen),
        `the name is on screen: ${JSON.stringify({ name, screen })}`,
      );
      assert.ok(inside(card, screen), `the card is on screen: ${JSON.stringify({ card, screen })}`);
      assert.ok(!intersects(card, name!), 'not over the name');
      await cdp.detach();
    } finally {
      await p.close();
    }
  });

  it('follows a name that scrolls inside a panel, and hides while the name is scrolled away', async () => {
    const p = await open('panel', PANEL_PAGE);
    try {
      await p.evaluate(() => {
        document.getElementById('name')!.scrollIntoView({ block: 'center' });
      });
      await expectUsable(p, 'panel');
      const nameTop = () =>
        p.evaluate(() => document.getElementById('name')!.getBoundingClientRect().top);
      const gap = (await cardBox(p)).y - (await nameTop());
      // Scrolled by the reader's wheel, over the panel.
      const panel = await p.evaluate(() => {
        const r = document.getElementById('panel')!.getBoundingClientRect();
        return { x: r.x + 20, y: r.y + 20 };
      });
      await p.mouse.move(panel.x, panel.y);
      await p.mouse.wheel(0, 40);
      await waitFor(
        async () => Math.abs((await cardBox(p)).y - (await nameTop()) - gap),
        (drift) => drift < 1,
        'the card to move with the name',
        5000,
      );
      await p.evaluate(() => {
        document.getElementById('panel')!.scrollTop += 2000;
      });
      await waitFor(
        () =>
          p.evaluate(
            () => getComputedStyle(document.querySelector('briefing-lens-card')!).visibility,
          ),
        (visibility) => visibility === 'hidden',
        'the card to hide while its name is out of the panel',
        5000,
      );
    } finally {
      await p.close();
    }
  });
});
