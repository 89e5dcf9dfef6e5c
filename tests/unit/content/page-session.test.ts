// @vitest-environment happy-dom
/**
 * The content script end to end on a small page, in happy-dom with WXT's fake
 * browser: a fake background answers `getMatcherData` with the bundled
 * entities compiled as the real background compiles them, a fake highlight
 * registry shows what is drawn, and the extension talks to the page only
 * through runtime messages and storage, as in a browser.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';
import {
  createMessageListener,
  pushToTabs,
  tabClient,
  type Handlers,
} from '../../../lib/messaging';
import type { MatcherData, ToBackground } from '../../../lib/messaging/protocol';
import { loadSettings, SETTINGS_KEY } from '../../../lib/settings-store';
import { GUARD_MS, startPage } from '../../../entrypoints/content/page-session';
import { CARD_HOST_TAG } from '../../../entrypoints/content/card/card-host';
import {
  ANNOUNCER_TAG,
  FIRST_ANNOUNCEMENT_AFTER_MS,
} from '../../../entrypoints/content/input/announcer';
import { FOCUS_HIGHLIGHT } from '../../../entrypoints/content/paint/painter';
import { BATCH_DELAY_MS, LOCATION_POLL_MS } from '../../../entrypoints/content/scan/mutations';
import { REVEAL_FLASH_MS } from '../../../entrypoints/content/page-handlers';
import { PANEL_CHANGE_DELAY_MS } from '../../../entrypoints/content/panel-link';
import {
  briefingView,
  bundledEntities,
  bundledMatcherData,
  drawn,
  fakeEvent,
  fakePanelPort,
  installHighlights,
  installStaticRange,
  stubOnDocument,
  trusted,
  type FakeHighlight,
} from './helpers';

installStaticRange();

const PAGE = [
  '<h1>Wang Yi meets Toshimitsu Motegi</h1>',
  '<p id="story">Wang Yi met Toshimitsu Motegi in Gyeongju. Xi Jinping was not there.</p>',
  '<p id="later">Later <b>Wang Yi</b> left.</p>',
  '<textarea>Xi Jinping, typed by the reader</textarea>',
].join('');

const person = () => 'briefing-lens-person';
const place = () => 'briefing-lens-place';

let registry: Map<string, FakeHighlight>;
let session: AbortController;
let data: MatcherData;
const getMatcherData = vi.fn(() => data);
const colourHighlights = vi.fn();
const openPage = vi.fn(() => true);
const getBriefing = vi.fn(({ entityId }: { entityId: string }) =>
  briefingView(entityId, bundledEntities.find((e) => e.id === entityId)!.name),
);
/** The popup's way to the tab: `tabs.sendMessage` reaches the page's runtime.onMessage. */
const page = tabClient(1);

/** The reader changes the settings; the background tells the tabs (as background/service.ts does). */
async function settings(change: Partial<Settings>): Promise<void> {
  await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, ...change } });
  await pushToTabs('settingsChanged', await loadSettings());
}

async function start(): Promise<void> {
  session = new AbortController();
  await startPage(session.signal);
}

/** The counts the popup would list. */
async function counts(): Promise<Record<string, number>> {
  const { entities } = await page.send('getPageMentions', undefined);
  return Object.fromEntries(entities.map((e) => [e.id, e.count]));
}

const elapse = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** The closed shadow roots the content script attaches, kept for the test (a page cannot keep them). */
function keepClosedRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attachShadow = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

/** runtime.onConnect, which WXT's fake browser lacks: a side panel connects through it. */
let onConnect: ReturnType<typeof fakeEvent<[ReturnType<typeof fakePanelPort>]>>;

beforeEach(() => {
  fakeBrowser.reset();
  onConnect = fakeEvent();
  (fakeBrowser.runtime as unknown as { onConnect: unknown }).onConnect = onConnect;
  vi.useFakeTimers();
  registry = installHighlights();
  // The fake browser leaves i18n to the test.
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
    tabId: number,
    message: unknown,
  ) => {
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, {
      tab: { id: tabId },
    } as never);
    return answers.find((answer) => answer !== undefined);
  }) as never);
  data = bundledMatcherData();
  getMatcherData.mockClear();
  colourHighlights.mockClear();
  openPage.mockClear();
  getBriefing.mockClear();
  fakeBrowser.runtime.onMessage.addListener(
    createMessageListener<ToBackground>({
      getMatcherData,
      getSettings: loadSettings,
      getBriefing,
      openPage,
      colourHighlights,
    } as unknown as Handlers<ToBackground>) as never,
  );
  // happy-dom lays nothing out: every element gets a box, unless the test says otherwise.
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(
    () => [new DOMRect(0, 0, 100, 20)] as unknown as DOMRectList,
  );
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(100);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(20);
  history.replaceState(null, '', '/world/asia');
  document.body.innerHTML = PAGE; // test fixture only: the shipped code never does this
});

afterEach(() => {
  session?.abort();
  document.querySelector(CARD_HOST_TAG)?.remove();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('startPage: scan and paint', () => {
  it('indexes and draws every name on the page, without changing its DOM', async () => {
    const before = document.documentElement.outerHTML;
    await start();
    expect(getMatcherData).toHaveBeenCalledTimes(1);
    expect(await counts()).toEqual({
      'wang-yi': 3,
      'toshimitsu-motegi': 2,
      gyeongju: 1,
      'xi-jinping': 1,
    });
    expect(drawn(registry, person())).toEqual([
      'Wang Yi',
      'Toshimitsu Motegi',
      'Wang Yi',
      'Toshimitsu Motegi',
      'Xi Jinping',
      'Wang Yi',
    ]);
    expect(drawn(registry, place())).toEqual(['Gyeongju']);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('answers the diagnostics request for its own address only', async () => {
    await start();
    const snapshot = await page.send('getDiagnostics', { href: location.href, mentions: true });
    expect(snapshot).toMatchObject({
      href: location.href,
      top: true,
      entities: bundledEntities.length,
      passCount: 1,
      mentions: 7,
      painted: 7,
      active: true,
      card: { open: false, placement: null },
    });
    expect(snapshot.setupMs).toEqual(expect.any(Number));
    expect(snapshot.passes[0]).toMatchObject({ mentions: 7, entities: 4 });
    expect(snapshot.found!.map((f) => f.text)).toEqual([
      'Wang Yi',
      'Toshimitsu Motegi',
      'Wang Yi',
      'Toshimitsu Motegi',
      'Gyeongju',
      'Xi Jinping',
      'Wang Yi',
    ]);
    // A request for another frame's address is left to that frame.
    await expect(page.send('getDiagnostics', { href: 'https://frame.example/' })).rejects.toThrow(
      'No answer',
    );
  });

  it('fails to start when the background cannot answer (index.ts stays silent)', async () => {
    getMatcherData.mockImplementationOnce(() => {
      throw new Error('the database is closed');
    });
    await expect(start()).rejects.toThrow('the database is closed');
  });
});

describe('startPage: settings apply at once', () => {
  it.each([
    ['everything paused', { paused: true }],
    ['this site paused', { pausedSites: ['localhost'] }],
  ])('draws nothing with %s, and everything again when resumed', async (_, paused) => {
    await start();
    await settings(paused);
    // Not even an empty entry of ours stays in the page's registry, nor our colours.
    expect([...registry.keys()]).toEqual([]);
    expect(colourHighlights).toHaveBeenLastCalledWith({ style: null }, expect.anything());
    expect(await page.send('getPageMentions', undefined)).toMatchObject({ active: false });
    expect(await page.send('focusNextMention', {})).toBe(false);
    await settings({});
    expect(drawn(registry, person())).toHaveLength(6);
    expect(drawn(registry, place())).toEqual(['Gyeongju']);
  });

  it('starts scanning only when a paused page is resumed', async () => {
    await settings({ paused: true });
    await start();
    expect(await counts()).toEqual({});
    // A paused page: no matcher built, nothing registered, no colours asked for.
    expect((await page.send('getDiagnostics', {})).setupMs).toBeNull();
    expect([...registry.keys()]).toEqual([]);
    expect(colourHighlights).not.toHaveBeenCalled();
    await settings({});
    expect(await counts()).toMatchObject({ 'wang-yi': 3 });
    expect(drawn(registry, person())).toHaveLength(6);
  });

  it.each([
    [
      'density "first": the first mention of each',
      { density: 'first' as const },
      ['Wang Yi', 'Toshimitsu Motegi', 'Xi Jinping'],
      ['Gyeongju'],
    ],
    ['density "none": nothing', { density: 'none' as const }, [], []],
    [
      'topics switched off: the entities with none left',
      { disabledTopics: ['china-korea-relations', 'us-china-rivalry', 'apec-2025-gyeongju'] },
      ['Wang Yi', 'Toshimitsu Motegi', 'Wang Yi', 'Toshimitsu Motegi', 'Wang Yi'],
      [],
    ],
    [
      'a kind switched off',
      { disabledKinds: ['place' as const] },
      ['Wang Yi', 'Toshimitsu Motegi', 'Wang Yi', 'Toshimitsu Motegi', 'Xi Jinping', 'Wang Yi'],
      [],
    ],
  ])('draws, with %s', async (_, change, people, places) => {
    await start();
    await settings(change);
    expect(drawn(registry, person())).toEqual(people);
    expect(drawn(registry, place())).toEqual(places);
  });

  it('asks the background for the colours of a new style, keeping the names and ranges', async () => {
    await start();
    expect(colourHighlights).toHaveBeenLastCalledWith({ style: 'underline' }, expect.anything());
    await settings({ highlightStyle: 'background' });
    expect(colourHighlights).toHaveBeenLastCalledWith({ style: 'background' }, expect.anything());
    expect(drawn(registry, person())).toHaveLength(6);
  });

  it('draws no hidden text, and draws it once the page shows it', async () => {
    const hidden = Object.assign(document.createElement('p'), {
      textContent: 'Donald Trump, in a closed panel.',
    });
    hidden.style.display = 'none';
    document.body.append(hidden);
    await start();
    expect(drawn(registry, person())).not.toContain('Donald Trump');
    // Indexed all the same: the popup still counts what the page says.
    expect(await counts()).toMatchObject({ 'donald-trump': 1 });
    hidden.style.display = '';
    await elapse(BATCH_DELAY_MS);
    expect(drawn(registry, person())).toContain('Donald Trump');
  });

  it('puts back the highlights the page took away', async () => {
    await start();
    registry.clear();
    await elapse(GUARD_MS);
    expect(drawn(registry, person())).toHaveLength(6);
    registry.get(person())!.clear();
    await elapse(GUARD_MS);
    expect(drawn(registry, person())).toHaveLength(6);
  });

  it('draws the first mention of each entity as the page changes, with density "first"', async () => {
    // Xi Jinping is named first in an aside, then again in the story.
    const aside = document.createElement('aside');
    aside.append(Object.assign(document.createElement('p'), { textContent: 'Xi Jinping, first.' }));
    document.body.prepend(aside);
    await settings({ density: 'first' });
    await start();
    // Drawn in the next frame: which mention is first can change with every slice.
    expect(drawn(registry, person())).toEqual([]);
    vi.advanceTimersToNextFrame();
    expect(drawn(registry, person())).toEqual(['Xi Jinping', 'Wang Yi', 'Toshimitsu Motegi']);
    aside.firstElementChild!.remove();
    await elapse(BATCH_DELAY_MS);
    vi.advanceTimersToNextFrame();
    // The story's Xi Jinping is his first mention now.
    expect(drawn(registry, person())).toEqual(['Wang Yi', 'Toshimitsu Motegi', 'Xi Jinping']);
    expect(
      (await page.send('getDiagnostics', { mentions: true })).found!.map(
        (f) => `${f.text}${f.painted ? '' : ' (not drawn)'}`,
      ),
    ).toEqual([
      'Wang Yi',
      'Toshimitsu Motegi',
      'Wang Yi (not drawn)',
      'Toshimitsu Motegi (not drawn)',
      'Gyeongju',
      'Xi Jinping',
      'Wang Yi (not drawn)',
    ]);
  });
});

describe('startPage: a changing page', () => {
  it('scans what is added, one batch later', async () => {
    await start();
    const added = document.createElement('p');
    added.textContent = 'Donald Trump arrived.';
    document.body.append(added);
    await elapse(BATCH_DELAY_MS - 1);
    expect(await counts()).not.toHaveProperty('donald-trump');
    await elapse(1);
    expect(await counts()).toMatchObject({ 'donald-trump': 1, 'wang-yi': 3 });
    expect(drawn(registry, person()).at(-1)).toBe('Donald Trump');
  });

  it('forgets and undraws what is removed', async () => {
    await start();
    document.getElementById('later')!.remove();
    await elapse(BATCH_DELAY_MS);
    expect(await counts()).toMatchObject({ 'wang-yi': 2 });
    expect(drawn(registry, person())).toHaveLength(5);
  });

  it('rescans text that changed, and only the changed block', async () => {
    await start();
    document.querySelector('#later b')!.firstChild!.textContent = 'Xi Jinping';
    await elapse(BATCH_DELAY_MS);
    expect(await counts()).toEqual({
      'wang-yi': 2,
      'toshimitsu-motegi': 2,
      gyeongju: 1,
      'xi-jinping': 2,
    });
    const { passes } = await page.send('getDiagnostics', {});
    expect(passes.at(-1)!.chars).toBe(document.getElementById('later')!.textContent!.length);
  });

  it('takes the highlights off an element made editable, and puts them back after', async () => {
    await start();
    expect(await counts()).toMatchObject({ 'wang-yi': 3 });
    const later = document.getElementById('later')!;
    later.setAttribute('contenteditable', 'true');
    await vi.waitFor(async () => expect(await counts()).toMatchObject({ 'wang-yi': 2 }));
    later.removeAttribute('contenteditable');
    await vi.waitFor(async () => expect(await counts()).toMatchObject({ 'wang-yi': 3 }));
  });

  it('leaves a document in designMode alone until it leaves it', async () => {
    await start();
    document.designMode = 'on';
    await elapse(LOCATION_POLL_MS);
    expect(await counts()).toEqual({});
    expect(drawn(registry, person())).toEqual([]);
    // What the reader types is not read.
    document.getElementById('story')!.append(' Lee Jae-myung');
    await elapse(BATCH_DELAY_MS);
    expect(await counts()).toEqual({});
    document.designMode = 'off';
    // The poll notices, on the fake clock; the scan then runs its slices.
    await elapse(LOCATION_POLL_MS);
    await vi.waitFor(async () =>
      expect(await counts()).toMatchObject({ 'wang-yi': 3, 'lee-jae-myung': 1 }),
    );
  });

  it('ignores what the reader types in fields', async () => {
    await start();
    document.querySelector('textarea')!.textContent = 'Donald Trump';
    await elapse(BATCH_DELAY_MS);
    expect(await counts()).not.toHaveProperty('donald-trump');
  });

  it('reads the whole page again after an SPA navigation', async () => {
    await start();
    // The app rewrites the story in place and changes its address.
    document.getElementById('story')!.firstChild!.textContent = 'Xi Jinping spoke.';
    history.pushState(null, '', '/world/europe');
    await elapse(BATCH_DELAY_MS);
    // The batch rescanned only what changed.
    const before = await page.send('getDiagnostics', {});
    expect(before.passes.at(-1)!.chars).toBe('Xi Jinping spoke.'.length);
    await elapse(LOCATION_POLL_MS);
    const after = await page.send('getDiagnostics', {});
    expect(after.passCount).toBe(before.passCount + 1);
    // Every text of the page but the reader's own field.
    const field = document.querySelector('textarea')!.textContent!;
    expect(after.passes.at(-1)!.chars).toBe(document.body.textContent!.length - field.length);
    expect(await counts()).toEqual({ 'wang-yi': 2, 'toshimitsu-motegi': 1, 'xi-jinping': 1 });
    expect(drawn(registry, person())).toEqual([
      'Wang Yi',
      'Toshimitsu Motegi',
      'Xi Jinping',
      'Wang Yi',
    ]);
  });

  it('closes the card on an SPA navigation (back and forward: at once)', async () => {
    await start();
    await page.send('focusNextMention', {});
    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    await vi.waitFor(() => expect(document.querySelector(CARD_HOST_TAG)).not.toBeNull());
    history.pushState(null, '', '/world/europe');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    expect((await page.send('getDiagnostics', {})).card.open).toBe(false);
  });

  it('forgets the focused name on an SPA navigation', async () => {
    await start();
    await page.send('focusNextMention', {});
    expect(drawn(registry, FOCUS_HIGHLIGHT)).toEqual(['Wang Yi']);
    history.pushState(null, '', '/world/europe');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(drawn(registry, FOCUS_HIGHLIGHT)).toEqual([]);
    // Enter opens nothing: the name it focused was the old page's.
    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
  });

  it('does not read the page again when a card closes', async () => {
    await start();
    await page.send('focusNextMention', {});
    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    await vi.waitFor(() => expect(document.querySelector(CARD_HOST_TAG)).not.toBeNull());
    await elapse(BATCH_DELAY_MS);
    const before = (await page.send('getDiagnostics', {})).passCount;
    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    await elapse(BATCH_DELAY_MS);
    expect((await page.send('getDiagnostics', {})).passCount).toBe(before);
  });
});

describe('startPage: focus and card', () => {
  it('moves a visible focus from name to name, and opens its card with Enter', async () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView');
    // Every name below the screen, until the page is scrolled to it.
    let top = 2000;
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
      () => [new DOMRect(0, top, 80, 20)] as unknown as DOMRectList,
    );
    scroll.mockImplementation(() => void (top = 300));
    await start();
    expect(await page.send('focusNextMention', {})).toBe(true);
    expect(drawn(registry, FOCUS_HIGHLIGHT)).toEqual(['Wang Yi']);
    expect(scroll).toHaveBeenLastCalledWith({
      block: 'center',
      inline: 'nearest',
      behavior: 'smooth',
    });
    await page.send('focusNextMention', {});
    expect(drawn(registry, FOCUS_HIGHLIGHT)).toEqual(['Toshimitsu Motegi']);
    // Already on screen: not scrolled again.
    expect(scroll).toHaveBeenCalledTimes(1);

    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    await vi.waitFor(async () =>
      expect((await page.send('getDiagnostics', {})).card.open).toBe(true),
    );
    expect(getBriefing).toHaveBeenCalledWith({ entityId: 'toshimitsu-motegi' }, expect.anything());
    // Closed to the page; the extension's own channel reads it.
    expect(document.querySelector(CARD_HOST_TAG)!.shadowRoot).toBeNull();
    expect((await page.send('getDiagnostics', {})).card.text).toContain('Toshimitsu Motegi');

    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    expect(drawn(registry, FOCUS_HIGHLIGHT)).toEqual([]);
  });

  it('announces each name the command reaches, with its place, in a live region the page cannot read', async () => {
    const roots = keepClosedRoots();
    // Every name on screen: "next" moves on from the focused one.
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
      () => [new DOMRect(0, 300, 80, 20)] as unknown as DOMRectList,
    );
    // English as messages.json has it (the real strings are checked end to end).
    vi.mocked(fakeBrowser.i18n.getMessage).mockImplementation(((key: string, subs?: string[]) =>
      key === 'announce_mention'
        ? `${subs![0]}, ${subs![1]}, ${subs![2]} of ${subs![3]} on this page`
        : key === 'kind_person'
          ? 'Person'
          : '') as never);
    await start();
    const painted = (await page.send('getDiagnostics', {})).painted;
    await page.send('focusNextMention', {});
    const host = document.querySelector(ANNOUNCER_TAG)!;
    expect(host.shadowRoot, 'closed to the page').toBeNull();
    const region = () => roots.find((r) => r.host === host)!.querySelector('[role="status"]')!;
    // Empty at first: a region added with its text in it is often not read out.
    expect(region().textContent).toBe('');
    await elapse(FIRST_ANNOUNCEMENT_AFTER_MS);
    expect(region().textContent).toBe(`Wang Yi, person, 1 of ${painted} on this page`);
    await page.send('focusNextMention', {});
    expect(region().textContent).toBe(`Toshimitsu Motegi, person, 2 of ${painted} on this page`);
    await page.send('focusNextMention', { backwards: true });
    expect(region().textContent).toBe(`Wang Yi, person, 1 of ${painted} on this page`);
    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(document.querySelector(ANNOUNCER_TAG), 'gone with the focus').toBeNull();
  });

  it('opens a page from the card for the reader’s clicks only, not for a script’s', async () => {
    const roots = keepClosedRoots();
    await start();
    await page.send('focusNextMention', {});
    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    const cardRoot = () => roots.find((r) => r.host.localName === CARD_HOST_TAG);
    await vi.waitFor(() => expect(cardRoot()?.querySelector('.open-full')).toBeTruthy());
    const root = cardRoot()!;
    for (const button of root.querySelectorAll('button')) button.click();
    await elapse(0);
    expect(openPage).not.toHaveBeenCalled();
    root
      .querySelector('.open-full')!
      .dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    await vi.waitFor(() =>
      expect(openPage).toHaveBeenCalledWith(
        { page: 'briefing', hash: 'wang-yi' },
        expect.anything(),
      ),
    );
  });

  it('shows a name the popup asks for, for a moment', async () => {
    await start();
    expect(await page.send('revealMention', { entityId: 'gyeongju' })).toBe(true);
    expect(drawn(registry, FOCUS_HIGHLIGHT)).toEqual(['Gyeongju']);
    await elapse(REVEAL_FLASH_MS);
    expect(drawn(registry, FOCUS_HIGHLIGHT)).toEqual([]);
  });

  it.each([
    // [case, settings, x of the pointer on the story's text, card opens]
    ['Gyeongju, drawn', {}, 375, true],
    ['Gyeongju, its kind switched off', { disabledKinds: ['place' as const] }, 375, false],
    [
      'Gyeongju, the first of its name with density "first"',
      { density: 'first' as const },
      375,
      true,
    ],
    // The story's Wang Yi is his second mention: not drawn, so not hoverable.
    ['Wang Yi, not the first with density "first"', { density: 'first' as const }, 35, false],
    ['Wang Yi, on a paused site', { paused: true }, 35, false],
  ])(
    'opens a card for the name under the pointer only if drawn: %s',
    async (_, change, x, opens) => {
      // happy-dom lays nothing out: the pointer at x is on character x / 10 of the
      // story's text, and each range's box spans its characters the same way.
      const story = document.getElementById('story')!.firstChild as Text;
      const restore = stubOnDocument('caretPositionFromPoint', (px: number) => ({
        offsetNode: story,
        offset: Math.round(px / 10),
      }));
      vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
        return [
          new DOMRect(this.startOffset * 10, 0, (this.endOffset - this.startOffset) * 10, 20),
        ] as unknown as DOMRectList;
      });
      try {
        await settings(change);
        await start();
        vi.advanceTimersToNextFrame();
        document.body.dispatchEvent(
          trusted(new PointerEvent('pointermove', { clientX: x, clientY: 10, bubbles: true })),
        );
        vi.advanceTimersToNextFrame();
        await elapse(DEFAULT_SETTINGS.hoverDelayMs);
        if (opens) {
          await vi.waitFor(() => expect(document.querySelector(CARD_HOST_TAG)).not.toBeNull());
          expect(getBriefing.mock.calls.map(([request]) => request.entityId)).toEqual(['gyeongju']);
        } else {
          await elapse(10 * DEFAULT_SETTINGS.hoverDelayMs);
          expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
          expect(getBriefing).not.toHaveBeenCalled();
        }
      } finally {
        restore();
      }
    },
  );
});

describe('startPage: a side panel beside the page', () => {
  it('tells our pages once that the page is scanned, so a panel can connect', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await start();
    const ready = () =>
      sent.mock.calls.filter(([m]) => (m as { push?: string }).push === 'pageReady');
    expect(ready()).toEqual([[{ channel: 'briefing-lens', push: 'pageReady', payload: {} }]]);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Xi Jinping' }));
    await elapse(BATCH_DELAY_MS * 2);
    expect(ready()).toHaveLength(1);
  });

  it('tells a connected panel which name the reader looks at, and when the names change', async () => {
    await start();
    const panel = fakePanelPort();
    const stranger = fakePanelPort('someone-else');
    await onConnect.trigger(panel);
    await onConnect.trigger(stranger);
    await page.send('focusNextMention', {});
    expect(panel.heard).toEqual([{ type: 'looking', entityId: 'wang-yi', at: expect.any(Number) }]);
    // A burst of changes is one message, a moment later.
    const story = document.getElementById('later')!;
    story.append(' Xi Jinping came.');
    story.append(' Sanae Takaichi too.');
    await elapse(BATCH_DELAY_MS + PANEL_CHANGE_DELAY_MS);
    expect(panel.heard.slice(1)).toEqual([{ type: 'changed' }]);
    expect(stranger.heard).toEqual([]);
    // A panel that closed hears nothing more; the rest go when the page does.
    await panel.onDisconnect.trigger();
    await page.send('focusNextMention', {});
    expect(panel.heard).toHaveLength(2);
    const other = fakePanelPort();
    await onConnect.trigger(other);
    session.abort();
    expect(other.disconnect).toHaveBeenCalled();
  });

  it('sends nothing when no panel is open', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await start();
    sent.mockClear();
    await page.send('focusNextMention', {});
    document.getElementById('later')!.append(' Xi Jinping came.');
    await elapse(BATCH_DELAY_MS + PANEL_CHANGE_DELAY_MS);
    expect(sent.mock.calls.filter(([m]) => 'push' in (m as object))).toEqual([]);
  });
});

describe('startPage: packs change, and teardown', () => {
  it('starts a fresh session with new data when the installed packs change', async () => {
    await start();
    data = bundledMatcherData(bundledEntities.filter((e) => e.id !== 'xi-jinping'));
    await pushToTabs('packsChanged', { version: 'bundled@2' });
    await vi.waitFor(() => expect(getMatcherData).toHaveBeenCalledTimes(2));
    await vi.waitFor(async () => expect(await counts()).not.toHaveProperty('xi-jinping'));
    expect(await counts()).toEqual({ 'wang-yi': 3, 'toshimitsu-motegi': 2, gyeongju: 1 });
    expect(drawn(registry, person())).not.toContain('Xi Jinping');
    // One session answers: the old one is gone.
    const listeners = await fakeBrowser.runtime.onMessage.trigger(
      { channel: 'briefing-lens', type: 'getPageMentions', request: undefined },
      {},
    );
    expect(listeners.filter((answer) => answer !== undefined)).toHaveLength(1);
  });

  it('ignores storage, and pushes of other kinds', async () => {
    await start();
    await fakeBrowser.storage.local.set({ dataVersion: 'x' });
    await pushToTabs('importProgress', { done: 1, total: 2 });
    expect(getMatcherData).toHaveBeenCalledTimes(1);
  });

  it('takes everything down when its signal aborts', async () => {
    await start();
    await page.send('focusNextMention', {});
    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    await vi.waitFor(() => expect(document.querySelector(CARD_HOST_TAG)).not.toBeNull());
    session.abort();
    expect(registry.size).toBe(0);
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    await expect(page.send('getPageMentions', undefined)).rejects.toThrow('No answer');
    // No observer, poll or listener is left to react.
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Xi' }));
    await settings({ density: 'first' });
    await pushToTabs('packsChanged', { version: 'bundled@3' });
    await elapse(10 * LOCATION_POLL_MS);
    expect(getMatcherData).toHaveBeenCalledTimes(1);
    expect(registry.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
