import { describe, expect, it } from 'vitest';
import type { Density } from '../../../core/settings';
import {
  paintedOf,
  paintMode,
  type PaintRule,
} from '../../../entrypoints/content/paint/paint-policy';

// Mentions in document order; "hidden" stands for an entity whose kind or topics are off.
const page = ['wang-yi', 'motegi', 'hidden', 'wang-yi', 'motegi', 'hidden', 'xi'].map(
  (entityId, at) => ({ entityId, at }),
);
const rule = (active: boolean, density: Density): PaintRule => ({
  active,
  density,
  isVisible: (id) => id !== 'hidden',
});

describe('paintedOf', () => {
  it.each([
    ['nothing on a paused site', false, 'all', []],
    ['nothing on a paused site, whatever the density', false, 'first', []],
    ['nothing with density "none"', true, 'none', []],
    ['every visible mention with "all"', true, 'all', [0, 1, 3, 4, 6]],
    ['the first visible mention of each entity with "first"', true, 'first', [0, 1, 6]],
  ] as const)('%s', (_, active, density, expected) => {
    expect(paintedOf(page, rule(active, density)).map((m) => m.at)).toEqual(expected);
  });

  it('takes the first visible mention, not the first mention, of an entity', () => {
    // The first "wang-yi" is hidden by a rule that looks at more than the id.
    const mentions = [
      { entityId: 'wang-yi', hidden: true },
      { entityId: 'wang-yi', hidden: false },
    ];
    const visible = new Set([mentions[1]]);
    let asked = 0;
    const painted = paintedOf(mentions, {
      active: true,
      density: 'first',
      isVisible: () => visible.has(mentions[asked++]!),
    });
    expect(painted).toEqual([mentions[1]]);
  });
});

describe('paintMode', () => {
  it.each([
    [false, 'all', 'none'],
    [false, 'first', 'none'],
    [true, 'none', 'none'],
    // Each new mention can be drawn as it comes…
    [true, 'all', 'each'],
    // …but a mention found later may come earlier in the document than the one drawn.
    [true, 'first', 'recompute'],
  ] as const)('active %s, density %s: %s', (active, density, mode) => {
    expect(paintMode(rule(active, density))).toBe(mode);
  });
});
