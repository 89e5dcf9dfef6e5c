/**
 * The content script's life on one page: fetch the matcher data once, scan,
 * paint, keep up with changes, follow the settings live, answer the popup, and
 * tear everything down through one AbortSignal.
 */
import { matcherFromCompiled } from '../../core/recognition';
import { isEntityVisible, isSitePaused, type Settings } from '../../core/settings';
import { browser } from '../../lib/browser';
import { backgroundClient, createMessageListener, type Handlers } from '../../lib/messaging';
import {
  DATA_VERSION_KEY,
  type MatcherData,
  type PageEntity,
  type ToContent,
} from '../../lib/messaging/protocol';
import { loadSettings, watchSettings } from '../../lib/settings-store';
import { t, uiLanguage } from '../../lib/i18n';
import { MentionIndex, type PageMention } from './mention-index';
import { Painter } from './painter';
import { Scanner } from './scanner';
import { CardController } from './card-controller';
import { mentionAtPoint } from './pointer';
import { blockRootOf, isInsideSkipped, isSkippedElement } from './text-blocks';
import { watchMutations } from './mutations';

/** How long "show on page" keeps a mention lit. */
const REVEAL_FLASH_MS = 1600;

/**
 * Starts a session on the page, and a fresh one whenever the installed packs
 * change (an import or removal in the options page), so open pages follow
 * without a reload.
 */
export async function startPage(signal: AbortSignal): Promise<void> {
  let session: AbortController | null = null;
  const run = async () => {
    session?.abort();
    const current = (session = new AbortController());
    signal.addEventListener('abort', () => current.abort(), { once: true });
    const [settings, data] = await Promise.all([
      loadSettings(),
      backgroundClient.send('getMatcherData', undefined),
    ]);
    if (!current.signal.aborted) new PageSession(settings, data, current.signal);
  };
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && DATA_VERSION_KEY in changes) void run().catch(() => undefined);
  };
  browser.storage.onChanged.addListener(onStorage);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage));
  await run();
}

class PageSession {
  private readonly entities: Map<string, PageEntity>;
  private readonly index = new MentionIndex();
  private readonly painter: Painter;
  private readonly scanner: Scanner;
  private readonly card: CardController;
  private focused: PageMention | null = null;
  private started = false;
  private hostname = location.hostname;

  constructor(
    private settings: Settings,
    data: MatcherData,
    private readonly signal: AbortSignal,
  ) {
    this.entities = new Map(data.entities.map((e) => [e.id, e]));
    this.painter = new Painter(settings.highlightStyle);
    this.card = new CardController({
      client: backgroundClient,
      showDelayMs: () => this.settings.hoverDelayMs,
      t,
      uiLanguage: uiLanguage(),
      onEscape: () => this.focus(null),
    });
    const setupStart = performance.now();
    // Compiled by the background, with the pre-check that lets cold code
    // skip the blocks that name nobody.
    const matcher = matcherFromCompiled(data.matcher);
    // What setting up the matcher costs the page, beside the scan (bench:page reports it).
    performance.measure('briefing-lens:compile', {
      start: setupStart,
      detail: { entities: data.entities.length },
    });
    this.scanner = new Scanner({
      matcher,
      ownHost: () => this.card.host.element,
      onMentions: (mentions) => this.addMentions(mentions),
      signal,
    });
    signal.addEventListener('abort', () => {
      this.painter.dispose();
      this.card.dispose();
    });

    watchSettings((next) => this.applySettings(next), signal);
    const onMessage = createMessageListener<ToContent>(this.handlers()) as never;
    browser.runtime.onMessage.addListener(onMessage);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
    this.listenToPointer();
    this.listenToKeys();
    watchMutations({
      signal,
      isOwn: (node) => node === this.card.host.element || !!this.card.host.element?.contains(node),
      onChanged: (roots, removed) => this.rescan(roots, removed),
      onNavigated: () => this.restart(),
    });
    if (this.active) this.start();
  }

  private get active(): boolean {
    return !isSitePaused(this.settings, this.hostname);
  }

  private start(): void {
    this.started = true;
    this.scanner.enqueueDocument(document);
  }

  /** An SPA moved to another page: what the old page said no longer counts. */
  private restart(): void {
    this.hostname = location.hostname;
    this.card.close();
    this.index.removeWhere(() => true);
    this.painter.clear();
    this.scanner.resetDocumentState();
    if (this.active) this.start();
  }

  private isVisible(mention: PageMention): boolean {
    const entity = this.entities.get(mention.entityId);
    return !!entity && isEntityVisible(this.settings, entity);
  }

  private addMentions(mentions: PageMention[]): void {
    const added = mentions.filter((m) => this.index.add(m));
    if (!this.active || this.settings.density === 'none') return;
    if (this.settings.density === 'first') {
      this.scheduleRepaint();
      return;
    }
    for (const mention of added)
      if (this.isVisible(mention))
        this.painter.add(this.entities.get(mention.entityId)!.kind, mention.range);
  }

  /** The mentions that are drawn under the current settings, in document order. */
  private paintedMentions(): PageMention[] {
    if (!this.active || this.settings.density === 'none') return [];
    const visible = this.index.inDocumentOrder().filter((m) => this.isVisible(m));
    if (this.settings.density === 'all') return visible;
    const seen = new Set<string>();
    return visible.filter((m) => !seen.has(m.entityId) && seen.add(m.entityId));
  }

  private repaintFrame = 0;

  /** Which mention comes first can change with every slice or removal: one repaint a frame. */
  private scheduleRepaint(): void {
    this.repaintFrame ||= requestAnimationFrame(() => {
      this.repaintFrame = 0;
      if (!this.signal.aborted) this.repaint();
    });
  }
  /** The first mentions drawn by the last repaint (density "first"), for hit tests. */
  private firstPainted = new Set<PageMention>();

  private repaint(): void {
    this.painter.clear();
    const painted = this.paintedMentions();
    for (const mention of painted)
      this.painter.add(this.entities.get(mention.entityId)!.kind, mention.range);
    this.firstPainted = this.settings.density === 'first' ? new Set(painted) : new Set();
  }

  private applySettings(next: Settings): void {
    const wasActive = this.active;
    this.settings = next;
    this.painter.setStyle(next.highlightStyle);
    if (!this.active) {
      this.card.close();
      this.focus(null);
    }
    if (this.active && !wasActive && !this.started) this.start();
    this.repaint();
  }

  /** Takes mentions of text that changed or went away off the page. */
  private forget(mentions: PageMention[]): void {
    for (const mention of mentions) {
      const entity = this.entities.get(mention.entityId);
      if (entity) this.painter.delete(entity.kind, mention.range);
      if (mention === this.focused) this.focus(null);
    }
    // The next mention of an entity may now be its first.
    if (mentions.length && this.settings.density === 'first') this.scheduleRepaint();
  }

  private rescan(roots: Node[], removedSome: boolean): void {
    if (removedSome) this.forget(this.index.removeWhere((node) => !node.isConnected));
    if (!this.started) return;
    for (const root of roots) {
      const block =
        root.nodeType === 1 && !isSkippedElement(root as Element) ? root : blockRootOf(root);
      if (!block.isConnected || isInsideSkipped(block, this.card.host.element)) continue;
      this.forget(this.index.removeWhere((node) => block.contains(node)));
      this.scanner.enqueue(block);
    }
  }

  private listenToPointer(): void {
    let frame = 0;
    let last: PointerEvent | null = null;
    const onMove = (event: PointerEvent) => {
      last = event;
      if (frame || !this.active || event.pointerType === 'touch') return;
      // One hit test per frame, however fast the pointer moves.
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!last || this.signal.aborted) return;
        const onCard = this.card.host.element?.contains(last.target as Node);
        if (onCard) return;
        const mention = mentionAtPoint(this.index, last.clientX, last.clientY);
        this.card.pointerOver(mention && this.isPainted(mention) ? mention : undefined);
      });
    };
    window.addEventListener('pointermove', onMove, { passive: true, signal: this.signal });
    document.addEventListener('pointerleave', () => this.card.pointerOver(undefined), {
      signal: this.signal,
    });
  }

  private isPainted(mention: PageMention): boolean {
    if (!this.active) return false;
    if (this.settings.density === 'all') return this.isVisible(mention);
    return this.firstPainted.has(mention);
  }

  private listenToKeys(): void {
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && (this.card.isOpen || this.focused)) {
          this.card.close();
          this.focus(null);
          return;
        }
        if (event.key !== 'Enter' || !this.focused || event.defaultPrevented) return;
        const target = event.target as Element | null;
        if (target && target !== document.body && target !== document.documentElement) return;
        event.preventDefault();
        this.card.openNow(this.focused, true);
      },
      { signal: this.signal },
    );
  }

  private focus(mention: PageMention | null): void {
    this.focused = mention;
    this.painter.setFocus(mention?.range ?? null);
    if (!mention) return;
    const element = mention.range.startContainer.parentElement;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  }

  private handlers(): Handlers<ToContent> {
    return {
      getPageMentions: () => {
        const counts = new Map<string, number>();
        for (const m of this.index.values())
          counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
        return {
          hostname: this.hostname,
          active: this.active,
          entities: [...counts]
            .map(([id, count]) => ({ id, count }))
            .sort((a, b) => b.count - a.count),
        };
      },
      revealMention: ({ entityId }) => {
        const first = this.paintedMentions().find((m) => m.entityId === entityId);
        if (!first) return false;
        this.focus(first);
        setTimeout(() => {
          if (this.focused === first) this.focus(null);
        }, REVEAL_FLASH_MS);
        return true;
      },
      focusNextMention: ({ backwards }) => {
        const painted = this.paintedMentions();
        if (!painted.length) return false;
        const at = this.focused ? painted.indexOf(this.focused) : -1;
        const next = backwards
          ? painted[(at - 1 + painted.length) % painted.length]
          : painted[(at + 1) % painted.length];
        this.focus(next ?? null);
        return true;
      },
    };
  }
}
