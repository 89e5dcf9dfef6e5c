/**
 * The one element the extension adds to a page: a host for the briefing card,
 * with an open shadow root (reachable by tests and assistive technology) whose
 * styles neither leak out nor let the page's styles in. Created on first use,
 * removed on teardown.
 */
import { render } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { BriefingCard, type BriefingCardProps } from '../../../components/BriefingCard';
import cardCss from '../../../components/briefing-card.css?inline';
import { choosePlacement, GAP_PX } from './placement';
import type { CardPlacement } from '../../../lib/messaging/protocol';

export const CARD_HOST_TAG = 'briefing-lens-card';
export interface VirtualAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRect[];
}

/** What the host tells its controller. */
export interface CardHostEvents {
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** Esc inside the card (the page's own key listeners never see the card's keys) */
  onEscape: () => void;
}

export class CardHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  /** bumps on every show and hide: late placements of an older card are dropped */
  private generation = 0;
  /** where the open card was last placed, in viewport pixels (for the diagnostics channel) */
  placed: CardPlacement | null = null;

  constructor(private readonly events: CardHostEvents) {}

  get element(): HTMLElement | null {
    return this.host;
  }

  /** The host and its shadow root, created on first use; on the page only if `attach`. */
  private ensureHost(attach = true): ShadowRoot {
    if (this.shadow && this.host) {
      if (attach && !this.host.isConnected) document.documentElement.append(this.host);
      return this.shadow;
    }
    const host = document.createElement(CARD_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cardCss);
    shadow.adoptedStyleSheets = [sheet];
    // Only the reader's pointer and keys: a page's script can dispatch events
    // at the host too.
    host.addEventListener('pointerenter', (e) => e.isTrusted && this.events.onPointerEnter());
    host.addEventListener('pointerleave', (e) => e.isTrusted && this.events.onPointerLeave());
    // Keys typed in the card stay in the card: page shortcuts must not fire.
    host.addEventListener('keydown', (event) => {
      if (!event.isTrusted) return;
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        this.events.onEscape();
      }
    });
    // Clicks a page's script dispatches inside the card do nothing: its
    // buttons open tabs only for the reader.
    shadow.addEventListener(
      'click',
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      true,
    );
    if (attach) document.documentElement.append(host);
    this.host = host;
    this.shadow = shadow;
    return shadow;
  }

  /**
   * Renders a card ahead of time into the detached host, while the pointer is
   * still dwelling: showing it then only attaches and places it. The page
   * never sees a prepared card.
   */
  prepare(props: BriefingCardProps): void {
    if (this.isOpen) return;
    render(<BriefingCard {...props} />, this.ensureHost(false));
  }

  get isOpen(): boolean {
    return !!this.host?.isConnected;
  }

  /**
   * Renders the card and keeps it placed beside `anchor`. The promise settles
   * once the card has its first position and is visible.
   */
  show(props: BriefingCardProps, anchor: VirtualAnchor): Promise<void> {
    const shadow = this.ensureHost();
    render(<BriefingCard {...props} />, shadow);
    const host = this.host!;
    // Hidden until placed: never a frame of the card in the corner of the page.
    if (!this.stopAutoUpdate) host.style.setProperty('--briefing-lens-visibility', 'hidden');
    this.stopAutoUpdate?.();
    let placed: () => void = () => undefined;
    const firstPlacement = new Promise<void>((resolve) => (placed = resolve));
    const generation = ++this.generation;
    this.stopAutoUpdate = autoUpdate(
      anchor as unknown as Element,
      host,
      () => {
        if (generation !== this.generation) return placed();
        const card = shadow.querySelector<HTMLElement>('.card');
        // The card's whole height, however little room it had last time.
        const natural = card ? card.scrollHeight + card.offsetHeight - card.clientHeight : 0;
        const { placement, room } = choosePlacement(
          anchor.getBoundingClientRect(),
          document.documentElement.clientHeight || window.innerHeight,
          natural,
        );
        host.style.setProperty('--available-height', `${room}px`);
        const beside = placement.startsWith('right');
        void computePosition(anchor, host, {
          strategy: 'fixed',
          placement,
          middleware: [
            offset(GAP_PX),
            // Beside the name only as a last resort, on whichever side has room.
            ...(beside ? [flip({ padding: GAP_PX, fallbackPlacements: ['left-start'] })] : []),
            // Slide along the name's edge to stay inside the viewport: never across it.
            shift({ padding: GAP_PX, crossAxis: false }),
          ],
        }).then(({ x, y, placement: final }) => {
          if (generation !== this.generation) return placed();
          host.style.setProperty('--briefing-lens-x', `${Math.round(x)}px`);
          host.style.setProperty('--briefing-lens-y', `${Math.round(y)}px`);
          host.style.setProperty('--briefing-lens-visibility', 'visible');
          host.dataset.placement = final;
          host.dataset.placed = '';
          const box = host.getBoundingClientRect();
          this.placed = {
            placement: final,
            x: Math.round(x),
            y: Math.round(y),
            width: Math.round(box.width),
            height: Math.round(box.height),
          };
          placed();
        });
      },
      { ancestorScroll: true, elementResize: true, layoutShift: false, animationFrame: false },
    );
    return firstPlacement;
  }

  /** Re-renders the open card with new props (a briefing arrived, pin toggled). */
  update(props: BriefingCardProps): void {
    if (this.shadow) render(<BriefingCard {...props} />, this.shadow);
  }

  /** Whether keyboard focus is inside the card. */
  get hasFocus(): boolean {
    return !!this.shadow?.activeElement;
  }

  /** Moves keyboard focus into the card, for readers who opened it from the keyboard. */
  focus(): void {
    this.shadow?.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
  }

  hide(): void {
    this.generation++;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.placed = null;
    if (!this.host) return;
    delete this.host.dataset.placed;
    delete this.host.dataset.placement;
    if (this.shadow) render(null, this.shadow);
    // Out of the page while closed: its DOM is then exactly the owner's.
    this.host.remove();
  }

  dispose(): void {
    this.hide();
    this.host = null;
    this.shadow = null;
  }
}
