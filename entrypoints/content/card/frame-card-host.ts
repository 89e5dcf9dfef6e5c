/**
 * The card's surface in a frame below the top document. A frame too small
 * to hold the card (an embedded post, a comments box, a 120 px ad slot)
 * asks the tab's top document, through the background, to show it over the
 * frame instead (the top's side: top-frame-cards.ts); the top document
 * fetches and draws the briefing itself and tells the frame what the
 * reader's pointer does with it, so the frame's controller keeps deciding
 * when it hides. Where the top document cannot find the frame (it is not a
 * direct child, or the top document has no content script), the card is
 * drawn in the frame as anywhere else.
 */
import type { Client } from '../../../lib/messaging';
import type {
  FrameCardEvent,
  FrameCardRequest,
  ToBackground,
} from '../../../lib/messaging/protocol';
import type { BriefingCardProps } from '../../../components/BriefingCard';
import type { CardSurface } from './card-controller';
import { CardHost, type CardHostEvents, type VirtualAnchor } from './card-host';
import { CARD_MIN_HEIGHT_PX, CARD_WIDTH_PX, GAP_PX } from './placement';
import { layoutViewport } from '../input/on-screen';

/** Whether this frame's viewport is too small for a card that can be read whole. */
export function frameIsTooSmall(): boolean {
  const { width, height } = layoutViewport();
  return height < 2 * CARD_MIN_HEIGHT_PX || width < CARD_WIDTH_PX + 2 * GAP_PX;
}

/** Only a direct child of the top document can be found by it (top-frame-cards.ts). */
export const topCanShowOurCard = (): boolean =>
  window !== window.top && window.parent === window.top;

const entityOf = (props: BriefingCardProps): string =>
  props.state.status === 'ready' ? props.state.view.entity.id : props.state.entityId;

export class FrameCardHost implements CardSurface {
  private readonly local: CardHost;
  /** the top document shows this frame's card */
  private relayed = false;
  /** the top document's answer to the open card's request, while it is on its way */
  private asking: Promise<boolean> | null = null;
  private lastRequest: FrameCardRequest | null = null;
  private generation = 0;

  constructor(
    private readonly events: CardHostEvents,
    private readonly client: Client<ToBackground>,
  ) {
    this.local = new CardHost(events);
  }

  get element() {
    return this.local.element;
  }
  get isOpen() {
    return this.relayed || this.local.isOpen;
  }
  get hasFocus() {
    return !this.relayed && this.local.hasFocus;
  }
  get placed() {
    return this.relayed ? null : this.local.placed;
  }
  get text() {
    return this.relayed ? null : this.local.text;
  }
  get settled() {
    return !this.relayed && this.local.settled;
  }
  ensureOnTop(): boolean {
    return !this.relayed && this.local.ensureOnTop();
  }
  prepare(props: BriefingCardProps): void {
    if (!frameIsTooSmall()) this.local.prepare(props);
  }

  async show(props: BriefingCardProps, anchor: VirtualAnchor): Promise<void> {
    if (this.relayed) return; // the top document draws its own briefing
    if (frameIsTooSmall()) {
      const generation = this.generation;
      this.asking ??= this.askTop(props, anchor, false);
      const shown = await this.asking;
      if (generation !== this.generation) {
        // Closed while the top document was answering: take its card away again.
        if (shown) void this.client.send('hideCardInTop', undefined).catch(() => undefined);
        return;
      }
      this.asking = null;
      if (shown) {
        this.relayed = true;
        return;
      }
    }
    return this.local.show(props, anchor);
  }

  private askTop(props: BriefingCardProps, anchor: VirtualAnchor, focus: boolean) {
    const r = anchor.getBoundingClientRect();
    const request: FrameCardRequest = {
      entityId: entityOf(props),
      text: props.pageText,
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      frame: layoutViewport(),
      focus,
    };
    this.lastRequest = request;
    return this.client.send('showCardInTop', request).catch(() => false);
  }

  update(props: BriefingCardProps): void {
    if (!this.relayed) this.local.update(props);
  }

  focus(): void {
    if (!this.relayed) return this.local.focus();
    // The same request, now with the focus: the top document moves it into its card.
    if (this.lastRequest)
      void this.client
        .send('showCardInTop', { ...this.lastRequest, focus: true })
        .catch(() => false);
  }

  /** What the top document says the reader did with the card it shows for this frame. */
  onTopEvent(event: FrameCardEvent): void {
    if (!this.relayed) return;
    if (event === 'pointerenter') this.events.onPointerEnter();
    else if (event === 'pointerleave') this.events.onPointerLeave();
    else {
      // Closed there (its close button, Esc, or another card took its place).
      this.relayed = false;
      this.events.onEscape();
    }
  }

  hide(): void {
    this.generation++;
    this.asking = null;
    this.lastRequest = null;
    if (this.relayed) {
      this.relayed = false;
      void this.client.send('hideCardInTop', undefined).catch(() => undefined);
    }
    this.local.hide();
  }

  dispose(): void {
    this.hide();
    this.local.dispose();
  }
}
