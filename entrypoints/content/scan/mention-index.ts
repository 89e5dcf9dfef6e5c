/**
 * Every mention found on the page, indexed by the text nodes it touches so that
 * hit-testing a pointer and dropping removed text are cheap.
 */
import type { DomSpan } from './offsets';

export interface PageMention extends DomSpan {
  entityId: string;
  /** the words as the page writes them ("다카이치") */
  text: string;
}

export class MentionIndex {
  private readonly byNode = new Map<Text, PageMention[]>();
  private readonly all = new Set<PageMention>();

  get size(): number {
    return this.all.size;
  }

  /** Adds a mention unless the same words are already indexed (a rescan of a scanned part). */
  add(mention: PageMention): boolean {
    const r = mention.range;
    const same = this.byNode
      .get(r.startContainer as Text)
      ?.some(
        (m) =>
          m.range.startOffset === r.startOffset &&
          m.range.endContainer === r.endContainer &&
          m.range.endOffset === r.endOffset,
      );
    if (same) return false;
    this.all.add(mention);
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(mention);
      else this.byNode.set(node, [mention]);
    }
    return true;
  }

  /** Removes every mention that touches a node for which `test` holds; returns them. */
  removeWhere(test: (node: Text) => boolean): PageMention[] {
    const removed = new Set<PageMention>();
    for (const [node, list] of this.byNode) if (test(node)) for (const m of list) removed.add(m);
    for (const mention of removed) this.remove(mention);
    return [...removed];
  }

  /** Removes one mention (the page decided it is none after all). */
  delete(mention: PageMention): void {
    if (this.all.has(mention)) this.remove(mention);
  }

  private remove(mention: PageMention): void {
    this.all.delete(mention);
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((m) => m !== mention);
      if (rest.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  /** The mention covering `offset` in `node`, if any. */
  at(node: Node, offset: number): PageMention | undefined {
    const list = this.byNode.get(node as Text);
    if (!list) return undefined;
    return list.find((m) => {
      const r = m.range;
      const afterStart = node !== r.startContainer || offset >= r.startOffset;
      const beforeEnd = node !== r.endContainer || offset < r.endOffset;
      return afterStart && beforeEnd;
    });
  }

  /** All mentions in document order. */
  inDocumentOrder(): PageMention[] {
    return [...this.all].sort((a, b) => compareMentions(a, b));
  }

  values(): IterableIterator<PageMention> {
    return this.all.values();
  }
}

export function compareMentions(a: PageMention, b: PageMention): number {
  const na = a.range.startContainer;
  const nb = b.range.startContainer;
  if (na === nb) return a.range.startOffset - b.range.startOffset;
  // DOCUMENT_POSITION_FOLLOWING = 4: b follows a
  return na.compareDocumentPosition(nb) & 4 ? -1 : 1;
}
