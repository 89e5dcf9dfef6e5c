/**
 * Where the card goes beside a name, as a pure function of the name's box,
 * the viewport and the card's natural height (card-host.tsx applies it with
 * Floating UI).
 */
import type { Placement } from '@floating-ui/dom';

/** Space between the name and the card, and the card and the viewport's edge. */
export const GAP_PX = 8;
/** The card's width (briefing-card.css gives `.card` this width). */
export const CARD_WIDTH_PX = 360;
/** The card's tallest height (briefing-card.css caps `.card` at this too). */
export const CARD_MAX_HEIGHT_PX = 520;
/**
 * Below or above the name the card may shrink (it scrolls inside) down to
 * this height; with less room on both sides it goes beside the name instead.
 */
export const CARD_MIN_HEIGHT_PX = 160;

export interface Choice {
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
