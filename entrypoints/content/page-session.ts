/**
 * The content script's life on one page, assembled from its parts: fetch the
 * matcher data once, scan (scan/), paint (paint/), keep up with changes,
 * follow the settings live, open cards (card/, input/), answer the extension
 * (page-handlers.ts), and tear everything down through one AbortSignal.
 */
import { matcherFromCompiled } from '../../core/recognition';
import { isEntityVisible, isSitePaused, type Settings } from '../../core/settings';
import { browser } from '../../lib/browser';
import { backgroundClient, createMessageListener, onPush, pushToPages } from '../../lib/messaging';
import type { MatcherData, PageEntity, ToContent } from '../../lib/messaging/protocol';
import { t, uiLanguage } from '../../lib/i18n';
import { displayName, kindKey } from '../../core/display';
import { MentionIndex, type PageMention } from './scan/mention-index';
import { Scanner, yieldToIdle } from './scan/scanner';
import { blockRootOf, isInsideSkipped, isSkippedElement } from './scan/skip-rules';
import { BATCH_DELAY_MS, watchMutations } from './scan/mutations';
import { Painter } from './paint/painter';
import { paintedOf, paintMode, type PaintRule } from './paint/paint-policy';
import { renderedInBatch } from './paint/rendered';
import { afterColoursLand } from './paint/colours-landing';
import { CardController } from './card/card-controller';
import { FrameCardHost, topCanShowOurCard } from './card/frame-card-host';
import { frameAnchor, frameElementFor } from './card/top-frame-cards';
import { mentionAtPoint } from './input/pointer';
import { listenToHover } from './input/hover';
import { listenToKeys } from './input/keyboard';
import { scrollMentionIntoView, whereOnScreen } from './input/on-screen';
import { Announcer } from './input/announcer';
import { countMentions, isForThisFrame, pageHandlers, type MentionPlace } from './page-handlers';
import { startFrameReport, type FrameReport } from './frame-report';
import { Diagnostics } from './diagnostics';
import { pageDate } from './page-date';
import { listenForPanels, type PanelLink } from './panel-link';

/**
 * Starts a session on the page, and a fresh one whenever the installed packs
 * change (an import or removal in the options page), so open pages follow
 * without a reload. Settings and pack changes come from the background
 * (content scripts may not read storage: background/storage-access.ts). The
 * diagnostics outlive sessions: a test sees every pass.
 */
export async function startPage(signal: AbortSignal): Promise<void> {
  const diagnostics = new Diagnostics();
  // Outlives sessions too: a panel's port stays open across a pack change.
  const panel = listenForPanels(signal);
  let session: PageSession | null = null;
  let ending: AbortController | null = null;
  /** the settings last heard of, which win over an answer asked for before them */
  let heard: Settings | null = null;
  const run = async () => {
    ending?.abort();
    const current = (ending = new AbortController());
    signal.addEventListener('abort', () => current.abort(), { once: true });
    const [settings, data] = await Promise.all([
      backgroundClient.send('getSettings', undefined),
      backgroundClient.send('getMatcherData', undefined),
    ]);
    if (current.signal.aborted) return;
    session = new PageSession(heard ?? settings, data, current.signal, diagnostics, panel);
  };
  const stops = [
    onPush('packsChanged', () => void run().catch(() => undefined)),
    onPush('settingsChanged', (settings) => {
      heard = settings;
      session?.applySettings(settings);
    }),
  ];
  signal.addEventListener('abort', () => stops.forEach((stop) => stop()));
  await run();
}

/** How often the highlights the page took away, and an open card it covered, are put back. */
export const GUARD_MS = 500;

class PageSession {
  private readonly entities: Map<string, PageEntity>;
  private readonly index = new MentionIndex();
  private readonly painter: Painter;
  /** made on first start: a paused site never builds the matcher */
  private scanner: Scanner | null = null;
  private readonly data: MatcherData;
  private readonly card: CardController;
  /** in a frame the top document can show cards for: the card's surface there */
  private frameCardHost: FrameCardHost | null = null;
  /** the page's own date (page-date.ts), once read; undefined until a card first opens */
  private pageDate: string | null | undefined = undefined;
  /** says which name the keyboard commands reached, for screen readers */
  private readonly announcer = new Announcer();
  private readonly frameReport: FrameReport;
  private focused: PageMention | null = null;
  private started = false;
  private hostname = location.hostname;
  /** the whole document is an editor (designMode): the reader's to type in, not ours to read */
  private editing = document.designMode === 'on';
  /** The mentions drawn by the last repaint (density "first"), for hit tests. */
  private firstPainted = new Set<PageMention>();
  private repaintFrame = 0;
  /** mentions that would be drawn but whose text is not rendered: looked at again when the page restyles */
  private readonly unrendered = new Set<PageMention>();
  private restyleTimer: ReturnType<typeof setTimeout> | undefined;
  /** the focused mention was reached with a command: Enter, Space and Esc act on it (input/keyboard.ts) */
  private keysOnFocused = false;
  /** the top frame told our pages it is scanned (pageReady), once a session */
  private announced = false;
  /** set while the highlights' colours are being applied: the scan waits (paint/colours-landing.ts) */
  private coloursLanding: Promise<void> | null = null;

  constructor(
    private settings: Settings,
    data: MatcherData,
    private readonly signal: AbortSignal,
    private readonly diagnostics: Diagnostics,
    private readonly panel: PanelLink,
  ) {
    this.data = data;
    this.entities = new Map(data.entities.map((e) => [e.id, e]));
    this.painter = new Painter(settings.highlightStyle, (style) => {
      const landing = afterColoursLand(backgroundClient.send('colourHighlights', { style }));
      this.coloursLanding = landing;
      void landing.then(() => {
        if (this.coloursLanding === landing) this.coloursLanding = null;
      });
    });
    // The registry is the page's: what it takes away comes back; and what it
    // lays over an open card goes under it again.
    const guard = setInterval(() => {
      this.painter.guard();
      this.card.host.ensureOnTop();
    }, GUARD_MS);
    signal.addEventListener('abort', () => clearInterval(guard));
    this.card = new CardController({
      client: backgroundClient,
      showDelayMs: () => this.settings.hoverDelayMs,
      t,
      uiLanguage: uiLanguage(),
      onEscape: () => this.focus(null),
      onTiming: (timing) => {
        diagnostics.addCardTiming(timing);
        if (timing.event === 'requested') panel.looking(timing.entityId);
      },
      // Read when the first card opens (the page may set its meta tags late), once a page.
      pageDate: () => (this.pageDate === undefined ? (this.pageDate = pageDate()) : this.pageDate),
      ...(topCanShowOurCard() && {
        createHost: (events) => (this.frameCardHost = new FrameCardHost(events, backgroundClient)),
      }),
    });
    diagnostics.entities = data.entities.length;
    this.frameReport = startFrameReport({
      signal,
      isTopFrame: window === window.top,
      counts: () => countMentions(this.index.values()),
      // A panel asks the background for a frame's names: tell it once they are there.
      send: (entities) =>
        backgroundClient.send('reportFrameMentions', { entities }).then(() => panel.changed()),
    });
    signal.addEventListener('abort', () => {
      cancelAnimationFrame(this.repaintFrame);
      clearTimeout(this.restyleTimer);
      this.painter.dispose();
      this.card.dispose();
      this.announcer.clear();
    });

    const onMessage = createMessageListener<ToContent>(this.handlers(), {
      accepts: isForThisFrame,
    }) as never;
    browser.runtime.onMessage.addListener(onMessage);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
    listenToHover({
      signal,
      isActive: () => this.active,
      isOnCard: (node) => !!this.card.host.element?.contains(node),
      mentionAt: (x, y) => {
        const mention = mentionAtPoint(this.index, x, y);
        return mention && this.isPainted(mention) ? mention : undefined;
      },
      pointerOver: (mention) => this.card.pointerOver(mention),
    });
    listenToKeys({
      signal,
      focused: () => (this.keysOnFocused ? this.focused : null),
      release: () => (this.keysOnFocused = false),
      isOnCard: (target) => !!target && target === this.card.host.element,
      isCardOpen: () => this.card.isOpen,
      closeCard: () => this.card.close(),
      clearFocus: () => this.focus(null),
      openCard: (mention) => this.card.openNow(mention, true),
    });
    watchMutations({
      signal,
      isOwn: (node) =>
        node === this.announcer.element ||
        node === this.card.host.element ||
        !!this.card.host.element?.contains(node),
      onChanged: (roots, removed) => this.rescan(roots, removed),
      onNavigated: () => this.restart(),
      onDesignMode: (on) => {
        this.editing = on;
        this.restart();
      },
      onRestyled: () => this.restyled(),
    });
    if (this.active) this.start();
    else this.announceToPanels();
  }

  /** The top frame, scanned (or paused): a side panel following the tab may connect now. */
  private announceToPanels(): void {
    if (this.announced || window !== window.top) return;
    this.announced = true;
    void pushToPages('pageReady', {});
  }

  /** The names found changed: the popup's frame counts and any side panel hear of it. */
  private mentionsChanged(): void {
    this.frameReport.changed();
    if (window === window.top) this.panel.changed();
  }

  private get active(): boolean {
    return !this.editing && !isSitePaused(this.settings, this.hostname);
  }

  /** The paint rule, its rendered check shared by the mentions of one batch. */
  private get paintRule(): PaintRule {
    const rendered = renderedInBatch();
    return {
      active: this.active,
      density: this.settings.density,
      isVisible: (id) => {
        const entity = this.entities.get(id);
        return !!entity && isEntityVisible(this.settings, entity);
      },
      isRendered: (mention) => rendered((mention as PageMention).range.startContainer),
    };
  }

  private start(): void {
    this.started = true;
    this.ensureScanner().enqueueDocument(document);
  }

  private ensureScanner(): Scanner {
    if (this.scanner) return this.scanner;
    const setupStart = performance.now();
    // Compiled by the background, with the pre-check that lets cold code
    // skip the blocks that name nobody.
    const matcher = matcherFromCompiled(this.data.matcher);
    this.diagnostics.setupMs = performance.now() - setupStart;
    return (this.scanner = new Scanner({
      matcher,
      ownHost: () => this.card.host.element,
      onMentions: (mentions) => this.addMentions(mentions),
      onForgotten: (mentions) => this.forget(mentions),
      onPassEnd: (detail) => {
        this.diagnostics.addPass(detail);
        this.announceToPanels();
      },
      signal: this.signal,
      yieldToPage: () => (this.coloursLanding ?? Promise.resolve()).then(yieldToIdle),
    }));
  }

  /** An SPA moved to another page: what the old page said no longer counts. */
  private restart(): void {
    this.hostname = location.hostname;
    this.pageDate = undefined;
    this.card.close();
    // The focused name belongs to the page that went.
    this.focus(null);
    this.index.removeWhere(() => true);
    this.unrendered.clear();
    this.mentionsChanged();
    this.painter.clear();
    this.scanner?.resetDocumentState();
    if (this.active) this.start();
  }

  private paint(mention: PageMention): void {
    this.painter.add(this.entities.get(mention.entityId)!.kind, mention.range);
  }

  private addMentions(mentions: PageMention[]): void {
    const added = mentions.filter((m) => this.index.add(m));
    if (added.length) this.mentionsChanged();
    const rule = this.paintRule;
    const mode = paintMode(rule);
    if (mode === 'recompute') this.scheduleRepaint();
    else if (mode === 'each') {
      // Every rendered check before the first range is drawn: drawing can
      // change the page's style (the first draw asks for the colours' sheet,
      // paint/colours-landing.ts), and a check after a change makes the
      // browser work the style out inside this slice.
      const toPaint = added.filter(
        (mention) =>
          rule.isVisible(mention.entityId) &&
          (rule.isRendered!(mention) || (this.unrendered.add(mention), false)),
      );
      for (const mention of toPaint) this.paint(mention);
    }
  }

  /** The page showed or hid something: hidden mentions that are now rendered are drawn. */
  private restyled(): void {
    if (!this.unrendered.size || this.restyleTimer !== undefined) return;
    this.restyleTimer = setTimeout(() => {
      this.restyleTimer = undefined;
      if (this.signal.aborted || !this.active) return;
      if (this.settings.density !== 'all') return this.scheduleRepaint();
      const rendered = renderedInBatch();
      // All checks first, then the drawing (see addMentions).
      const shown = [...this.unrendered].filter((m) => rendered(m.range.startContainer));
      for (const mention of shown) {
        this.unrendered.delete(mention);
        this.paint(mention);
      }
    }, BATCH_DELAY_MS);
  }

  /** The mentions that are drawn under the current settings, in document order. */
  private paintedMentions(): PageMention[] {
    return paintedOf(this.index.inDocumentOrder(), this.paintRule);
  }

  /** Which mention comes first can change with every slice or removal: one repaint a frame. */
  private scheduleRepaint(): void {
    this.repaintFrame ||= requestAnimationFrame(() => {
      this.repaintFrame = 0;
      if (!this.signal.aborted) this.repaint();
    });
  }

  private repaint(): void {
    this.unrendered.clear();
    const rule = this.paintRule;
    // One rendered check per mention, all before the registry changes (see
    // addMentions): those not rendered are kept, to be looked at again when
    // the page restyles.
    const painted = paintedOf(this.index.inDocumentOrder(), {
      ...rule,
      isRendered: (mention) =>
        rule.isRendered!(mention) || (this.unrendered.add(mention as PageMention), false),
    });
    this.painter.clear();
    for (const mention of painted) this.paint(mention);
    this.firstPainted = this.settings.density === 'first' ? new Set(painted) : new Set();
  }

  applySettings(next: Settings): void {
    if (this.signal.aborted) return;
    const wasActive = this.active;
    this.settings = next;
    this.painter.setStyle(next.highlightStyle);
    if (!this.active) {
      this.card.close();
      this.focus(null);
      // Paused: nothing of ours stays in the page's registry.
      this.painter.clear();
      this.painter.dispose();
    }
    if (this.active && !wasActive && !this.started) this.start();
    this.repaint();
    // What the popup and a panel list depends on it (paused or not, which kinds).
    this.mentionsChanged();
  }

  /** Takes mentions of text that changed or went away, or that the page decided otherwise, off it. */
  private forget(mentions: PageMention[]): void {
    for (const mention of mentions) {
      this.index.delete(mention);
      this.unrendered.delete(mention);
      const entity = this.entities.get(mention.entityId);
      if (entity) this.painter.delete(entity.kind, mention.range);
      if (mention === this.focused) this.focus(null);
    }
    if (mentions.length) this.mentionsChanged();
    // The next mention of an entity may now be its first.
    if (mentions.length && this.settings.density === 'first') this.scheduleRepaint();
  }

  private rescan(roots: Node[], removedSome: boolean): void {
    const scanner = this.scanner;
    if (!scanner) return;
    if (removedSome) scanner.forget((node) => !node.isConnected);
    if (!this.started || this.editing) return;
    const host = this.card.host.element;
    for (const root of roots) {
      if (!root.isConnected) continue;
      // An element that became the reader's input (or text typed in one):
      // what was found there goes, and nothing there is read.
      if (isInsideSkipped(root, host)) {
        scanner.forget((node) => root.contains(node));
        continue;
      }
      const block =
        root.nodeType === 1 && !isSkippedElement(root as Element) ? root : blockRootOf(root);
      if (!block.isConnected || isInsideSkipped(block, host)) continue;
      scanner.forget((node) => block.contains(node));
      scanner.enqueue(block);
    }
  }

  private isPainted(mention: PageMention): boolean {
    if (!this.active) return false;
    if (this.settings.density === 'all') return this.paintRule.isVisible(mention.entityId);
    return this.firstPainted.has(mention);
  }

  private focus(mention: PageMention | null, byKeyboard = false, place?: MentionPlace): void {
    this.focused = mention;
    this.keysOnFocused = !!mention && byKeyboard;
    this.painter.setFocus(mention?.range ?? null);
    if (mention) {
      scrollMentionIntoView(mention);
      this.panel.looking(mention.entityId);
    }
    const entity = mention && this.entities.get(mention.entityId);
    if (!entity || !place) return this.announcer.clear();
    const language = uiLanguage();
    this.announcer.announce(
      t('announce_mention', [
        displayName(entity, language),
        t(kindKey(entity.kind)).toLocaleLowerCase(language),
        String(place.n),
        String(place.of),
      ]),
      mention.range.startContainer.parentElement,
    );
  }

  private handlers() {
    return pageHandlers({
      hostname: () => this.hostname,
      active: () => this.active,
      mentions: () => this.index.values(),
      painted: () => this.paintedMentions(),
      focused: () => this.focused,
      focus: (mention, byKeyboard, place) => this.focus(mention, byKeyboard, place),
      showFrameCard: (request) => {
        // Only the top document, and only where it is not paused.
        if (window !== window.top || !this.active || !this.entities.has(request.entityId))
          return false;
        const element = frameElementFor(request);
        if (!element) return false;
        const { frameId } = request;
        this.card.openForFrame(
          {
            entityId: request.entityId,
            text: request.text,
            anchor: frameAnchor(element, request.rect),
          },
          request.focus,
          {
            frameId,
            tell: (event) =>
              void backgroundClient
                .send('tellFrameOfCard', { frameId, event })
                .catch(() => undefined),
          },
        );
        return true;
      },
      hideFrameCard: (frameId) => this.card.closeForFrame(frameId),
      frameCardEvent: (event) => this.frameCardHost?.onTopEvent(event),
      whereOnScreen,
      diagnostics: (withMentions) => {
        const painted = new Set(this.paintedMentions());
        return this.diagnostics.snapshot({
          card: {
            open: this.card.isOpen,
            placement: this.card.host.placed,
            text: this.card.host.text,
            settled: this.card.host.settled,
          },
          mentions: this.index.size,
          painted: painted.size,
          active: this.active,
          ...(withMentions && {
            found: this.index.inDocumentOrder().map((m) => ({
              entityId: m.entityId,
              text: m.text,
              painted: painted.has(m),
            })),
          }),
        });
      },
    });
  }
}
