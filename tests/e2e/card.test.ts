/**
 * The briefing card where readers meet it: the built extension in Chromium,
 * on the demo page and on saved corpus pages. Worth opening (role, sourced
 * facts, timeline), reachable and closable by keyboard, never
 * over the name or outside the viewport, untouched by hostile page styles and
 * leaving the page untouched, and free of axe-core violations in light and
 * dark, as are the full briefing and article pages it leads to. How fast it
 * appears is measured by `npm run bench:card`, not asserted here.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  CORPUS_DIR,
  REPO_ROOT,
  SHARED_MISSING,
  STATIC_PAGE_HEADERS,
  cardText,
  clickInCard,
  diagnostics,
  extensionUrl,
  inCard,
  waitInCard,
  hasCorpus,
  launch,
  nextFrames,
  openExtensionPage,
  waitFor,
  waitForCard,
  waitForPageClock,
  waitForScan,
  type Harness,
} from '../support/harness';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { FETCH_AFTER_MS, HIDE_AFTER_MS } from '../../entrypoints/content/card/timing';
import {
  accessibilityTree,
  axeViolations,
  drawnMentions,
  focusedMention,
  cardBox,
  cardContents,
  cardStyles,
  focusInCard,
  hoverMention,
  inside,
  intersects,
  isCardOpen,
  mentionRect,
  pageSnapshot,
  pixelDiff,
  sendNextMention,
  viewportBox,
  waitForCardClosed,
  type Box,
} from '../support/card-helpers';
import { renderDemoPage } from '../support/demo-page';

const ARTIFACTS = path.join(REPO_ROOT, 'test-output', 'card');
mkdirSync(ARTIFACTS, { recursive: true });

const demo = renderDemoPage();

const FILLER =
  'The talks covered trade, shipping lanes and the coming winter, and the delegations met again after lunch. ';
const KEYS_NAMES = [
  'Wang Yi',
  'Toshimitsu Motegi',
  'Xi Jinping',
  'Lee Jae-myung',
  'Sanae Takaichi',
];
/**
 * A long article for the keyboard: a page link to have focused, names
 * spread over many paragraphs, and one paragraph taller than a phone's
 * screen with a name in its middle.
 */
const KEYS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Keys</title>
<style>body { margin: 0 12px; font: 18px/1.6 Georgia, serif; }</style></head><body>
<p><a id="home" href="/elsewhere.html">Home</a></p>
${Array.from({ length: 24 }, (_, i) =>
  i === 12
    ? `<p>${FILLER.repeat(30)}${KEYS_NAMES[i % 5]} spoke at length. ${FILLER.repeat(30)}</p>`
    : `<p>${FILLER.repeat(2)}${KEYS_NAMES[i % 5]} answered. ${FILLER}</p>`,
).join('\n')}
</body></html>`;

/** Names in the four corners of the viewport (and one mid-height, for short viewports). */
const EDGES_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Edges</title>
<style>
  body { margin: 0; font: 16px/1.5 Georgia, serif; }
  p { position: fixed; margin: 0; }
  #tl { top: 2px; left: 4px; }
  #tr { top: 2px; right: 4px; }
  #bl { bottom: 2px; left: 4px; }
  #br { bottom: 2px; right: 4px; }
  #ml { top: 50%; left: 4px; }
</style></head>
<body>
  <p id="tl">Wang Yi</p>
  <p id="tr">Xi Jinping</p>
  <p id="bl">Lee Jae-myung</p>
  <p id="br">Sanae Takaichi</p>
  <p id="ml">Donald Trump</p>
</body></html>`;

/** What a careless or hostile page does to everything it can reach. */
const HOSTILE_CSS = `
  * { all: unset !important; }
  html { font-size: 40px !important; line-height: 3 !important; }
  body, div, section, p, button, a, span, h2, h3, ul, li { font: italic 30px serif !important; color: red !important; letter-spacing: 4px !important; }
  :root { --bg: red; --fg: lime; --accent: orange; --available-height: 20px; }
`;
const HOSTILE_PAGE = demo.html.replace('</head>', `<style>${HOSTILE_CSS}</style></head>`);

function save(name: string, png: Buffer): void {
  writeFileSync(path.join(ARTIFACTS, name), png);
}

async function openPage(harness: Harness, url: string): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(url);
  await waitForScan(harness, page);
  return page;
}

async function closeCard(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await waitForCardClosed(page);
}

/**
 * Clicks the citation of each kind of line of the open card (role, first
 * fact, first timeline entry): each opens the article page with that line's
 * sentence marked and in view.
 */
async function expectEveryLineLinked(harness: Harness, page: Page): Promise<void> {
  const lines = await inCard(page, (root) =>
    ['.role', '.facts li', '.timeline li'].map((selector) => {
      const line = root!.querySelector(selector)!;
      const text = line.querySelector('strong, .fact-text, .timeline-text')!.textContent!;
      return { selector, text: text.replace(/…$/, '') };
    }),
  );
  for (const line of lines) {
    const [article] = await Promise.all([
      harness.context.waitForEvent('page'),
      clickInCard(page, `${line.selector} a.source`),
    ]);
    await article.waitForURL(/article\.html#bundled\//);
    const mark = article.locator('mark.cited');
    await mark.waitFor();
    const marked = (await mark.textContent()) ?? '';
    assert.ok(
      marked.includes(line.text.slice(0, 40)),
      `${line.selector}: the marked sentence is the line's: "${marked}" / "${line.text}"`,
    );
    const inView = await mark.evaluate((m) => {
      const r = m.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    assert.ok(inView, 'the cited sentence is scrolled into view');
    if (line.selector === '.facts li') save('article.png', await article.screenshot());
    await article.close();
  }
}

/** Hovers a name and waits for its card. */
async function hoverAndWait(page: Page, text: string, nth = 0): Promise<void> {
  await hoverMention(page, text, nth);
  await waitForCard(page);
}

/** A hover that lasted longer than this would have opened a card by now. */
const CARD_WOULD_OPEN_MS = DEFAULT_SETTINGS.hoverDelayMs + FETCH_AFTER_MS + HIDE_AFTER_MS;

const CARD_STYLE_PROPERTIES = [
  'display',
  'position',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'padding-top',
  'padding-left',
  'margin-top',
  'margin-bottom',
  'border-top-width',
  'border-top-left-radius',
  'width',
  'text-transform',
  'white-space',
];
const COLOUR_PROPERTIES = ['color', 'background-color', 'border-top-color'];

describe('the briefing card in Chromium (light)', () => {
  let harness: Harness;
  let demoUrl: string;
  let edgesUrl: string;
  let hostileUrl: string;
  let keysUrl: string;
  const corpus: Record<string, string> = {};

  before(async () => {
    harness = await launch();
    demoUrl = harness.server.route('/demo.html', { body: demo.html });
    keysUrl = harness.server.route('/keys.html', { body: KEYS_PAGE });
    edgesUrl = harness.server.route('/edges.html', { body: EDGES_PAGE });
    hostileUrl = harness.server.route('/hostile.html', { body: HOSTILE_PAGE });
    if (hasCorpus)
      for (const file of ['nytimes-1.html', 'schema-org-context-object.html'])
        corpus[file] = harness.server.route(`/corpus/${file}`, {
          body: readFileSync(path.join(CORPUS_DIR, file)),
          headers: STATIC_PAGE_HEADERS,
        });
  });

  after(async () => {
    await harness?.close();
  });

  const pages: Array<{
    name: string;
    url: () => string;
    text: string;
    entity: string;
    corpus?: boolean;
  }> = [
    { name: 'demo', url: () => demoUrl, text: 'Wang Yi', entity: 'Wang Yi' },
    {
      name: 'nytimes-1',
      url: () => corpus['nytimes-1.html']!,
      text: 'Trump',
      entity: 'Donald Trump',
      corpus: true,
    },
    {
      name: 'schema-org-context-object',
      url: () => corpus['schema-org-context-object.html']!,
      text: 'Lee Jae-myung',
      entity: 'Lee Jae-myung',
      corpus: true,
    },
  ];

  for (const target of pages)
    it(
      `shows a worthwhile card when ${target.text} is hovered on ${target.name}, and again after Esc closed it`,
      {
        skip: target.corpus && !hasCorpus && SHARED_MISSING,
      },
      async () => {
        const page = await openPage(harness, target.url());
        try {
          await hoverAndWait(page, target.text);
          const card = await cardContents(page);
          save(`hover-${target.name}.png`, await page.screenshot());
          assert.equal(card.dialog.role, 'dialog');
          assert.ok(card.dialog.labelledBy, 'the dialog is labelled by its heading');
          assert.match((await cardText(page)) ?? '', new RegExp(target.entity));
          assert.ok(card.role.length > 3, `a role: "${card.role}"`);
          assert.ok(card.facts.length >= 3, `at least three facts (${card.facts.length})`);
          for (const fact of card.facts) assert.ok(fact.text.length > 10, 'a fact says something');
          assert.ok(card.timeline.length >= 1, 'a timeline');
          assert.match(card.timeline[0]!, /\d{4}/, 'timeline entries are dated');
          // Every line cites an article listed once under Sources, with its date.
          assert.equal(card.citations.length, 1 + card.facts.length + card.timeline.length);
          for (const n of card.citations)
            assert.ok(Number(n) >= 1 && Number(n) <= card.sources.length, `source ${n} is listed`);
          assert.equal(new Set(card.sources).size, card.sources.length, 'each article once');
          for (const source of card.sources) assert.match(source, /\d{4}/, 'dated');
          assert.match(card.asOf, /\d{4}/, 'the card says as of when');
          // Pinned: the pointer goes into the card and to other tabs.
          await clickInCard(page, 'button.pin');
          await expectEveryLineLinked(harness, page);
          // The first fact shows its whole sentence on demand.
          await clickInCard(page, '.facts li:first-child .more');
          await waitInCard(page, (root) => {
            const text = root!.querySelector('.facts .fact-text') as HTMLElement;
            return text.classList.contains('open') && text.scrollHeight <= text.clientHeight + 1;
          });
          // A related chip, then Back: the first entity again.
          await clickInCard(page, '.chip');
          await waitInCard(page, (root) => !!root?.querySelector('button.back'));
          await clickInCard(page, 'button.back');
          await waitInCard(page, (root) => !root?.querySelector('button.back'));
          assert.match((await cardText(page)) ?? '', new RegExp(target.entity));
          await clickInCard(page, 'button.pin');
          await closeCard(page);

          // Away from the name and back: the same card again (from the cache).
          await page.mouse.move(2, 2);
          await hoverAndWait(page, target.text);
          assert.deepEqual(await cardContents(page), card);
          await closeCard(page);
        } finally {
          await page.close();
        }
      },
    );

  it('opens for a focused mention with the keyboard command and Enter, takes focus, and Esc closes it', async () => {
    const page = await openPage(harness, demoUrl);
    try {
      assert.equal(
        await sendNextMention(harness, page),
        true,
        'the content script focused a mention',
      );
      // The focus ring is drawn by the same message that moved it: nothing else is pending.
      await page.waitForFunction(() => (CSS.highlights.get('briefing-lens-focus')?.size ?? 0) > 0);
      assert.equal(await isCardOpen(page), false, 'focusing a mention opens nothing yet');
      await page.keyboard.press('Enter');
      await waitForCard(page);
      assert.equal(await focusInCard(page), 'section.card', 'focus moved into the card');
      save('keyboard.png', await page.screenshot());
      // Tab walks the card's controls; keys typed in the card stay in it.
      await page.keyboard.press('Tab');
      assert.match((await focusInCard(page)) ?? '', /^button\.side-panel/);
      await page.keyboard.press('Tab');
      assert.match((await focusInCard(page)) ?? '', /^button\.pin/);
      await page.keyboard.press('Escape');
      await waitForCardClosed(page);
      // The next mention, and Enter again: the card opens for that one.
      assert.equal(await sendNextMention(harness, page), true);
      await page.keyboard.press('Enter');
      await waitForCard(page);
      assert.equal(await focusInCard(page), 'section.card');
      await page.keyboard.press('Escape');
      await waitForCardClosed(page);
    } finally {
      await page.close();
    }
  });

  it('tells a screen reader which name the command reached, and opens the card as a labelled dialog', async () => {
    const page = await openPage(harness, demoUrl);
    try {
      const announcements = async () =>
        (await accessibilityTree(page)).filter(
          (n) => n.role === 'status' && /on this page$/.test(n.text),
        );
      assert.deepEqual(await announcements(), [], 'the highlights alone say nothing');
      const painted = (await diagnostics(harness, page))!.painted;
      assert.equal(await sendNextMention(harness, page), true);
      const [first] = await waitFor(
        announcements,
        (found) => found.length === 1,
        'the announcement',
      );
      const name = first!.text.split(',')[0]!;
      assert.match(
        first!.text,
        new RegExp(
          `^${name}, (person|country|place|organisation|event|topic), 1 of ${painted} on this page$`,
        ),
      );
      assert.equal(await sendNextMention(harness, page), true);
      await waitFor(
        announcements,
        (found) => found.length === 1 && found[0]!.text.includes(`, 2 of ${painted} on this page`),
        'the second announcement',
      );
      await page.keyboard.press('Enter');
      await waitForCard(page);
      const dialogs = (await accessibilityTree(page)).filter((n) => n.role === 'dialog');
      assert.equal(dialogs.length, 1, 'one dialog: the card');
      assert.ok(
        dialogs[0]!.name.length > 0,
        `the dialog is labelled (${JSON.stringify(dialogs[0])})`,
      );
      assert.equal(await focusInCard(page), 'section.card', 'and has the focus');
      await page.keyboard.press('Escape');
      await waitForCardClosed(page);
      await waitFor(
        announcements,
        (found) => found.length === 0,
        'the live region to go with the focus',
      );
    } finally {
      await page.close();
    }
  });

  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 360, height: 640 },
  ])
    it(`at ${viewport.width}×${viewport.height}, starts from the screen, shows every mention it focuses, and Enter opens the card, not the page’s focused link`, async () => {
      const page = await harness.context.newPage();
      try {
        await page.setViewportSize(viewport);
        // Instant scrolls: each position can be read at once.
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await page.goto(keysUrl);
        await waitForScan(harness, page);
        await page.focus('#home');
        const scrolledTo = await page.evaluate(() => {
          scrollTo(0, document.documentElement.scrollHeight * 0.4);
          return scrollY;
        });
        await nextFrames(page, 2);
        const drawn = () => drawnMentions(page);
        const focused = () => focusedMention(page);
        const before = await drawn();
        const firstOnScreen = before.find((m) => m.bottom > 0)!;
        assert.ok(before.indexOf(firstOnScreen) > 0, 'some names are above the screen');
        assert.equal(await sendNextMention(harness, page), true);
        await nextFrames(page, 2);
        const first = (await focused())!;
        // The first name not above the top of the screen (the same occurrence: its
        // place moved by what it was scrolled), now in view.
        assert.equal(first.text, firstOnScreen.text);
        assert.equal(
          first.top - firstOnScreen.top,
          (await page.evaluate(() => -scrollY)) + scrolledTo,
        );
        assert.ok(first.top >= 0 && first.bottom <= viewport.height, 'the first name in view');
        // Every name after it comes into view, the long paragraph's too.
        const seen: string[] = [];
        for (let i = 0; i < before.length; i++) {
          await sendNextMention(harness, page);
          await nextFrames(page, 2);
          const now = (await focused())!;
          seen.push(now.text);
          assert.ok(
            now.top >= 0 && now.bottom <= viewport.height,
            `${now.text} in view (${now.top}–${now.bottom})`,
          );
        }
        assert.deepEqual(new Set(seen), new Set(before.map((m) => m.text)), 'it went round');
        save(`keys-${viewport.width}.png`, await page.screenshot());
        // The focus shows: the focused name looks different once it is let go.
        const at = (await focused())!;
        const box = { x: 0, y: Math.max(0, at.top - 4), width: viewport.width, height: 36 };
        const lit = await page.screenshot({ clip: box });
        // The page's link keeps DOM focus, but Enter is the mention's.
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'home');
        const url = page.url();
        await page.keyboard.press('Enter');
        await waitForCard(page);
        assert.equal(page.url(), url, 'the focused link was not followed');
        // Tab past the card's last control: the card goes, and the reader is
        // back where they were (the link focused, the name still lit).
        for (let i = 0; i < 60 && (await isCardOpen(page)); i++) await page.keyboard.press('Tab');
        await waitForCardClosed(page);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'home');
        assert.equal((await focused())?.text, at.text, 'the name keeps the keyboard’s focus');
        // Esc lets the name go.
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !CSS.highlights.get('briefing-lens-focus')?.size);
        await nextFrames(page, 2);
        const unlit = await page.screenshot({ clip: box });
        assert.ok((await pixelDiff(page, lit, unlit)).pixels > 0, 'the focus was visible');
        // Once the reader presses another key, Enter is the page's again.
        await page.keyboard.press('Tab');
        await page.focus('#home');
        await Promise.all([page.waitForURL(/elsewhere/), page.keyboard.press('Enter')]);
      } finally {
        await page.close();
      }
    });

  it('stays open while pinned after the pointer leaves', async () => {
    const page = await openPage(harness, demoUrl);
    try {
      await hoverMention(page, 'Wang Yi');
      await waitForCard(page);
      await clickInCard(page, 'button.pin');
      assert.equal(
        await inCard(page, (root) =>
          root?.querySelector('button.pin')?.getAttribute('aria-pressed'),
        ),
        'true',
      );
      await page.mouse.move(1270, 890);
      await waitForPageClock(page, HIDE_AFTER_MS * 2);
      assert.equal(await isCardOpen(page), true, 'the pinned card is still open');
      // Hovering another name does not replace a pinned card.
      await hoverMention(page, 'Lee Jae-myung');
      await waitForPageClock(page, CARD_WOULD_OPEN_MS);
      assert.match((await cardContents(page)).title, /Wang Yi/);
      save('pinned.png', await page.screenshot());
      await clickInCard(page, 'button.close');
      await waitForCardClosed(page);
      // Unpinned, it hides once the pointer has left name and card.
      await hoverMention(page, 'Wang Yi');
      await waitForCard(page);
      await page.mouse.move(1270, 890);
      await waitForCardClosed(page, 1500);
    } finally {
      await page.close();
    }
  });

  it('opens nothing for a pointer passing quickly over several names', async () => {
    const page = await openPage(harness, demoUrl);
    try {
      const names = ['Wang Yi', 'Motegi', 'Xi Jinping', 'South Korea', 'Lee Jae-myung'];
      const rects: Box[] = [];
      await mentionRect(page, 'Wang Yi', 1, true);
      for (const name of names) {
        const r = await mentionRect(page, name, 0);
        if (r && r.y > 0 && r.y < 880) rects.push(r);
      }
      assert.ok(rects.length >= 3, `several names in view (${rects.length})`);
      await page.mouse.move(2, 2);
      for (const r of rects)
        await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 3 });
      await page.mouse.move(1270, 890, { steps: 3 });
      await waitForPageClock(page, CARD_WOULD_OPEN_MS);
      assert.equal(await isCardOpen(page), false);
      // The control: resting on one of those names does open its card.
      await hoverAndWait(page, 'Wang Yi', 1);
      assert.equal(await isCardOpen(page), true);
    } finally {
      await page.close();
    }
  });

  it('switches to a related entity from its chips, opens the full briefing and the cited sentence', async () => {
    const page = await openPage(harness, demoUrl);
    try {
      await hoverMention(page, 'Wang Yi');
      await waitForCard(page);
      const before = await cardContents(page);
      const chip = before.chips.find((c) => c.includes('Motegi'));
      assert.ok(chip, `a related chip for Motegi (${before.chips.join(', ')})`);
      await clickInCard(page, '.chip', 'Motegi');
      await waitInCard(
        page,
        (root) =>
          /Motegi/.test(root?.querySelector('h2')?.textContent ?? '') &&
          !!root?.querySelector('.role'),
      );
      const after = await cardContents(page);
      assert.notEqual(after.role, before.role);
      assert.match(after.role, /Foreign Minister/);
      save('chip-switched.png', await page.screenshot());

      // "Open full briefing" opens briefing.html#<entity> in a new tab, via the background.
      const [briefing] = await Promise.all([
        harness.context.waitForEvent('page'),
        clickInCard(page, '.open-full'),
      ]);
      await briefing.waitForURL(/briefing\.html#toshimitsu-motegi$/);
      await briefing.waitForSelector('h1');
      assert.match((await briefing.textContent('h1')) ?? '', /Motegi/);
      await briefing.close();

      // Back returns to the first entity.
      await clickInCard(page, 'button.back');
      await waitInCard(page, (root) =>
        /Wang Yi/.test(root?.querySelector('h2')?.textContent ?? ''),
      );
      assert.deepEqual(await cardContents(page), before, 'the first card again');

      await expectEveryLineLinked(harness, page);
    } finally {
      await page.close();
    }
  });

  it('shows a fact’s whole sentence on demand, by keyboard too', async () => {
    const page = await openPage(harness, demoUrl);
    try {
      await hoverMention(page, 'Wang Yi');
      await waitForCard(page);
      const cut = () =>
        inCard(page, (root) => {
          const text = root!.querySelector('.facts .fact-text') as HTMLElement;
          return text.scrollHeight > text.clientHeight + 1;
        });
      assert.equal(await cut(), true, 'the first fact is cut to a few lines');
      await inCard(page, (root) => (root!.querySelector('.facts .more') as HTMLElement).focus());
      await page.keyboard.press('Enter');
      await waitInCard(
        page,
        (root) => root!.querySelector('.facts .more')?.getAttribute('aria-expanded') === 'true',
      );
      assert.equal(await cut(), false, 'the whole sentence shows');
      save('fact-expanded.png', await page.screenshot());
    } finally {
      await page.close();
    }
  });

  it('stays inside the viewport at each edge without covering the name', async () => {
    const page = await openPage(harness, edgesUrl);
    try {
      const cases: Array<{ size: { width: number; height: number }; names: string[] }> = [
        {
          size: { width: 1280, height: 900 },
          names: ['Wang Yi', 'Xi Jinping', 'Lee Jae-myung', 'Sanae Takaichi'],
        },
        // Too short for the whole card above or below: it shrinks and scrolls instead.
        {
          size: { width: 700, height: 420 },
          names: ['Wang Yi', 'Xi Jinping', 'Lee Jae-myung', 'Sanae Takaichi', 'Donald Trump'],
        },
      ];
      for (const { size, names } of cases) {
        await page.setViewportSize(size);
        for (const name of names) {
          await page.mouse.move(size.width / 2, size.height / 2 + 30);
          await waitForCardClosed(page);
          const mention = await hoverMention(page, name, 0, { scroll: false });
          await waitForCard(page);
          const card = await cardBox(page);
          const viewport = await viewportBox(page);
          const placement = (await diagnostics(harness, page))?.card.placement?.placement;
          const label = `${name} at ${size.width}×${size.height} (${placement}): card ${JSON.stringify(card)}, name ${JSON.stringify(mention)}`;
          save(
            `edge-${size.width}x${size.height}-${name.replace(/\W+/g, '-').toLowerCase()}.png`,
            await page.screenshot(),
          );
          assert.ok(inside(card, viewport), `inside the viewport: ${label}`);
          assert.ok(!intersects(card, mention), `not over the name: ${label}`);
          assert.match(placement ?? '', /^(top|bottom)/, `above or below the name: ${label}`);
          await page.keyboard.press('Escape');
        }
      }
    } finally {
      await page.close();
    }
  });

  it('is not restyled by a hostile page stylesheet or forced colours', async () => {
    const normal = await openPage(harness, demoUrl);
    const hostile = await openPage(harness, hostileUrl);
    try {
      const open = async (page: Page) => {
        // No entrance animation: each screenshot is of the card at rest.
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await hoverMention(page, 'Wang Yi');
        await waitForCard(page);
        await clickInCard(page, 'button.pin');
        await waitInCard(page, (root) => !!root?.querySelector('button.pin.pinned'));
        // Neither hovered nor focused: whether a focus ring shows depends on
        // which of the two tabs has the focus, which is not what is compared.
        await inCard(page, (root) => (root?.querySelector('button.pin') as HTMLElement).blur());
        await page.mouse.move(2, 2);
        // Hover and focus styles go with the next frame, and transitions run
        // from there: screenshot once nothing in the card is animating.
        await nextFrames(page);
        await waitInCard(page, (root) =>
          root!.getAnimations().every((a) => a.playState === 'finished'),
        );
      };
      await open(normal);
      await open(hostile);
      const box = await cardBox(normal);
      const hostileBox = await cardBox(hostile);
      save('hostile-page.png', await hostile.screenshot());
      // The name sits elsewhere on the wrecked page, so the room (and the
      // card's scrolling height) may differ; its width and content may not.
      assert.equal(hostileBox.width, box.width, 'same card width');
      const properties = [...CARD_STYLE_PROPERTIES, ...COLOUR_PROPERTIES];
      assert.deepEqual(await cardStyles(hostile, properties), await cardStyles(normal, properties));
      // The top of the card, inside its rounded corners: only the card's own pixels.
      const height = Math.min(box.height, hostileBox.height) - 20;
      const clip = async (page: Page) => {
        const b = await cardBox(page);
        return page.screenshot({ clip: { x: b.x + 10, y: b.y + 10, width: b.width - 20, height } });
      };
      const normalPixels = await clip(normal);
      // Channel values may differ by a unit or two where an edge is
      // antialiased on another raster tile; a restyled card differs by far more.
      const NOISE = 2;
      save('card-normal.png', normalPixels);
      save('card-hostile.png', await clip(hostile));
      assert.deepEqual(
        await pixelDiff(normal, normalPixels, await clip(hostile), NOISE),
        { pixels: 0, box: null, sameSize: true },
        'pixel-identical on a hostile page',
      );

      // The same sheet arriving while the card is open changes nothing either.
      // (It moves the name, and the pinned card follows it: the name is
      // brought back into view first, as a reader would scroll to it.)
      await normal.addStyleTag({ content: HOSTILE_CSS });
      await mentionRect(normal, 'Wang Yi', 0, true);
      await nextFrames(normal);
      await waitInCard(normal, (root) => getComputedStyle(root!.host).visibility === 'visible');
      assert.deepEqual(
        await pixelDiff(normal, normalPixels, await clip(normal), NOISE),
        { pixels: 0, box: null, sameSize: true },
        'pixel-identical after the sheet arrived',
      );

      // Forced colours: the system's colours, but the same card, on both pages.
      const unforced = await cardBox(normal);
      await normal.emulateMedia({ forcedColors: 'active' });
      await hostile.emulateMedia({ forcedColors: 'active' });
      await nextFrames(normal);
      await nextFrames(hostile);
      save('card-forced-colors.png', await clip(hostile));
      const forced = await cardBox(normal);
      assert.deepEqual(
        { width: forced.width, height: forced.height },
        { width: unforced.width, height: unforced.height },
      );
      assert.deepEqual(
        await cardStyles(hostile, CARD_STYLE_PROPERTIES),
        await cardStyles(normal, CARD_STYLE_PROPERTIES),
      );
      assert.deepEqual(
        await pixelDiff(normal, await clip(normal), await clip(hostile), NOISE),
        { pixels: 0, box: null, sameSize: true },
        'forced colours: identical with and without the hostile sheet',
      );
    } finally {
      await normal.close();
      await hostile.close();
    }
  });

  it('leaves the page’s styles and layout as they were after a card opened and closed', async () => {
    const page = await openPage(harness, demoUrl);
    try {
      await mentionRect(page, 'Wang Yi', 0, true);
      await page.mouse.move(1270, 890);
      const before = await pageSnapshot(page);
      await hoverMention(page, 'Wang Yi', 0, { scroll: false });
      await waitForCard(page);
      const during = await pageSnapshot(page);
      await closeCard(page);
      await page.mouse.move(1270, 890);
      const afterClose = await pageSnapshot(page);
      const diff = (a: string[], b: string[]) => a.filter((line, i) => line !== b[i]).slice(0, 3);
      assert.equal(during.length, before.length);
      assert.deepEqual(diff(during, before), [], 'nothing changed while the card was open');
      assert.deepEqual(diff(afterClose, before), [], 'nothing changed after it closed');
      assert.equal(afterClose.length, before.length);
    } finally {
      await page.close();
    }
  });

  it('does not animate with reduced motion', async () => {
    const page = await openPage(harness, demoUrl);
    try {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await hoverMention(page, 'Wang Yi');
      await waitForCard(page);
      const animation = await inCard(
        page,
        (root) => getComputedStyle(root!.querySelector('.card')!).animationName,
      );
      assert.equal(animation, 'none');
    } finally {
      await page.close();
    }
  });

  it('has no axe-core violations in the card, the briefing page and the article page (light)', async () => {
    await checkAxe(harness, demoUrl, 'light');
  });
});

describe('the briefing card in Chromium (dark)', () => {
  let harness: Harness;
  let demoUrl: string;

  before(async () => {
    harness = await launch({ colorScheme: 'dark' });
    demoUrl = harness.server.route('/demo.html', { body: demo.html });
  });

  after(async () => {
    await harness?.close();
  });

  it('is dark, and has no axe-core violations in the card, briefing and article pages', async () => {
    await checkAxe(harness, demoUrl, 'dark');
  });
});

async function checkAxe(harness: Harness, demoUrl: string, scheme: 'light' | 'dark') {
  const page = await openPage(harness, demoUrl);
  try {
    for (const name of ['Wang Yi', 'Lee Jae-myung']) {
      await hoverMention(page, name);
      await waitForCard(page);
      assert.deepEqual(await axeViolations(page, 'card'), [], `card of ${name}`);
      save(
        `card-${scheme}-${name.replace(/\W+/g, '-').toLowerCase()}.png`,
        await page.screenshot(),
      );
      const background = await inCard(
        page,
        (root) => getComputedStyle(root!.querySelector('.card')!).backgroundColor,
      );
      assert.equal(background, scheme === 'dark' ? 'rgb(31, 41, 55)' : 'rgb(255, 255, 255)');
      await closeCard(page);
    }
  } finally {
    await page.close();
  }

  const briefing = await openExtensionPage(harness, 'briefing.html#wang-yi');
  await briefing.waitForSelector('h1');
  await briefing.waitForFunction(() => document.querySelectorAll('.facts li').length > 0);
  assert.deepEqual(await axeViolations(briefing), [], 'briefing.html#wang-yi');
  assert.match((await briefing.textContent('.as-of')) ?? '', /as of .*\d{4}/, 'as of when');
  save(`briefing-${scheme}.png`, await briefing.screenshot({ fullPage: true }));
  const cited = await briefing.locator('.facts a.source').first().getAttribute('href');
  await briefing.close();

  const article = await harness.context.newPage();
  await article.goto(extensionUrl(harness, cited!));
  await article.waitForSelector('mark.cited');
  assert.match(article.url(), /article\.html#bundled\/[^/]+\/\d+-\d+$/);
  assert.deepEqual(await axeViolations(article), [], 'article.html');
  save(`article-${scheme}.png`, await article.screenshot({ fullPage: true }));
  await article.close();
}
