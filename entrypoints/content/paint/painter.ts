/**
 * Draws mentions with the CSS Custom Highlight API: ranges are registered by
 * neutral names in `CSS.highlights` and coloured by the background's
 * user-origin sheet (core/highlight-css.ts). Not one node of the page is
 * added or changed.
 *
 * Nothing is registered until the first range is drawn: a paused site or a
 * page that names nobody holds no entry of ours. The registry belongs to the
 * page, which can delete, replace or empty our entries; `guard` puts them
 * back from our own copy of what is drawn.
 *
 * Browsers without the API (Firefox before 140, older Safari) get no
 * highlights; the popup still lists what the page mentions.
 */
import type { EntityKind } from '../../../core/pack/types';
import type { HighlightStyle } from '../../../core/settings';
import {
  FOCUS_HIGHLIGHT,
  HIGHLIGHT_GROUPS,
  highlightName,
  type HighlightGroup,
} from '../../../core/highlight-css';

export { FOCUS_HIGHLIGHT };

/** Kinds that share a colour. */
export const KIND_GROUP: Record<EntityKind, HighlightGroup> = {
  person: 'person',
  country: 'place',
  place: 'place',
  organisation: 'event',
  event: 'event',
  topic: 'topic',
};

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** One registry entry of ours, and what it should hold. */
interface Entry {
  name: string;
  highlight: Highlight;
  drawn: Set<AbstractRange>;
}

export class Painter {
  private readonly groups = new Map<HighlightGroup, Entry>();
  private readonly focusEntry: Entry | null = null;
  private registered = false;
  private style: HighlightStyle;

  /**
   * `applyStyle` colours the names (the background's user sheet) once
   * drawing starts and on each change, and takes the colours away (null)
   * when the painter goes.
   */
  constructor(
    style: HighlightStyle,
    private readonly applyStyle: (style: HighlightStyle | null) => void = () => undefined,
  ) {
    this.style = style;
    if (!highlightApiAvailable()) return;
    const entry = (name: string, priority: number): Entry => {
      const highlight = new Highlight();
      highlight.priority = priority;
      return { name, highlight, drawn: new Set() };
    };
    // Above the page's own highlights, if it has any; the focus above ours.
    for (const group of HIGHLIGHT_GROUPS) this.groups.set(group, entry(highlightName(group), 1));
    this.focusEntry = entry(FOCUS_HIGHLIGHT, 2);
  }

  private get entries(): Entry[] {
    return this.focusEntry ? [...this.groups.values(), this.focusEntry] : [];
  }

  /** Registers our entries on first use: until then the page's registry holds nothing of ours. */
  private ensureRegistered(): void {
    if (this.registered || !this.focusEntry) return;
    this.registered = true;
    this.applyStyle(this.style);
    for (const { name, highlight } of this.entries) CSS.highlights.set(name, highlight);
  }

  /**
   * Puts back what the page took away: an entry deleted or replaced (or the
   * registry cleared), ranges deleted from ours or added to it. Returns
   * whether anything had to be repaired.
   */
  guard(): boolean {
    if (!this.registered) return false;
    let repaired = false;
    for (const { name, highlight, drawn } of this.entries) {
      if (CSS.highlights.get(name) !== highlight) {
        CSS.highlights.set(name, highlight);
        repaired = true;
      }
      if (highlight.size !== drawn.size || highlight.priority < 1) {
        highlight.clear();
        for (const range of drawn) highlight.add(range);
        highlight.priority = name === FOCUS_HIGHLIGHT ? 2 : 1;
        repaired = true;
      }
    }
    return repaired;
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    this.style = style;
    if (this.registered) this.applyStyle(style);
  }

  add(kind: EntityKind, range: AbstractRange): void {
    const entry = this.groups.get(KIND_GROUP[kind]);
    if (!entry) return;
    this.ensureRegistered();
    entry.drawn.add(range);
    entry.highlight.add(range);
  }

  delete(kind: EntityKind, range: AbstractRange): void {
    const entry = this.groups.get(KIND_GROUP[kind]);
    entry?.drawn.delete(range);
    entry?.highlight.delete(range);
  }

  clear(): void {
    for (const { highlight, drawn } of this.groups.values()) {
      highlight.clear();
      drawn.clear();
    }
  }

  setFocus(range: AbstractRange | null): void {
    const focus = this.focusEntry;
    if (!focus) return;
    focus.highlight.clear();
    focus.drawn.clear();
    if (!range) return;
    this.ensureRegistered();
    focus.drawn.add(range);
    focus.highlight.add(range);
  }

  /** Takes our entries and colours off the page; drawing again puts them back. */
  dispose(): void {
    if (!this.registered) return;
    this.registered = false;
    for (const { name, highlight } of this.entries)
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    this.applyStyle(null);
  }
}
