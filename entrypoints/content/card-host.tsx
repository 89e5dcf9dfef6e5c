/**
 * The one element the extension adds to a page: a host for the briefing card,
 * with an open shadow root (reachable by tests and assistive technology) whose
 * styles neither leak out nor let the page's styles in. Created on first use,
 * removed on teardown.
 */
import { render } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift, type Placement } from '@floating-ui/dom';
import { BriefingCard, type BriefingCardProps } from '../../components/BriefingCard';
import cardCss from '../../components/briefing-card.css?inline';

export const CARD_HOST_TAG = 'briefing-lens-card';
/** Space between the name and the card, and the card and the viewport's edge. */
const GAP_PX = 8;
/** The card's tallest height (briefing-card.css caps `.card` at this too). */
const CARD_MAX_HEIGHT_PX = 520;
/**
 * Below or above the name the card may shrink (it scrolls inside) down to
 * this height; with less room on both sides it goes beside the name instead.
 */
const CARD_MIN_HEIGHT_PX = 160;

interface Choice {
  placement: Placement;
  /** the height the card may take on that side */
  room: number;
}

/**
 * Where the card goes: below the name if it fits whole, else above, else on
 * the taller of the two sides with its height limited to the room there (it
 * scrolls), and only when both are too short, beside the name. Never over it.
 */
export function choosePlacement(
  anchor: { top: number; bottom: number },
  viewportHeight: number,
  cardHeight: number,
): Choice {
  const below = Math.floor(viewportHeight - anchor.bottom - 2 * GAP_PX);
  const above = Math.floor(anchor.top - 2 * GAP_PX);
  const wanted = Math.min(cardHeight, CARD_MAX_HEIGHT_PX);
  if (wanted <= below) return { placement: 'bottom-start', room: below };
  if (wanted <= above) return { placement: 'top-start', room: above };
  if (Math.max(below, above) >= CARD_MIN_HEIGHT_PX)
    return below >= above
      ? { placement: 'bottom-start', room: below }
      : { placement: 'top-start', room: above };
  return { placement: 'right-start', room: Math.floor(viewportHeight - 2 * GAP_PX) };
}

export interface VirtualAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRect[];
}

export class CardHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  /** bumps on every show and hide: late placements of an older card are dropped */
  private generation = 0;

  constructor(
    private readonly onPointerEnter: () => void,
    private readonly onPointerLeave: () => void,
    /** Esc inside the card (the page's own key listeners never see the card's keys) */
    private readonly onEscape: () => void = () => undefined,
  ) {}

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
    host.setAttribute('data-briefing-lens', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cardCss);
    shadow.adoptedStyleSheets = [sheet];
    host.addEventListener('pointerenter', this.onPointerEnter);
    host.addEventListener('pointerleave', this.onPointerLeave);
    // Keys typed in the card stay in the card: page shortcuts must not fire.
    host.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        this.onEscape();
      }
    });
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
