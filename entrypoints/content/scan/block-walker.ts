/**
 * Collects the text of a page as *blocks*: the runs of text nodes that share
 * their nearest block-level ancestor, so that "Sanae <b>Takaichi</b>" is
 * matched as one string. Matching happens on that string (core/recognition);
 * offsets.ts maps string offsets back to DOM positions.
 */
import { blockOf, EDITABLE_SELECTOR, isInputByAttributes, SKIPPED_TAGS } from './skip-rules';

export interface TextBlock {
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in text */
  starts: number[];
  /**
   * The nodes' data in order, with one space between two of them where the
   * page has only white space or a <br> between them: the text as a reader
   * sees it, and offsets that map back exactly (offsets.ts).
   */
  text: string;
}

export interface CollectOptions {
  /** an element never to enter (the extension's own UI host) */
  ownHost?: Element | null;
  /** open shadow roots met on the way, to scan as roots of their own */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** subtrees already scanned in this pass (the visible part, scanned first) */
  done?: ReadonlySet<Node>;
}

/** Anything but white space (a native test: stops at the first letter). */
const CONTENT = /[^\s]/;
const SPACE_AT_END = /\s$/;
const SPACE_AT_START = /^\s/;

/**
 * An incremental walk over the blocks below `root`, so that the scanner can
 * stop between any two blocks when its time slice is spent.
 */
export class BlockWalker {
  private readonly walker: TreeWalker;
  /** The first text of the next block, met at the end of the last one. */
  private pending: Text | null = null;
  private pendingData = '';
  private pendingBlock: Node | null = null;
  private done = false;
  /**
   * The editable elements and textboxes below the root, found by one native
   * query, so that no element's attributes are read one by one; null when
   * there are none (most pages).
   */
  private readonly inputs: ReadonlySet<Element> | null;
  /** The parent of the last text node and its block: siblings share both. */
  private lastParent: Node | null = null;
  private lastBlock: Node | null = null;
  textNodes = 0;

  constructor(
    private readonly root: Node,
    private readonly options: CollectOptions = {},
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    // SHOW_ELEMENT | SHOW_TEXT without a filter callback: a JS callback per
    // node costs more than the skipping we do by hand below.
    this.walker = doc.createTreeWalker(root, 0x1 | 0x4);
    // The selector finds candidates; the attribute check decides (as it does
    // for mutated roots), so the two can never disagree.
    const inputs =
      'querySelectorAll' in root
        ? [...(root as ParentNode).querySelectorAll(EDITABLE_SELECTOR)].filter(isInputByAttributes)
        : [];
    this.inputs = inputs.length ? new Set(inputs) : null;
    // A root that is itself a shadow host (a viewport probe can land on one):
    // the walk below starts at its children, so its shadow root is met here.
    const shadow = (root as Element).shadowRoot;
    if (shadow && options.onShadowRoot) options.onShadowRoot(shadow);
  }

  /** Skips the subtree of the walker's current node. */
  private skipChildren(): Node | null {
    let node: Node | null = this.walker.currentNode;
    while (node && node !== this.root) {
      const sibling = this.walker.nextSibling();
      if (sibling) return sibling;
      node = this.walker.parentNode();
    }
    return null;
  }

  /**
   * The next block, or null at the end. This is the content script's hottest
   * code and it runs cold on every page, mostly in V8's interpreter, where
   * each step costs: one loop with the per-node tests written out (no helper
   * calls, no property chains), and each text's data read once.
   */
  next(): TextBlock | null {
    const walker = this.walker;
    const { ownHost, onShadowRoot } = this.options;
    const done = this.options.done?.size ? this.options.done : null;
    const inputs = this.inputs;
    let lastParent = this.lastParent;
    let lastBlock = this.lastBlock;
    let count = 0;
    let nodes: Text[] = [];
    let starts: number[] = [];
    let text = '';
    let block: Node | null = null;
    /** white space or a <br> since the block's last text */
    let gap = false;
    let name = '';
    if (this.pending) {
      nodes = [this.pending];
      starts = [0];
      text = this.pendingData;
      block = this.pendingBlock;
      this.pending = null;
    } else if (this.done) return null;
    let node = this.done ? null : walker.nextNode();
    while (node) {
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        const first = data.charCodeAt(0);
        // Has it anything but white space? Most text starts with a letter
        // (ASCII, or from hiragana on: CJK and Hangul), which settles it.
        if (
          (first > 32 && first < 127) ||
          (first > 0x3000 && first < 0xfeff) ||
          CONTENT.test(data)
        ) {
          count++;
          // Siblings share their block: look it up only when the parent changes.
          const parent = node.parentNode;
          if (parent !== lastParent) {
            lastParent = parent;
            lastBlock = blockOf(node, this.root);
          }
          if (block === null) block = lastBlock;
          else if (lastBlock !== block) {
            // The start of the next block: kept for the next call.
            this.pending = node as Text;
            this.pendingData = data;
            this.pendingBlock = lastBlock;
            break;
          }
          // White space or a line break between two texts of the block is
          // one space to a reader ("Por<!-- --> <span>Steven Lee Myers"):
          // a space that no node holds, which no mention starts or ends on.
          if (gap) {
            gap = false;
            if (nodes.length && !SPACE_AT_END.test(text) && !SPACE_AT_START.test(data)) text += ' ';
          }
          nodes.push(node as Text);
          starts.push(text.length);
          text += data;
        } else if (block !== null) gap = true;
        node = walker.nextNode();
      } else if (
        // `isSkippedElement`, with the editables already found, and the
        // subtrees already scanned in this pass.
        SKIPPED_TAGS.has((name = (node as Element).localName)) ||
        node === ownHost ||
        (inputs !== null && inputs.has(node as Element)) ||
        (done !== null && done.has(node))
      ) {
        node = this.skipChildren();
      } else {
        if (name === 'br' && block !== null) gap = true;
        const shadow = (node as Element).shadowRoot;
        if (shadow && onShadowRoot) onShadowRoot(shadow);
        node = walker.nextNode();
      }
    }
    if (!node) this.done = true;
    this.lastParent = lastParent;
    this.lastBlock = lastBlock;
    this.textNodes += count;
    return block === null ? null : { nodes, starts, text };
  }
}
