/**
 * The one element the extension adds to a page: a host for the briefing card,
 * with an open shadow root (reachable by tests and assistive technology) whose
 * styles neither leak out nor let the page's styles in. Created on first use,
 * removed on teardown.
 */
import { render } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { BriefingCard, type BriefingCardProps } from '../../components/BriefingCard';
import cardCss from '../../components/briefing-card.css?inline';

export const CARD_HOST_TAG = 'briefing-lens-card';
/** Space between the name and the card, and the card and the viewport's edge. */
const GAP_PX = 8;

export interface VirtualAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRect[];
}

export class CardHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private stopAutoUpdate: (() => void) | null = null;

  constructor(
    private readonly onPointerEnter: () => void,
    private readonly onPointerLeave: () => void,
  ) {}

  get element(): HTMLElement | null {
    return this.host;
  }

  private ensureHost(): ShadowRoot {
    if (this.shadow && this.host) {
      if (!this.host.isConnected) document.documentElement.append(this.host);
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
    host.addEventListener('keydown', (event) => event.stopPropagation());
    document.documentElement.append(host);
    this.host = host;
    this.shadow = shadow;
    return shadow;
  }

  get isOpen(): boolean {
    return !!this.host?.isConnected;
  }

  show(props: BriefingCardProps, anchor: VirtualAnchor): void {
    const shadow = this.ensureHost();
    render(<BriefingCard {...props} />, shadow);
    const host = this.host!;
    // Hidden until placed: never a frame of the card in the corner of the page.
    if (!this.stopAutoUpdate) host.style.setProperty('--briefing-lens-visibility', 'hidden');
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(
      anchor as unknown as Element,
      host,
      () => {
        void computePosition(anchor, host, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [
            offset(GAP_PX),
            // Flip to the other side before shifting: never over the name itself.
            flip({
              padding: GAP_PX,
              fallbackPlacements: ['top-start', 'bottom-end', 'top-end', 'right', 'left'],
            }),
            shift({ padding: GAP_PX }),
            size({
              padding: GAP_PX,
              apply({ availableHeight }) {
                // The card scrolls inside the room it has, on whichever side it went.
                host.style.setProperty('--available-height', `${Math.max(120, availableHeight)}px`);
              },
            }),
          ],
        }).then(({ x, y }) => {
          host.style.setProperty('--briefing-lens-x', `${Math.round(x)}px`);
          host.style.setProperty('--briefing-lens-y', `${Math.round(y)}px`);
          host.style.setProperty('--briefing-lens-visibility', 'visible');
          host.dataset.placed = '';
        });
      },
      { ancestorScroll: true, elementResize: true, layoutShift: false, animationFrame: false },
    );
  }

  /** Re-renders the open card with new props (a briefing arrived, pin toggled). */
  update(props: BriefingCardProps): void {
    if (this.shadow) render(<BriefingCard {...props} />, this.shadow);
  }

  /** Moves keyboard focus into the card, for readers who opened it from the keyboard. */
  focus(): void {
    const target = this.shadow?.querySelector<HTMLElement>('.card');
    if (target) {
      target.tabIndex = -1;
      target.focus({ preventScroll: true });
    }
  }

  hide(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    if (!this.host) return;
    delete this.host.dataset.placed;
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
