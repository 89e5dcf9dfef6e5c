/**
 * When the card opens and closes. Timing after Wikipedia's Page Previews
 * (mediawiki-extensions-Popups, src/constants.js): the request starts once the
 * pointer has rested on a name, the card shows after a longer dwell, and it
 * hides only after the pointer has left both the name and the card. Each
 * interaction gets a token; answers for an older token are dropped.
 */
import type { BriefingView } from '../../../core/views';
import { articleHash } from '../../../core/display';
import type { CardTiming, FrameCardEvent, ToBackground } from '../../../lib/messaging/protocol';
import type { Client } from '../../../lib/messaging';
import type { Translate } from '../../../lib/i18n';
import type { CardState } from '../../../components/BriefingCard';
import type { PageMention } from '../scan/mention-index';
import { CardHost, type CardHostEvents, type VirtualAnchor } from './card-host';
import { boundingRectOf, rectsOf } from '../input/pointer';
import { FETCH_AFTER_MS, HIDE_AFTER_MS, LOADING_AFTER_MS } from './timing';
import { cardCanOpenSidePanel } from '../../../lib/platform';

export interface CardControllerDeps {
  client: Client<ToBackground>;
  showDelayMs: () => number;
  t: Translate;
  uiLanguage: string;
  /** the reader pressed Esc inside the card (the page never sees that key) */
  onEscape?: () => void;
  /** what the card's life took, for the diagnostics channel */
  onTiming?: (timing: CardTiming) => void;
  /** the page's own date (page-date.ts): the card says when the briefing is of another time */
  pageDate?: () => string | null;
  /** the surface the card is drawn on; the real one is a shadow-root host on the page */
  createHost?: (events: CardHostEvents) => CardSurface;
}

/** What the controller needs of the card's host (card-host.tsx; tests pass a fake). */
export type CardSurface = Pick<
  CardHost,
  | 'element'
  | 'isOpen'
  | 'hasFocus'
  | 'placed'
  | 'text'
  | 'settled'
  | 'ensureOnTop'
  | 'prepare'
  | 'show'
  | 'update'
  | 'focus'
  | 'hide'
  | 'dispose'
>;

/** What a card is about and where it stands: a mention in this document, or a name in one of its frames. */
export interface CardTarget {
  entityId: string;
  /** the words as the page writes them */
  text: string;
  /** the language they are in, as the page marks it */
  lang?: string;
  anchor: VirtualAnchor;
}

/** The frame a card in the top document is shown for, told what the reader does with it. */
export interface FrameRelay {
  frameId: number;
  tell(event: FrameCardEvent): void;
}

const targetOf = (mention: PageMention): CardTarget => ({
  entityId: mention.entityId,
  text: mention.text,
  lang:
    mention.range.startContainer.parentElement?.closest('[lang]')?.getAttribute('lang') ??
    undefined,
  anchor: anchorFor(mention),
});

function anchorFor(mention: PageMention): VirtualAnchor {
  return {
    getClientRects: () => rectsOf(mention),
    getBoundingClientRect: () => boundingRectOf(mention) ?? new DOMRect(),
    // The element that holds the words: Floating UI follows its scrolling
    // ancestors (a name in a scrolling panel), and the host goes into the
    // modal dialog or fullscreen element that holds it.
    contextElement: mention.range.startContainer.parentElement ?? undefined,
  };
}

export class CardController {
  readonly host: CardSurface;
  private token = 0;
  private fetchTimer: ReturnType<typeof setTimeout> | undefined;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** the mention the card is about (open or pending); null for a frame's card */
  private mention: PageMention | null = null;
  /** what the open (or opening) card is about */
  private target: CardTarget | null = null;
  /** set while the card is one a frame asked for: the frame decides when it hides */
  private relay: FrameRelay | null = null;
  private entityId: string | null = null;
  private pinned = false;
  private overCard = false;
  private state: CardState | null = null;
  private readonly cache = new Map<string, Promise<BriefingView | null>>();
  /** the entities the reader came from by related chips, for Back */
  private history: string[] = [];
  /** where the keyboard focus was before the card took it, to give it back when the card goes */
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly deps: CardControllerDeps) {
    const events: CardHostEvents = {
      onPointerEnter: () => {
        this.overCard = true;
        this.cancelHide();
        this.relay?.tell('pointerenter');
      },
      onPointerLeave: () => {
        this.overCard = false;
        if (this.relay) this.relay.tell('pointerleave');
        else this.scheduleHide();
      },
      onEscape: () => {
        this.close();
        this.deps.onEscape?.();
      },
      // Done with the card, not with the name: the name keeps the keyboard's focus.
      onTabOut: () => this.close(),
    };
    this.host = deps.createHost ? deps.createHost(events) : new CardHost(events);
  }

  get isOpen(): boolean {
    return this.host.isOpen;
  }

  /** Drops cached briefings (the installed packs changed). */
  clearCache(): void {
    this.cache.clear();
  }

  private briefing(entityId: string): Promise<BriefingView | null> {
    let pending = this.cache.get(entityId);
    if (!pending) {
      const start = performance.now();
      pending = this.deps.client.send('getBriefing', { entityId });
      // How long the background took to answer (a sleeping worker must wake first).
      pending.then(
        () => {
          const at = performance.now();
          this.deps.onTiming?.({ event: 'fetched', entityId, at, ms: at - start });
        },
        () => undefined,
      );
      pending.catch(() => this.cache.delete(entityId));
      this.cache.set(entityId, pending);
    }
    return pending;
  }

  private clearTimers(): void {
    clearTimeout(this.fetchTimer);
    clearTimeout(this.showTimer);
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  private scheduleHide(): void {
    if (this.pinned || this.overCard) return;
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.close(), HIDE_AFTER_MS);
  }

  /** The pointer now rests on `mention` (or on no mention). */
  pointerOver(mention: PageMention | undefined): void {
    if (mention && mention === this.mention) {
      this.cancelHide();
      return;
    }
    if (!mention) {
      // A frame's card hides when the frame says (the pointer crossing this
      // document on its way from the frame to the card must not close it).
      if (this.relay) return;
      if (this.isOpen) this.scheduleHide();
      else this.abandon();
      return;
    }
    if (this.isOpen && this.pinned) return;
    // A new name: start over with a new token. An open card stays until the
    // new one replaces it (or the pointer leaves this name too): the hide
    // scheduled on leaving the last name must not take the new card with it.
    this.cancelHide();
    this.abandon();
    const token = ++this.token;
    this.mention = mention;
    this.fetchTimer = setTimeout(() => {
      // Fetch, and render the card off the page, while the pointer still dwells.
      this.briefing(mention.entityId).then(
        (view) => {
          if (view && token === this.token && !this.isOpen)
            this.host.prepare(
              this.props(targetOf(mention), { status: 'ready', view }, mention.entityId),
            );
        },
        () => undefined,
      );
    }, FETCH_AFTER_MS);
    this.showTimer = setTimeout(() => {
      if (token === this.token) void this.open(targetOf(mention), token, false);
    }, this.deps.showDelayMs());
  }

  /** Opens at once: keyboard focus, or a click on a chip. */
  openNow(mention: PageMention, focus: boolean): void {
    this.abandon();
    const token = ++this.token;
    this.mention = mention;
    void this.open(targetOf(mention), token, focus);
  }

  /**
   * Shows, at once, the card a frame too small to hold it asked for (the top
   * document's side of card/frame-card-host.ts); `relay` hears what the
   * reader does with it. Asked again for the card it shows, it only takes
   * the focus, if asked to.
   */
  openForFrame(target: CardTarget, focus: boolean, relay: FrameRelay): void {
    const same =
      this.isOpen &&
      this.relay?.frameId === relay.frameId &&
      this.target?.entityId === target.entityId;
    if (same) {
      if (focus) this.host.focus();
      return;
    }
    this.abandon();
    const token = ++this.token;
    this.mention = null;
    void this.open(target, token, focus, target.entityId, relay);
  }

  /** The frame whose card this is let it go (the pointer left it), unless the reader pinned it. */
  closeForFrame(frameId: number): void {
    if (this.relay?.frameId !== frameId || this.pinned) return;
    this.relay = null;
    this.close();
  }

  private abandon(): void {
    this.clearTimers();
    this.history = [];
    if (!this.isOpen) this.mention = null;
  }

  private async open(
    target: CardTarget,
    token: number,
    focus: boolean,
    entityId = target.entityId,
    relay: FrameRelay | null = null,
  ) {
    this.cancelHide();
    // Another card takes the place of a frame's: that frame's card is closed.
    if (this.relay && this.relay !== relay) this.relay.tell('closed');
    this.relay = relay;
    this.target = target;
    this.entityId = entityId;
    this.state = { status: 'loading', entityId };
    this.deps.onTiming?.({ event: 'requested', entityId, at: performance.now() });
    const pending = this.briefing(entityId);
    // Show the loading state only if the answer is slow: no flash of "Loading…".
    const quick = await Promise.race([
      pending.then(
        () => true,
        () => true,
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), LOADING_AFTER_MS)),
    ]);
    if (token !== this.token) return;
    if (!quick) void this.host.show(this.props(target), target.anchor);
    try {
      const view = await pending;
      if (token !== this.token) return;
      this.state = view
        ? { status: 'ready', view }
        : { status: 'error', entityId, message: this.deps.t('card_notFound') };
    } catch (error) {
      if (token !== this.token) return;
      this.state = { status: 'error', entityId, message: (error as Error).message };
    }
    await this.host.show(this.props(target), target.anchor);
    if (token !== this.token) return;
    // Placed and visible: the next frame paints it.
    this.deps.onTiming?.({ event: 'shown', entityId, at: performance.now() });
    // Focus only now: a card still hidden (being placed) cannot take focus.
    if (focus) {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active !== document.body && active !== this.host.element)
        this.returnFocus ??= active;
      this.host.focus();
    }
  }

  private props(
    target: CardTarget,
    state: CardState = this.state!,
    entityId: string = this.entityId ?? target.entityId,
  ) {
    return {
      state,
      pageText:
        entityId === target.entityId
          ? target.text
          : state.status === 'ready'
            ? state.view.entity.name
            : entityId,
      pageLang: entityId === target.entityId ? target.lang : undefined,
      pageDate: this.deps.pageDate?.() ?? null,
      canGoBack: this.history.length > 0,
      onBack: () => {
        const previous = this.history.pop();
        if (previous === undefined) return;
        const token = ++this.token;
        if (this.target)
          void this.open(this.target, token, this.host.hasFocus, previous, this.relay);
      },
      pinned: this.pinned,
      uiLanguage: this.deps.uiLanguage,
      t: this.deps.t,
      onClose: () => this.close(),
      onTogglePin: () => {
        this.pinned = !this.pinned;
        this.rerender();
      },
      onSelectEntity: (entityId: string) => {
        if (this.entityId && this.entityId !== entityId) this.history.push(this.entityId);
        const token = ++this.token;
        // A reader on the keyboard keeps focus in the card as it switches.
        if (this.target)
          void this.open(this.target, token, this.host.hasFocus, entityId, this.relay);
      },
      onOpenBriefing: (entityId: string) =>
        void this.deps.client.send('openPage', { page: 'briefing', hash: entityId }),
      onOpenSource: (source: { articleId: string; start: number; end: number }, packId: string) =>
        void this.deps.client.send('openPage', {
          page: 'article',
          hash: articleHash(packId, source),
        }),
      onOpenSidePanel: cardCanOpenSidePanel()
        ? () => void this.deps.client.send('openSidePanel', undefined)
        : undefined,
    };
  }

  private rerender(): void {
    if (this.target && this.state) this.host.update(this.props(this.target));
  }

  close(): void {
    const hadFocus = this.host.hasFocus;
    this.token++;
    this.clearTimers();
    this.cancelHide();
    this.pinned = false;
    this.overCard = false;
    this.mention = null;
    this.target = null;
    this.history = [];
    this.state = null;
    this.relay?.tell('closed');
    this.relay = null;
    this.host.hide();
    // A card closed from the keyboard gives the focus back, without scrolling the page.
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  dispose(): void {
    this.close();
    this.host.dispose();
  }
}
