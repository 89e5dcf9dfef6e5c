/**
 * When the card opens and closes. Timing after Wikipedia's Page Previews
 * (mediawiki-extensions-Popups, src/constants.js): the request starts once the
 * pointer has rested on a name, the card shows after a longer dwell, and it
 * hides only after the pointer has left both the name and the card. Each
 * interaction gets a token; answers for an older token are dropped.
 */
import type { BriefingView } from '../../lib/messaging/protocol';
import type { Client } from '../../lib/messaging';
import type { ToBackground } from '../../lib/messaging/protocol';
import type { Translate } from '../../lib/i18n';
import type { CardState } from '../../components/BriefingCard';
import type { PageMention } from './mention-index';
import { CardHost, type VirtualAnchor } from './card-host';
import { rectsOf } from './pointer';

/** Dwell before the briefing is requested: a pointer passing over a name asks for nothing. */
export const FETCH_AFTER_MS = 150;
/** After leaving both the name and the card: time to cross the gap between them. */
export const HIDE_AFTER_MS = 300;

export interface CardControllerDeps {
  client: Client<ToBackground>;
  showDelayMs: () => number;
  t: Translate;
  uiLanguage: string;
  /** the reader pressed Esc inside the card (the page never sees that key) */
  onEscape?: () => void;
}

function anchorFor(mention: PageMention): VirtualAnchor {
  return {
    getClientRects: () => rectsOf(mention),
    getBoundingClientRect() {
      const rects = rectsOf(mention);
      if (!rects.length) return new DOMRect();
      const left = Math.min(...rects.map((r) => r.left));
      const top = Math.min(...rects.map((r) => r.top));
      return new DOMRect(
        left,
        top,
        Math.max(...rects.map((r) => r.right)) - left,
        Math.max(...rects.map((r) => r.bottom)) - top,
      );
    },
  };
}

export class CardController {
  readonly host: CardHost;
  private token = 0;
  private fetchTimer: ReturnType<typeof setTimeout> | undefined;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** the mention the card is about (open or pending) */
  private mention: PageMention | null = null;
  private entityId: string | null = null;
  private pinned = false;
  private overCard = false;
  private state: CardState | null = null;
  private readonly cache = new Map<string, Promise<BriefingView | null>>();

  constructor(private readonly deps: CardControllerDeps) {
    this.host = new CardHost(
      () => {
        this.overCard = true;
        this.cancelHide();
      },
      () => {
        this.overCard = false;
        this.scheduleHide();
      },
      () => {
        this.close();
        this.deps.onEscape?.();
      },
    );
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
        () => performance.measure('briefing-lens:briefing-fetch', { start, detail: { entityId } }),
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
      if (this.isOpen) this.scheduleHide();
      else this.abandon();
      return;
    }
    if (this.isOpen && this.pinned) return;
    // A new name: start over with a new token.
    this.abandon();
    const token = ++this.token;
    this.mention = mention;
    this.fetchTimer = setTimeout(() => {
      // Fetch, and render the card off the page, while the pointer still dwells.
      this.briefing(mention.entityId).then(
        (view) => {
          if (view && token === this.token && !this.isOpen)
            this.host.prepare(this.props(mention, { status: 'ready', view }, mention.entityId));
        },
        () => undefined,
      );
    }, FETCH_AFTER_MS);
    this.showTimer = setTimeout(() => {
      if (token === this.token) void this.open(mention, token, false);
    }, this.deps.showDelayMs());
  }

  /** Opens at once: keyboard focus, or a click on a chip. */
  openNow(mention: PageMention, focus: boolean): void {
    this.abandon();
    const token = ++this.token;
    this.mention = mention;
    void this.open(mention, token, focus);
  }

  private abandon(): void {
    this.clearTimers();
    if (!this.isOpen) this.mention = null;
  }

  private async open(
    mention: PageMention,
    token: number,
    focus: boolean,
    entityId = mention.entityId,
  ) {
    this.cancelHide();
    this.entityId = entityId;
    this.state = { status: 'loading', entityId };
    performance.mark('briefing-lens:card-requested', { detail: { entityId } });
    const pending = this.briefing(entityId);
    // Show the loading state only if the answer is slow: no flash of "Loading…".
    const quick = await Promise.race([
      pending.then(
        () => true,
        () => true,
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 50)),
    ]);
    if (token !== this.token) return;
    if (!quick) void this.host.show(this.props(mention), anchorFor(mention));
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
    await this.host.show(this.props(mention), anchorFor(mention));
    if (token !== this.token) return;
    // Placed and visible: the next frame paints it.
    performance.mark('briefing-lens:card-shown', { detail: { entityId } });
    // Focus only now: a card still hidden (being placed) cannot take focus.
    if (focus) this.host.focus();
  }

  private props(
    mention: PageMention,
    state: CardState = this.state!,
    entityId: string = this.entityId ?? mention.entityId,
  ) {
    return {
      state,
      pageText:
        entityId === mention.entityId
          ? mention.text
          : state.status === 'ready'
            ? state.view.entity.name
            : entityId,
      pinned: this.pinned,
      uiLanguage: this.deps.uiLanguage,
      t: this.deps.t,
      onClose: () => this.close(),
      onTogglePin: () => {
        this.pinned = !this.pinned;
        this.rerender();
      },
      onSelectEntity: (entityId: string) => {
        const token = ++this.token;
        // A reader on the keyboard keeps focus in the card as it switches.
        if (this.mention) void this.open(this.mention, token, this.host.hasFocus, entityId);
      },
      onOpenBriefing: (entityId: string) =>
        void this.deps.client.send('openPage', { page: 'briefing', hash: entityId }),
      onOpenSource: (source: { articleId: string; start: number; end: number }, packId: string) =>
        void this.deps.client.send('openPage', {
          page: 'article',
          hash: `${encodeURIComponent(packId)}/${encodeURIComponent(source.articleId)}/${source.start}-${source.end}`,
        }),
    };
  }

  private rerender(): void {
    if (this.mention && this.state) this.host.update(this.props(this.mention));
  }

  close(): void {
    this.token++;
    this.clearTimers();
    this.cancelHide();
    this.pinned = false;
    this.overCard = false;
    this.mention = null;
    this.state = null;
    this.host.hide();
  }

  dispose(): void {
    this.close();
    this.host.dispose();
  }
}
