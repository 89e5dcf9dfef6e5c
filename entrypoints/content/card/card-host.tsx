/**
 * One of the two elements the extension adds to a page (the other is the
 * screen reader's announcer, input/announcer.ts), and only while a card is
 * open: a host for the briefing card, with a *closed* shadow root, so the
 * page's scripts cannot read the briefing, click its links or rewrite it
 * (assistive technology still reads it: closed roots are closed to scripts
 * only). The host carries no attribute of ours but `popover`, which puts the
 * card in the top layer above the page's own overlays. Its position, size and
 * visibility come from a sheet inside the root, as `!important` :host rules,
 * which beat every rule of the page (for `!important`, the shadow tree's
 * context wins), so the page can neither move nor hide it.
 */
import { render } from 'preact';
import { autoUpdate, computePosition, flip, hide, offset, shift } from '@floating-ui/dom';
import { BriefingCard, type BriefingCardProps } from '../../../components/BriefingCard';
import cardCss from '../../../components/briefing-card.css?inline';
import { choosePlacement, GAP_PX } from './placement';
import { containerFor } from '../host-container';
import { visibleViewport } from '../input/on-screen';
import type { CardPlacement } from '../../../lib/messaging/protocol';

export const CARD_HOST_TAG = 'briefing-lens-card';
export interface VirtualAnchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRect[];
  /** the element holding the name (Floating UI watches its scrolling ancestors) */
  contextElement?: Element;
}

/** What the host tells its controller. */
export interface CardHostEvents {
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** Esc inside the card (the page's own key listeners never see the card's keys) */
  onEscape: () => void;
  /** Tab past the card's last control, or Shift+Tab before its first: the reader is done with it */
  onTabOut?: () => void;
}

/** What Tab moves between inside the card. */
const FOCUSABLE =
  'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

interface Placement {
  x: number;
  y: number;
  /** the height the side of the name the card goes has (null: not measured yet) */
  room: number | null;
  visible: boolean;
}
/** Whether the host goes to the top layer (the Popover API; not in every DOM). */
const inTopLayer = (host: HTMLElement) =>
  host.popover === 'manual' && typeof host.showPopover === 'function';

const UNPLACED: Placement = { x: 0, y: 0, room: null, visible: false };

export class CardHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  /** where the card sits: rewritten on each placement, unreachable from the page */
  private readonly placementSheet = new CSSStyleSheet();
  private at: Placement = { ...UNPLACED };
  private stopAutoUpdate: (() => void) | null = null;
  /** bumps on every show and hide: late placements of an older card are dropped */
  private generation = 0;
  /** where the open card was last placed, in viewport pixels (for the diagnostics channel) */
  placed: CardPlacement | null = null;

  constructor(private readonly events: CardHostEvents) {}

  get element(): HTMLElement | null {
    return this.host;
  }

  /** The host and its shadow root, created on first use; on the page only when given an anchor. */
  private ensureHost(anchor?: VirtualAnchor): ShadowRoot {
    if (this.shadow && this.host) {
      if (anchor) this.attach(anchor);
      return this.shadow;
    }
    const host = document.createElement(CARD_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cardCss);
    this.setPlacement(null);
    shadow.adoptedStyleSheets = [sheet, this.placementSheet];
    // The top layer, above the page's dialogs and overlays, where the browser has it.
    if (typeof host.showPopover === 'function') host.popover = 'manual';
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
      } else if (event.key === 'Tab' && this.tabLeavesCard(event.shiftKey)) {
        // The card is the last thing in the document: Tab would leave the
        // page for the browser's toolbar. Back to where the reader was instead.
        event.preventDefault();
        this.events.onTabOut?.();
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
    this.host = host;
    this.shadow = shadow;
    if (anchor) this.attach(anchor);
    return shadow;
  }

  private attach(anchor: VirtualAnchor): void {
    const host = this.host!;
    // In the top layer wherever it goes, so the container never clips it.
    const container = containerFor(anchor.contextElement);
    if (host.parentNode !== container) {
      if (inTopLayer(host) && host.matches(':popover-open')) host.hidePopover();
      container.append(host);
    }
    if (inTopLayer(host) && !host.matches(':popover-open')) host.showPopover();
  }

  /**
   * Where the card is and how tall it may be; hidden until first placed.
   * Only numbers go into the sheet.
   */
  private setPlacement(at: Partial<Placement> | null): void {
    this.at = at ? { ...this.at, ...at } : { ...UNPLACED };
    const { x, y, room, visible } = this.at;
    this.placementSheet.replaceSync(
      `:host { transform: translate(${x}px, ${y}px) !important; visibility: ${visible ? 'visible' : 'hidden'} !important; }
       .card { max-height: min(520px, ${room === null ? '70vh' : `${room}px`}); }`,
    );
  }

  /**
   * Puts the open card back on top when something of the page covers its
   * head (a popover or modal dialog the page opened into the top layer after
   * it). Returns whether it had to. Called on each placement and by the
   * page session's guard.
   */
  ensureOnTop(): boolean {
    const host = this.host;
    if (!host || !this.isOpen || !this.at.visible || !inTopLayer(host)) return false;
    const box = host.getBoundingClientRect();
    const hit = document.elementFromPoint(
      box.x + box.width / 2,
      box.y + Math.min(24, box.height / 2),
    );
    if (!hit || hit === host) return false;
    host.hidePopover();
    host.showPopover();
    return true;
  }

  /**
   * Renders a card ahead of time into the detached host, while the pointer is
   * still dwelling: showing it then only attaches and places it. The page
   * never sees a prepared card.
   */
  prepare(props: BriefingCardProps): void {
    if (this.isOpen) return;
    render(<BriefingCard {...props} />, this.ensureHost());
  }

  get isOpen(): boolean {
    return !!this.host?.isConnected;
  }

  /**
   * Renders the card and keeps it placed beside `anchor`. The promise settles
   * once the card has its first position and is visible.
   */
  show(props: BriefingCardProps, anchor: VirtualAnchor): Promise<void> {
    const shadow = this.ensureHost(anchor);
    render(<BriefingCard {...props} />, shadow);
    const host = this.host!;
    // Hidden until placed: never a frame of the card in the corner of the page.
    if (!this.stopAutoUpdate) this.setPlacement(null);
    this.stopAutoUpdate?.();
    let placed: () => void = () => undefined;
    const firstPlacement = new Promise<void>((resolve) => (placed = resolve));
    const generation = ++this.generation;
    const update = () => {
      if (generation !== this.generation) return placed();
      const card = shadow.querySelector<HTMLElement>('.card');
      // The card's whole height, however little room it had last time.
      const natural = card ? card.scrollHeight + card.offsetHeight - card.clientHeight : 0;
      // The part of the page on screen: with pinch zoom, less than the layout viewport.
      const screen = visibleViewport();
      const name = anchor.getBoundingClientRect();
      const { placement, room } = choosePlacement(
        { top: name.top - screen.y, bottom: name.bottom - screen.y },
        screen.height,
        natural,
      );
      this.setPlacement({ room });
      const beside = placement.startsWith('right');
      void computePosition(anchor, host, {
        strategy: 'fixed',
        placement,
        middleware: [
          offset(GAP_PX),
          // Beside the name only as a last resort, on whichever side has room.
          ...(beside
            ? [flip({ padding: GAP_PX, rootBoundary: screen, fallbackPlacements: ['left-start'] })]
            : []),
          // Slide along the name's edge to stay on screen: never across it.
          shift({ padding: GAP_PX, rootBoundary: screen, crossAxis: false }),
          // A name scrolled out of its panel (or clipped away) takes its card with it.
          hide({ strategy: 'referenceHidden' }),
        ],
      }).then(({ x, y, placement: final, middlewareData }) => {
        if (generation !== this.generation) return placed();
        const nameShows = !middlewareData.hide?.referenceHidden;
        this.setPlacement({ x: Math.round(x), y: Math.round(y), visible: nameShows });
        this.ensureOnTop();
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
    };
    const stopFollowing = autoUpdate(anchor as unknown as Element, host, update, {
      ancestorScroll: true,
      elementResize: true,
      layoutShift: false,
      animationFrame: false,
    });
    // Pinch zoom moves and resizes the visual viewport without scrolling anything.
    const zoom = window.visualViewport;
    zoom?.addEventListener('scroll', update);
    zoom?.addEventListener('resize', update);
    this.stopAutoUpdate = () => {
      stopFollowing();
      zoom?.removeEventListener('scroll', update);
      zoom?.removeEventListener('resize', update);
    };
    return firstPlacement;
  }

  /** Re-renders the open card with new props (a briefing arrived, pin toggled). */
  update(props: BriefingCardProps): void {
    if (this.shadow) render(<BriefingCard {...props} />, this.shadow);
  }

  /** The open card's text, for the diagnostics channel. */
  get text(): string | null {
    return this.isOpen ? (this.shadow?.textContent ?? null) : null;
  }

  /** Whether the open card is placed and done appearing. */
  get settled(): boolean {
    return (
      this.isOpen &&
      this.placed !== null &&
      !!this.shadow?.getAnimations().every((a) => a.playState === 'finished')
    );
  }

  /** Whether Tab (or Shift+Tab) from the focused element goes past the card's controls. */
  private tabLeavesCard(backwards: boolean): boolean {
    const controls = [...(this.shadow?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const focused = this.shadow?.activeElement ?? null;
    if (!controls.length) return true;
    if (backwards) return focused === controls[0] || !controls.includes(focused as HTMLElement);
    return focused === controls.at(-1);
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
    if (this.shadow) render(null, this.shadow);
    if (inTopLayer(this.host) && this.host.matches(':popover-open')) this.host.hidePopover();
    // Out of the page while closed: its DOM is then exactly the owner's.
    this.host.remove();
  }

  dispose(): void {
    this.hide();
    this.host = null;
    this.shadow = null;
  }
}
