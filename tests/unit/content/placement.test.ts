import { describe, expect, it } from 'vitest';
import {
  CARD_MAX_HEIGHT_PX,
  CARD_MIN_HEIGHT_PX,
  choosePlacement,
  GAP_PX,
} from '../../../entrypoints/content/card/placement';

// Room on a side is the viewport beyond the name, less a gap at both ends.
const below = (bottom: number, viewport: number) => viewport - bottom - 2 * GAP_PX;
const above = (top: number) => top - 2 * GAP_PX;

describe('choosePlacement', () => {
  it.each([
    // [case, name top, name bottom, viewport height, card height, placement, room]
    ['below when the whole card fits there', 100, 120, 800, 400, 'bottom-start', below(120, 800)],
    ['above when it fits only there', 700, 720, 800, 400, 'top-start', above(700)],
    ['below, exactly filling the room', 100, 120, 536, 400, 'bottom-start', 400],
    ['above when below is one pixel short', 500, 520, 935, 400, 'top-start', above(500)],
    [
      'as if at its tallest when its content is taller (it scrolls inside)',
      100,
      120,
      120 + CARD_MAX_HEIGHT_PX + 2 * GAP_PX,
      5000,
      'bottom-start',
      CARD_MAX_HEIGHT_PX,
    ],
    [
      'shrunk below, on the taller side, when neither fits',
      250,
      270,
      600,
      520,
      'bottom-start',
      below(270, 600),
    ],
    [
      'shrunk above, on the taller side, when neither fits',
      330,
      350,
      600,
      520,
      'top-start',
      above(330),
    ],
    ['below on a tie when neither fits', 290, 310, 600, 520, 'bottom-start', below(310, 600)],
    [
      'beside the name when both sides are too short',
      140,
      160,
      300,
      300,
      'right-start',
      300 - 2 * GAP_PX,
    ],
    [
      'whole pixels of room only',
      100.6,
      120.4,
      800,
      400,
      'bottom-start',
      Math.floor(below(120.4, 800)),
    ],
  ])('%s', (_, top, bottom, viewport, card, placement, room) => {
    expect(choosePlacement({ top, bottom }, viewport, card)).toEqual({ placement, room });
  });

  it('goes beside the name only when each side has less than the minimum height', () => {
    // One pixel either side of the threshold, with the name in the middle.
    const centred = (viewport: number) => ({ top: viewport / 2 - 10, bottom: viewport / 2 + 10 });
    const enough = 2 * (CARD_MIN_HEIGHT_PX + 2 * GAP_PX) + 20;
    expect(choosePlacement(centred(enough), enough, CARD_MAX_HEIGHT_PX)).toEqual({
      placement: 'bottom-start',
      room: CARD_MIN_HEIGHT_PX,
    });
    expect(choosePlacement(centred(enough - 2), enough - 2, CARD_MAX_HEIGHT_PX).placement).toBe(
      'right-start',
    );
  });

  it('never gives the card more room than lies between the name and the viewport’s edge', () => {
    // Any name, any viewport, any card: a card above or below keeps off the name.
    for (let viewport = 200; viewport <= 1200; viewport += 100)
      for (let top = 0; top < viewport; top += 37)
        for (const card of [50, 200, 400, 900]) {
          const bottom = Math.min(viewport, top + 24);
          const { placement, room } = choosePlacement({ top, bottom }, viewport, card);
          if (placement === 'bottom-start')
            expect(room).toBeLessThanOrEqual(below(bottom, viewport));
          if (placement === 'top-start') expect(room).toBeLessThanOrEqual(above(top));
          if (placement !== 'right-start')
            expect(room).toBeGreaterThanOrEqual(Math.min(card, CARD_MIN_HEIGHT_PX));
        }
  });
});
