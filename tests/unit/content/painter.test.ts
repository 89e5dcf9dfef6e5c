import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityKind } from '../../../core/pack/types';
import {
  FOCUS_HIGHLIGHT,
  highlightApiAvailable,
  KIND_GROUP,
  Painter,
} from '../../../entrypoints/content/paint/painter';
import { installHighlights, type FakeHighlight } from './helpers';

// The painter only hands ranges to the registry; it never reads them, so tokens do.
const range = (name: string) => ({ name }) as unknown as AbstractRange;
const names = (registry: Map<string, FakeHighlight>) => [...registry.keys()].sort();

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Painter with the Custom Highlight API', () => {
  let registry: Map<string, FakeHighlight>;
  beforeEach(() => {
    registry = installHighlights();
  });

  it('registers one highlight per colour group, and one for the focus above them', () => {
    new Painter('underline');
    expect(names(registry)).toEqual([
      FOCUS_HIGHLIGHT,
      'briefing-lens-underline-event',
      'briefing-lens-underline-person',
      'briefing-lens-underline-place',
      'briefing-lens-underline-topic',
    ]);
    // Above the page's own highlights, and the focus above ours.
    expect(registry.get('briefing-lens-underline-person')!.priority).toBe(1);
    expect(registry.get(FOCUS_HIGHLIGHT)!.priority).toBe(2);
  });

  it.each(Object.entries(KIND_GROUP) as Array<[EntityKind, string]>)(
    'draws a %s in the "%s" colour',
    (kind, group) => {
      const painter = new Painter('background');
      const r = range(kind);
      painter.add(kind, r);
      for (const [name, highlight] of registry)
        expect(highlight.has(r), name).toBe(name === `briefing-lens-background-${group}`);
    },
  );

  it('deletes one range and clears all, leaving the keyboard focus alone', () => {
    const painter = new Painter('underline');
    const [a, b, c] = [range('a'), range('b'), range('c')];
    painter.add('person', a);
    painter.add('person', b);
    painter.add('place', c);
    painter.setFocus(a);
    painter.delete('person', a);
    expect([...registry.get('briefing-lens-underline-person')!]).toEqual([b]);
    painter.clear();
    expect(registry.get('briefing-lens-underline-person')!.size).toBe(0);
    expect(registry.get('briefing-lens-underline-place')!.size).toBe(0);
    expect([...registry.get(FOCUS_HIGHLIGHT)!]).toEqual([a]);
  });

  it('keeps one focused range at a time, and none after null', () => {
    const painter = new Painter('underline');
    const [a, b] = [range('a'), range('b')];
    painter.setFocus(a);
    painter.setFocus(b);
    expect([...registry.get(FOCUS_HIGHLIGHT)!]).toEqual([b]);
    expect(registry.get(FOCUS_HIGHLIGHT)!.has(a)).toBe(false);
    painter.setFocus(null);
    expect(registry.get(FOCUS_HIGHLIGHT)!.size).toBe(0);
  });

  it('moves its highlights, ranges and all, to the names of a new style', () => {
    const painter = new Painter('underline');
    const r = range('wang-yi');
    painter.add('person', r);
    const person = registry.get('briefing-lens-underline-person');
    painter.setStyle('subtle');
    expect(names(registry)).toEqual([
      FOCUS_HIGHLIGHT,
      'briefing-lens-subtle-event',
      'briefing-lens-subtle-person',
      'briefing-lens-subtle-place',
      'briefing-lens-subtle-topic',
    ]);
    // The same highlight object: nothing has to be drawn again.
    expect(registry.get('briefing-lens-subtle-person')).toBe(person);
    expect(person!.has(r)).toBe(true);
  });

  it('changes nothing when the style is the same', () => {
    const painter = new Painter('underline');
    const before = new Map(registry);
    painter.setStyle('underline');
    expect(registry).toEqual(before);
  });

  it('unregisters everything on dispose', () => {
    const painter = new Painter('background');
    painter.add('person', range('x'));
    painter.dispose();
    expect(registry.size).toBe(0);
  });

  it('leaves highlights it did not register alone', () => {
    const theirs = new (globalThis as unknown as { Highlight: typeof FakeHighlight }).Highlight();
    registry.set('page-search', theirs);
    new Painter('underline').dispose();
    expect(names(registry)).toEqual(['page-search']);
  });
});

describe('Painter without the Custom Highlight API', () => {
  it.each([
    ['no CSS at all', () => vi.stubGlobal('CSS', undefined)],
    ['CSS without highlights', () => vi.stubGlobal('CSS', { supports: () => true })],
    [
      'a registry but no Highlight constructor',
      () => {
        vi.stubGlobal('CSS', { highlights: new Map() });
        vi.stubGlobal('Highlight', undefined);
      },
    ],
  ])('does nothing, and never throws, with %s', (_, install) => {
    install();
    expect(highlightApiAvailable()).toBe(false);
    const painter = new Painter('underline');
    expect(() => {
      painter.add('person', range('x'));
      painter.delete('person', range('x'));
      painter.setFocus(range('x'));
      painter.setFocus(null);
      painter.clear();
      painter.setStyle('background');
      painter.dispose();
    }).not.toThrow();
  });
});
