// @vitest-environment happy-dom
/**
 * The card's timing, after Wikipedia's Page Previews: a fake surface records
 * what would be drawn, a local client answers from fake handlers, and fake
 * timers stand in for the reader's dwell.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BriefingCardProps } from '../../../components/BriefingCard';
import type { BriefingView } from '../../../core/views';
import { createLocalClient, type Handlers } from '../../../lib/messaging';
import type { CardPlacement, CardTiming, ToBackground } from '../../../lib/messaging/protocol';
import {
  CardController,
  type CardSurface,
} from '../../../entrypoints/content/card/card-controller';
import type { CardHostEvents, VirtualAnchor } from '../../../entrypoints/content/card/card-host';
import {
  FETCH_AFTER_MS,
  HIDE_AFTER_MS,
  LOADING_AFTER_MS,
} from '../../../entrypoints/content/card/timing';
import type { PageMention } from '../../../entrypoints/content/scan/mention-index';
import { briefingView, deferred, installStaticRange, mentionIn } from './helpers';

installStaticRange();

const SHOW_DELAY_MS = 500;

/** What the controller asks of the card's host, recorded. */
class FakeSurface implements CardSurface {
  element: HTMLElement | null = null;
  placed: CardPlacement | null = null;
  hasFocus = false;
  open = false;
  text: string | null = null;
  settled = false;
  ensureOnTop = () => false;
  readonly prepared: BriefingCardProps[] = [];
  readonly shows: Array<{ props: BriefingCardProps; anchor: VirtualAnchor }> = [];
  readonly updates: BriefingCardProps[] = [];
  focused = 0;
  hidden = 0;
  disposed = false;

  constructor(readonly events: CardHostEvents) {}

  get isOpen(): boolean {
    return this.open;
  }
  prepare(props: BriefingCardProps): void {
    this.prepared.push(props);
  }
  show(props: BriefingCardProps, anchor: VirtualAnchor): Promise<void> {
    this.open = true;
    this.shows.push({ props, anchor });
    return Promise.resolve();
  }
  update(props: BriefingCardProps): void {
    this.updates.push(props);
  }
  focus(): void {
    this.focused++;
  }
  hide(): void {
    this.open = false;
    this.hidden++;
  }
  dispose(): void {
    this.disposed = true;
  }

  /** The props of the card on screen now (the last shown or updated). */
  get current(): BriefingCardProps | undefined {
    return this.updates.at(-1) ?? this.shows.at(-1)?.props;
  }
}

const VIEWS: Record<string, BriefingView> = {
  'wang-yi': briefingView('wang-yi', 'Wang Yi', ['xi-jinping']),
  'xi-jinping': briefingView('xi-jinping', 'Xi Jinping'),
};

/** What a shown card says, in a word: "ready:wang-yi", "loading:xi-jinping", "error:…". */
function said(props: BriefingCardProps | undefined): string {
  const state = props?.state;
  if (!state) return 'nothing';
  if (state.status === 'ready') return `ready:${state.view.entity.id}`;
  if (state.status === 'error') return `error:${state.entityId}:${state.message}`;
  return `loading:${state.entityId}`;
}

function setup(answer?: (entityId: string) => Promise<BriefingView | null> | BriefingView | null) {
  const getBriefing = vi.fn(({ entityId }: { entityId: string }) =>
    answer ? answer(entityId) : (VIEWS[entityId] ?? null),
  );
  const openPage = vi.fn((_: { page: string; hash?: string }) => true);
  const client = createLocalClient<ToBackground>({
    getBriefing,
    openPage,
  } as unknown as Handlers<ToBackground>);
  const timings: CardTiming[] = [];
  const onEscape = vi.fn();
  let surface!: FakeSurface;
  let delay = SHOW_DELAY_MS;
  const card = new CardController({
    client,
    showDelayMs: () => delay,
    t: (key) => `t:${key}`,
    uiLanguage: 'en',
    onEscape,
    onTiming: (timing) => timings.push(timing),
    createHost: (events) => (surface = new FakeSurface(events)),
  });
  const asked = () => getBriefing.mock.calls.map(([request]) => request.entityId);
  const setDelay = (ms: number) => (delay = ms);
  return { card, surface, getBriefing, openPage, timings, onEscape, asked, setDelay };
}

let wang: PageMention;
let xi: PageMention;
const elapse = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  const text = document.createTextNode('Wang Yi met Xi Jinping.');
  document.body.append(text);
  wang = mentionIn(text, 0, 7, 'wang-yi');
  xi = mentionIn(text, 12, 22, 'xi-jinping');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CardController: hover', () => {
  it('asks for the briefing after FETCH_AFTER_MS and prepares the card off the page', async () => {
    const { card, surface, asked } = setup();
    card.pointerOver(wang);
    await elapse(FETCH_AFTER_MS - 1);
    expect(asked()).toEqual([]);
    await elapse(1);
    expect(asked()).toEqual(['wang-yi']);
    expect(surface.prepared.map(said)).toEqual(['ready:wang-yi']);
    expect(surface.prepared[0]!.pageText).toBe('Wang Yi');
    expect(surface.shows).toEqual([]);
  });

  it('shows the card after the hover delay, with the briefing it already has', async () => {
    const { card, surface, asked, timings } = setup();
    card.pointerOver(wang);
    await elapse(SHOW_DELAY_MS - 1);
    expect(surface.shows).toEqual([]);
    await elapse(1);
    // Ready at once: never a flash of the loading state.
    expect(surface.shows.map((s) => said(s.props))).toEqual(['ready:wang-yi']);
    expect(asked()).toEqual(['wang-yi']);
    expect(timings.map((t) => `${t.event}:${t.entityId}`)).toEqual([
      'fetched:wang-yi',
      'requested:wang-yi',
      'shown:wang-yi',
    ]);
    // A hover never takes the keyboard focus.
    expect(surface.focused).toBe(0);
  });

  it('reads the hover delay from the settings at each hover', async () => {
    const { card, surface, setDelay } = setup();
    setDelay(800);
    card.pointerOver(wang);
    await elapse(799);
    expect(surface.shows).toEqual([]);
    await elapse(1);
    expect(surface.shows).toHaveLength(1);
  });

  it('asks for nothing when the pointer only passes over a name', async () => {
    const { card, surface, asked } = setup();
    card.pointerOver(wang);
    await elapse(FETCH_AFTER_MS - 1);
    card.pointerOver(undefined);
    await elapse(10 * SHOW_DELAY_MS);
    expect(asked()).toEqual([]);
    expect(surface.shows).toEqual([]);
  });

  it('starts over on another name: only the name it rests on is fetched and shown', async () => {
    const { card, surface, asked } = setup();
    card.pointerOver(wang);
    await elapse(FETCH_AFTER_MS - 1);
    card.pointerOver(xi);
    await elapse(SHOW_DELAY_MS);
    expect(asked()).toEqual(['xi-jinping']);
    expect(surface.shows.map((s) => said(s.props))).toEqual(['ready:xi-jinping']);
  });

  it('keeps its timers when the pointer moves within the same name', async () => {
    const { card, surface } = setup();
    card.pointerOver(wang);
    await elapse(SHOW_DELAY_MS - 100);
    card.pointerOver(wang);
    await elapse(100);
    expect(surface.shows).toHaveLength(1);
  });
});

describe('CardController: answers', () => {
  it('drops an answer that comes for a name the reader has left', async () => {
    const late = deferred<BriefingView | null>();
    const { card, surface, timings } = setup((id) =>
      id === 'wang-yi' ? late.promise : VIEWS[id]!,
    );
    card.openNow(wang, false);
    await elapse(LOADING_AFTER_MS);
    expect(surface.shows.map((s) => said(s.props))).toEqual(['loading:wang-yi']);
    card.openNow(xi, false);
    await elapse(0);
    late.resolve(VIEWS['wang-yi']!);
    await elapse(LOADING_AFTER_MS);
    expect(surface.shows.map((s) => said(s.props))).toEqual([
      'loading:wang-yi',
      'ready:xi-jinping',
    ]);
    expect(timings.filter((t) => t.event === 'shown').map((t) => t.entityId)).toEqual([
      'xi-jinping',
    ]);
  });

  it('does not prepare a card from a stale hover’s answer', async () => {
    const late = deferred<BriefingView | null>();
    const { card, surface } = setup((id) => (id === 'wang-yi' ? late.promise : VIEWS[id]!));
    card.pointerOver(wang);
    await elapse(FETCH_AFTER_MS);
    card.pointerOver(xi);
    late.resolve(VIEWS['wang-yi']!);
    await elapse(FETCH_AFTER_MS);
    expect(surface.prepared.map(said)).toEqual(['ready:xi-jinping']);
  });

  it('shows the loading state only when the answer is slower than LOADING_AFTER_MS', async () => {
    const slow = deferred<BriefingView | null>();
    const { card, surface } = setup(() => slow.promise);
    card.openNow(wang, false);
    await elapse(LOADING_AFTER_MS - 1);
    expect(surface.shows).toEqual([]);
    await elapse(1);
    expect(surface.shows.map((s) => said(s.props))).toEqual(['loading:wang-yi']);
    slow.resolve(VIEWS['wang-yi']!);
    await elapse(0);
    expect(surface.shows.map((s) => said(s.props))).toEqual(['loading:wang-yi', 'ready:wang-yi']);
  });

  it.each([
    ['a briefing nobody has', () => null, 'error:wang-yi:t:card_notFound'],
    [
      'a failure of the background',
      () => Promise.reject(new Error('the database is closed')),
      'error:wang-yi:the database is closed',
    ],
  ])('shows the error state for %s', async (_, answer, expected) => {
    const { card, surface } = setup(answer);
    card.openNow(wang, false);
    await elapse(LOADING_AFTER_MS);
    expect(surface.shows.map((s) => said(s.props))).toEqual([expected]);
  });

  it('asks once per entity while the answers are good', async () => {
    const { card, asked } = setup();
    card.openNow(wang, false);
    await elapse(0);
    card.close();
    card.pointerOver(wang);
    await elapse(SHOW_DELAY_MS);
    expect(asked()).toEqual(['wang-yi']);
    // The installed packs changed: ask again.
    card.clearCache();
    card.openNow(wang, false);
    await elapse(0);
    expect(asked()).toEqual(['wang-yi', 'wang-yi']);
  });

  it('asks again after a failed answer: a failure is not cached', async () => {
    let fail = true;
    const { card, surface, asked } = setup((id) =>
      fail ? Promise.reject(new Error('asleep')) : VIEWS[id]!,
    );
    card.openNow(wang, false);
    await elapse(LOADING_AFTER_MS);
    expect(said(surface.current)).toBe('error:wang-yi:asleep');
    fail = false;
    card.close();
    card.openNow(wang, false);
    await elapse(LOADING_AFTER_MS);
    expect(asked()).toEqual(['wang-yi', 'wang-yi']);
    expect(said(surface.current)).toBe('ready:wang-yi');
  });
});

describe('CardController: staying and going', () => {
  /** A card opened by hovering Wang Yi. */
  async function hovered() {
    const s = setup();
    s.card.pointerOver(wang);
    await elapse(SHOW_DELAY_MS);
    expect(s.card.isOpen).toBe(true);
    return s;
  }

  it('hides HIDE_AFTER_MS after the pointer left the name', async () => {
    const { card, surface } = await hovered();
    card.pointerOver(undefined);
    await elapse(HIDE_AFTER_MS - 1);
    expect(card.isOpen).toBe(true);
    await elapse(1);
    expect(card.isOpen).toBe(false);
    expect(surface.hidden).toBe(1);
  });

  it('stays while the pointer is on the card, and hides once it left the card too', async () => {
    const { card, surface } = await hovered();
    card.pointerOver(undefined);
    await elapse(HIDE_AFTER_MS / 2);
    // Crossing the gap to the card in time.
    surface.events.onPointerEnter();
    await elapse(10 * HIDE_AFTER_MS);
    expect(card.isOpen).toBe(true);
    // The page reports no name under the pointer (it is on the card, over the page).
    card.pointerOver(undefined);
    await elapse(10 * HIDE_AFTER_MS);
    expect(card.isOpen).toBe(true);
    surface.events.onPointerLeave();
    await elapse(HIDE_AFTER_MS - 1);
    expect(card.isOpen).toBe(true);
    await elapse(1);
    expect(card.isOpen).toBe(false);
  });

  it('stays when the pointer comes back to the name in time', async () => {
    const { card } = await hovered();
    card.pointerOver(undefined);
    await elapse(HIDE_AFTER_MS - 1);
    card.pointerOver(wang);
    await elapse(10 * HIDE_AFTER_MS);
    expect(card.isOpen).toBe(true);
  });

  it('opens the next name’s card when the pointer moves on to it in time', async () => {
    const { card, surface } = await hovered();
    card.pointerOver(undefined);
    await elapse(HIDE_AFTER_MS / 3);
    card.pointerOver(xi);
    await elapse(10 * SHOW_DELAY_MS);
    expect(said(surface.current)).toBe('ready:xi-jinping');
    expect(card.isOpen).toBe(true);
  });

  it('keeps a pinned card, whatever the pointer does, until it is unpinned', async () => {
    const { card, surface, asked } = await hovered();
    surface.current!.onTogglePin();
    expect(surface.updates.at(-1)!.pinned).toBe(true);
    card.pointerOver(undefined);
    surface.events.onPointerLeave();
    await elapse(10 * HIDE_AFTER_MS);
    expect(card.isOpen).toBe(true);
    // Another name does not take a pinned card away.
    card.pointerOver(xi);
    await elapse(10 * SHOW_DELAY_MS);
    expect(asked()).toEqual(['wang-yi']);
    expect(said(surface.current)).toBe('ready:wang-yi');

    surface.current!.onTogglePin();
    expect(surface.updates.at(-1)!.pinned).toBe(false);
    card.pointerOver(undefined);
    await elapse(HIDE_AFTER_MS);
    expect(card.isOpen).toBe(false);
  });

  it('closes on Esc inside the card and tells the page', async () => {
    const { card, surface, onEscape } = await hovered();
    surface.events.onEscape();
    expect(card.isOpen).toBe(false);
    expect(onEscape).toHaveBeenCalledTimes(1);
  });

  it('closes from its own close button, and a pending open never shows', async () => {
    const slow = deferred<BriefingView | null>();
    const { card, surface } = setup(() => slow.promise);
    card.openNow(wang, false);
    card.close();
    slow.resolve(VIEWS['wang-yi']!);
    await elapse(10 * LOADING_AFTER_MS);
    expect(surface.shows).toEqual([]);
  });

  it('takes its surface down on dispose', async () => {
    const { card, surface } = await hovered();
    card.dispose();
    expect(card.isOpen).toBe(false);
    expect(surface.disposed).toBe(true);
  });
});

describe('CardController: opening at once and switching', () => {
  it('opens at once from the keyboard, and moves the focus into the shown card', async () => {
    const { card, surface, timings } = setup();
    card.openNow(wang, true);
    await elapse(0);
    expect(surface.shows.map((s) => said(s.props))).toEqual(['ready:wang-yi']);
    expect(surface.focused).toBe(1);
    expect(timings.map((t) => t.event)).toEqual(['requested', 'fetched', 'shown']);
  });

  it('cancels a pending hover when opened at once', async () => {
    const { card, surface, asked } = setup();
    card.pointerOver(xi);
    card.openNow(wang, false);
    await elapse(10 * SHOW_DELAY_MS);
    expect(asked()).toEqual(['wang-yi']);
    expect(surface.shows.map((s) => said(s.props))).toEqual(['ready:wang-yi']);
  });

  it('switches to a related entity beside the same name, keeping a keyboard reader’s focus', async () => {
    const slow = deferred<BriefingView | null>();
    const { card, surface, asked } = setup((id) =>
      id === 'xi-jinping' ? slow.promise : VIEWS[id]!,
    );
    card.openNow(wang, true);
    await elapse(0);
    surface.hasFocus = true;
    const anchor = surface.shows[0]!.anchor;
    surface.current!.onSelectEntity('xi-jinping');
    await elapse(LOADING_AFTER_MS);
    // While it loads, the card names the entity by id; the page's words are Wang Yi's.
    expect(said(surface.current)).toBe('loading:xi-jinping');
    expect(surface.current!.pageText).toBe('xi-jinping');
    slow.resolve(VIEWS['xi-jinping']!);
    await elapse(0);
    expect(asked()).toEqual(['wang-yi', 'xi-jinping']);
    expect(said(surface.current)).toBe('ready:xi-jinping');
    expect(surface.current!.pageText).toBe('Xi Jinping');
    expect(surface.focused).toBe(2);
    // Still beside Wang Yi's name.
    expect(surface.shows.at(-1)!.anchor.getClientRects()).toEqual(anchor.getClientRects());
  });

  it('opens the briefing page and the source of a line through the background', async () => {
    const { card, surface, openPage } = setup();
    card.openNow(wang, false);
    await elapse(0);
    surface.current!.onOpenBriefing('wang-yi');
    surface.current!.onOpenSource({ articleId: 'call/1', start: 10, end: 42 }, 'my pack');
    await elapse(0);
    expect(openPage.mock.calls.map(([request]) => request)).toEqual([
      { page: 'briefing', hash: 'wang-yi' },
      { page: 'article', hash: 'my%20pack/call%2F1/10-42' },
    ]);
  });

  it('places the card beside the box of every line of the name', async () => {
    const rects = [new DOMRect(10, 100, 50, 20), new DOMRect(0, 120, 30, 20)];
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue(rects as unknown as DOMRectList);
    const { card, surface } = setup();
    card.openNow(wang, false);
    await elapse(0);
    const box = surface.shows[0]!.anchor.getBoundingClientRect();
    expect([box.left, box.top, box.right, box.bottom]).toEqual([0, 100, 60, 140]);
  });
});

describe('CardController: a card the top document shows for a frame', () => {
  const frameTarget = () => ({
    entityId: 'wang-yi',
    text: '王毅',
    anchor: {
      getBoundingClientRect: () => new DOMRect(30, 40, 50, 20),
      getClientRects: () => [new DOMRect(30, 40, 50, 20)],
    },
  });
  const relay = (frameId = 7) => ({ frameId, tell: vi.fn() });

  it('opens at once beside the frame’s name, with the frame’s words, and takes the focus when asked', async () => {
    const { card, surface } = setup();
    card.openForFrame(frameTarget(), true, relay());
    await elapse(0);
    expect(said(surface.current)).toBe('ready:wang-yi');
    expect(surface.current!.pageText).toBe('王毅');
    expect(surface.shows.at(-1)!.anchor.getBoundingClientRect().x).toBe(30);
    expect(surface.focused).toBe(1);
  });

  it('tells the frame where the pointer goes, and leaves the hiding to the frame', async () => {
    const { card, surface } = setup();
    const frame = relay();
    card.openForFrame(frameTarget(), false, frame);
    await elapse(0);
    surface.events.onPointerEnter();
    surface.events.onPointerLeave();
    expect(frame.tell.mock.calls).toEqual([['pointerenter'], ['pointerleave']]);
    // The pointer crosses this document on its way: the card stays.
    card.pointerOver(undefined);
    await elapse(HIDE_AFTER_MS * 2);
    expect(surface.isOpen).toBe(true);
    card.closeForFrame(8);
    expect(surface.isOpen, 'another frame cannot close it').toBe(true);
    card.closeForFrame(7);
    expect(surface.isOpen).toBe(false);
    expect(frame.tell).not.toHaveBeenCalledWith('closed');
  });

  it('stays when pinned, and tells the frame when the reader closes it or another card takes its place', async () => {
    const { card, surface } = setup();
    const frame = relay();
    card.openForFrame(frameTarget(), false, frame);
    await elapse(0);
    surface.current!.onTogglePin();
    card.closeForFrame(7);
    expect(surface.isOpen).toBe(true);
    surface.current!.onClose();
    expect(frame.tell).toHaveBeenLastCalledWith('closed');

    const next = relay(9);
    card.openForFrame(frameTarget(), false, next);
    await elapse(0);
    card.pointerOver(xi);
    await elapse(SHOW_DELAY_MS);
    expect(said(surface.shows.at(-1)!.props)).toBe('ready:xi-jinping');
    expect(next.tell).toHaveBeenLastCalledWith('closed');
  });

  it('only moves the focus when the frame asks again for the card it shows', async () => {
    const { card, surface, asked } = setup();
    card.openForFrame(frameTarget(), false, relay());
    await elapse(0);
    const shows = surface.shows.length;
    card.openForFrame(frameTarget(), true, relay());
    expect(surface.shows.length).toBe(shows);
    expect(surface.focused).toBe(1);
    expect(asked()).toEqual(['wang-yi']);
  });
});

describe('CardController: the keyboard focus', () => {
  /** A page link that has the focus, as when the reader presses the command. */
  const focusedLink = () => {
    const link = document.createElement('a');
    link.href = '#home';
    document.body.append(link);
    link.focus();
    return link;
  };

  it('gives the focus back to where it was when a card that had it closes, and Tab out keeps the name', async () => {
    const { card, surface, onEscape } = setup();
    const link = focusedLink();
    card.openNow(wang, true);
    await elapse(0);
    expect(surface.focused).toBe(1);
    // The card has the focus now (the fake surface says so).
    surface.hasFocus = true;
    link.blur();
    surface.events.onTabOut!();
    expect(surface.isOpen).toBe(false);
    expect(document.activeElement).toBe(link);
    expect(onEscape, 'the name keeps the keyboard’s focus').not.toHaveBeenCalled();
  });

  it('leaves the focus alone when the card closes without having it', async () => {
    const { card, surface } = setup();
    focusedLink();
    card.openNow(wang, true);
    await elapse(0);
    surface.hasFocus = false;
    const other = document.createElement('button');
    document.body.append(other);
    other.focus();
    card.close();
    expect(document.activeElement).toBe(other);
  });
});

describe('CardController: related chips and Back', () => {
  it('goes to a related entity, Back returns to the first, and a new card forgets the way', async () => {
    const { card, surface } = setup();
    card.openNow(wang, false);
    await elapse(0);
    expect(surface.shows.at(-1)!.props.canGoBack).toBe(false);
    surface.shows.at(-1)!.props.onSelectEntity('xi-jinping');
    await elapse(0);
    const onXi = surface.shows.at(-1)!.props;
    expect(said(onXi)).toBe('ready:xi-jinping');
    expect(onXi.canGoBack).toBe(true);
    onXi.onBack!();
    await elapse(0);
    const back = surface.shows.at(-1)!.props;
    expect(said(back)).toBe('ready:wang-yi');
    expect(back.canGoBack).toBe(false);
    expect(back.pageText, 'the page’s words again').toBe('Wang Yi');

    back.onSelectEntity('xi-jinping');
    await elapse(0);
    card.close();
    card.openNow(wang, false);
    await elapse(0);
    expect(surface.shows.at(-1)!.props.canGoBack).toBe(false);
  });
});
