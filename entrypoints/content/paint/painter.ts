/**
 * Draws mentions with the CSS Custom Highlight API: ranges are registered by
 * name in `CSS.highlights` and coloured by `::highlight()` rules in style.css.
 * Not one node of the page is added or changed.
 *
 * Browsers without the API (Firefox before 140, older Safari) get no
 * highlights; the popup still lists what the page mentions.
 */
import type { EntityKind } from '../../../core/pack/types';
import type { HighlightStyle } from '../../../core/settings';

/** Kinds that share a colour. */
export const KIND_GROUP: Record<EntityKind, string> = {
  person: 'person',
  country: 'place',
  place: 'place',
  organisation: 'event',
  event: 'event',
  topic: 'topic',
};
const GROUPS = ['person', 'place', 'event', 'topic'] as const;

export const FOCUS_HIGHLIGHT = 'briefing-lens-focus';

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class Painter {
  private readonly groups = new Map<string, Highlight>();
  private readonly focus: Highlight | null;
  private style: HighlightStyle;

  constructor(style: HighlightStyle) {
    this.style = style;
    this.focus = highlightApiAvailable() ? new Highlight() : null;
    if (!highlightApiAvailable()) return;
    for (const group of GROUPS) {
      const highlight = new Highlight();
      // Above the page's own highlights, if it has any.
      highlight.priority = 1;
      this.groups.set(group, highlight);
    }
    this.focus!.priority = 2;
    this.register();
  }

  private nameOf(group: string, style = this.style): string {
    return `briefing-lens-${style}-${group}`;
  }

  private register(): void {
    for (const [group, highlight] of this.groups) CSS.highlights.set(this.nameOf(group), highlight);
    if (this.focus) CSS.highlights.set(FOCUS_HIGHLIGHT, this.focus);
  }

  private unregister(style = this.style): void {
    for (const group of this.groups.keys()) CSS.highlights.delete(this.nameOf(group, style));
    CSS.highlights.delete(FOCUS_HIGHLIGHT);
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.style || !highlightApiAvailable()) return;
    this.unregister();
    this.style = style;
    this.register();
  }

  add(kind: EntityKind, range: AbstractRange): void {
    this.groups.get(KIND_GROUP[kind])?.add(range);
  }

  delete(kind: EntityKind, range: AbstractRange): void {
    this.groups.get(KIND_GROUP[kind])?.delete(range);
  }

  clear(): void {
    for (const highlight of this.groups.values()) highlight.clear();
  }

  setFocus(range: AbstractRange | null): void {
    this.focus?.clear();
    if (range) this.focus?.add(range);
  }

  dispose(): void {
    if (!highlightApiAvailable()) return;
    this.unregister();
  }
}
