/**
 * Which mentions are drawn, as a pure function of the settings: nothing on a
 * paused site or with density "none", every visible mention with "all", and
 * the first visible mention of each entity (in document order) with "first".
 * "Visible" is the entity's kind and topics switched on (core/settings), and
 * the mention's text rendered: hidden text is never drawn.
 */
import type { Density } from '../../../core/settings';

export interface PaintRule {
  /** false on a paused site, or when everything is paused */
  active: boolean;
  density: Density;
  /** whether the entity's kind and topics are switched on */
  isVisible(entityId: string): boolean;
  /** whether the mention's text is rendered (paint/rendered.ts); all are when absent */
  isRendered?(mention: { entityId: string }): boolean;
}

/** The mentions drawn under `rule`, of `inDocumentOrder` (which must be in document order). */
export function paintedOf<M extends { entityId: string }>(
  inDocumentOrder: readonly M[],
  rule: PaintRule,
): M[] {
  if (!rule.active || rule.density === 'none') return [];
  const visible = inDocumentOrder.filter(
    (m) => rule.isVisible(m.entityId) && (rule.isRendered?.(m) ?? true),
  );
  if (rule.density === 'all') return visible;
  const seen = new Set<string>();
  return visible.filter((m) => !seen.has(m.entityId) && seen.add(m.entityId));
}

/**
 * Whether newly found mentions can be drawn one by one as they come ("all"),
 * or the drawn set must be recomputed ("first": a mention found later may
 * come earlier in the document), or nothing is drawn at all.
 */
export function paintMode(rule: PaintRule): 'none' | 'each' | 'recompute' {
  if (!rule.active || rule.density === 'none') return 'none';
  return rule.density === 'all' ? 'each' : 'recompute';
}
