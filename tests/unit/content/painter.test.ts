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

  it('registers nothing, and asks for no colours, until something is drawn', () => {
    const applyStyle = vi.fn();
    const painter = new Painter('underline', applyStyle);
    painter.setFocus(null);
    painter.clear();
    expect(registry.size).toBe(0);
    expect(applyStyle).not.toHaveBeenCalled();
  });

  it('registers one neutral name per colour group, and one for the focus above them, on first draw', () => {
    const applyStyle = vi.fn();
    new Painter('background', applyStyle).add('person', range('a'));
    expect(names(registry)).toEqual([
      'briefing-lens-event',
      FOCUS_HIGHLIGHT,
      'briefing-lens-person',
      'briefing-lens-place',
      'briefing-lens-topic',
    ]);
    // The reader's style is in the colours the background inserts, not in the names.
    expect(applyStyle).toHaveBeenCalledExactlyOnceWith('background');
    // Above the page's own highlights, and the focus above ours.
    expect(registry.get('briefing-lens-person')!.priority).toBe(1);
    expect(registry.get(FOCUS_HIGHLIGHT)!.priority).toBe(2);
  });

  it.each(Object.entries(KIND_GROUP) as Array<[EntityKind, string]>)(
    'draws a %s in the "%s" colour',
    (kind, group) => {
      const painter = new Painter('background');
      const r = range(kind);
      painter.add(kind, r);
      for (const [name, highlight] of registry)
        expect(highlight.has(r), name).toBe(name === `briefing-lens-${group}`);
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
    expect([...registry.get('briefing-lens-person')!]).toEqual([b]);
    painter.clear();
    expect(registry.get('briefing-lens-person')!.size).toBe(0);
    expect(registry.get('briefing-lens-place')!.size).toBe(0);
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

  it('changes only the colours for a new style: names and ranges stay', () => {
    const applyStyle = vi.fn();
    const painter = new Painter('underline', applyStyle);
    const r = range('wang-yi');
    painter.add('person', r);
    const person = registry.get('briefing-lens-person');
    painter.setStyle('subtle');
    painter.setStyle('subtle');
    expect(applyStyle.mock.calls).toEqual([['underline'], ['subtle']]);
    expect(registry.get('briefing-lens-person')).toBe(person);
    expect(person!.has(r)).toBe(true);
  });

  it('puts back entries the page deleted, replaced or emptied, and ranges it took', () => {
    const painter = new Painter('underline');
    const [a, b] = [range('a'), range('b')];
    painter.add('person', a);
    painter.add('place', b);
    const person = registry.get('briefing-lens-person')!;
    expect(painter.guard()).toBe(false);
    registry.clear();
    registry.set(
      'briefing-lens-place',
      new (globalThis as unknown as { Highlight: typeof FakeHighlight }).Highlight(),
    );
    person.delete(a);
    expect(painter.guard()).toBe(true);
    expect(registry.get('briefing-lens-person')).toBe(person);
    expect([...person]).toEqual([a]);
    expect([...registry.get('briefing-lens-place')!]).toEqual([b]);
    person.add(range('planted'));
    person.priority = -5;
    expect(painter.guard()).toBe(true);
    expect([...person]).toEqual([a]);
    expect(person.priority).toBe(1);
  });

  it('unregisters everything and takes its colours away on dispose, and comes back on the next draw', () => {
    const applyStyle = vi.fn();
    const painter = new Painter('background', applyStyle);
    painter.add('person', range('x'));
    painter.dispose();
    expect(registry.size).toBe(0);
    expect(applyStyle).toHaveBeenLastCalledWith(null);
    expect(painter.guard()).toBe(false);
    painter.add('person', range('y'));
    expect(registry.size).toBe(5);
    expect(applyStyle).toHaveBeenLastCalledWith('background');
  });

  it('leaves highlights it did not register alone', () => {
    const theirs = new (globalThis as unknown as { Highlight: typeof FakeHighlight }).Highlight();
    registry.set('page-search', theirs);
    const painter = new Painter('underline');
    painter.add('person', range('x'));
    painter.dispose();
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
