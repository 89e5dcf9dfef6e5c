/**
 * The one message protocol between the parts of the extension. Each map names
 * its direction (after darkreader's MessageTypeCStoBG): a message name maps to
 * its request and response types, and handlers return results rather than
 * throwing strings across the boundary.
 */
import type { BriefingView, PackMeta, TopicSummary } from '../../core/views';
import type { Problem } from '../../core/pack/validate';
import type {
  CompiledArticle,
  EntityKind,
  EntitySource,
  PackSource,
  TopicSource,
} from '../../core/pack/types';
import type { CompiledMatcher } from '../../core/recognition';
import type { HighlightStyle, Settings } from '../../core/settings';

/**
 * What a page needs to colour and name what it found; how to find it comes
 * compiled (`MatcherData.matcher`).
 */
export type PageEntity = EntitySummary;

export interface MatcherData {
  /** changes whenever the installed packs change, so pages can drop stale caches */
  version: string;
  entities: PageEntity[];
  topics: TopicSource[];
  /** the entities' matcher, compiled by the background so no page has to */
  matcher: CompiledMatcher;
}

export type { Problem } from '../../core/pack/validate';

export interface EntitySummary {
  id: string;
  kind: EntityKind;
  name: string;
  names?: EntitySource['names'];
  topics: string[];
}

/**
 * The one failure convention of the protocol. A request the reader can be
 * refused (a pack that does not validate, one that cannot be removed) answers
 * with an Outcome that says why; a failure nobody planned for (a closed
 * database) is thrown by the handler and rejects the client's promise with a
 * MessagingError. Handlers never answer `null` or a bare string for failure.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** An imported pack as the reader would recognise its file. */
export interface LostPack {
  id: string;
  title: string;
  version: string;
  importedAt: string;
}

/** What an import answers: the pack stored (and the version it replaced), or why not. */
export type ImportOutcome =
  | {
      ok: true;
      value: PackMeta;
      /** the version it replaced */
      replaced?: string;
      /** names of entities other packs have too, whose briefings this pack adds to */
      extends?: string[];
    }
  | {
      ok: false;
      problems: Problem[];
      /** the installed version, when this file is not newer and importing it again with `replace` would install it */
      installedVersion?: string;
    };

/** Content script, popup and options → background. */
export interface ToBackground {
  getMatcherData: { request: undefined; response: MatcherData };
  /**
   * The reader's settings, for content scripts: storage is closed to them
   * where the browser allows (background/storage-access.ts); changes come as
   * the `settingsChanged` push.
   */
  getSettings: { request: undefined; response: Settings };
  /** the card's "beside the page" button (trusted clicks only): the side panel opens for the tab */
  openSidePanel: { request: undefined; response: void };
  getBriefing: { request: { entityId: string }; response: BriefingView | null };
  /** a page's worth at once (the popup, the side panel): in order, null where there is none */
  getBriefings: { request: { entityIds: string[] }; response: Array<BriefingView | null> };
  searchEntities: { request: { query: string; limit?: number }; response: EntitySummary[] };
  getEntities: { request: { ids: string[] }; response: EntitySummary[] };
  listTopics: { request: undefined; response: TopicSummary[] };
  listPacks: { request: undefined; response: PackMeta[] };
  /**
   * Answered once the pack is stored (the pages' data is rebuilt later, when
   * they ask); `replace` installs a version that is not newer than the one
   * installed, which the options page asks the reader first.
   */
  importPack: {
    request: { text: string; fileName: string; replace?: boolean };
    response: ImportOutcome;
  };
  removePack: { request: { packId: string }; response: Outcome<PackMeta> };
  /**
   * Imported packs the database lost since they were imported (found missing
   * at a start of the background: see pack-manifest.ts), for the reader to
   * import again; and forgetting that list once the reader has seen it.
   */
  listLostPacks: { request: undefined; response: LostPack[] };
  dismissLostPacks: { request: undefined; response: void };
  /** Switches a pack off (kept, not used) or on again. */
  setPackEnabled: { request: { packId: string; enabled: boolean }; response: Outcome<PackMeta> };
  exportPack: { request: { packId: string }; response: Outcome<PackSource> };
  /** Opens an extension page in a new tab (a web page cannot link to one). */
  openPage: {
    request: { page: 'briefing' | 'article' | 'options'; hash?: string };
    response: boolean;
  };
  getArticle: {
    request: { packId: string; articleId: string };
    response: CompiledArticle | null;
  };
  /**
   * A frame's content script (not the top frame's) telling what it found, so
   * that the popup counts every frame of the tab; an empty list when it goes.
   */
  reportFrameMentions: { request: { entities: EntityCount[] }; response: void };
  /**
   * A frame's content script starts (a style) or stops (null) drawing: the
   * background colours that frame's highlights with a user-origin sheet the
   * page can neither read nor override (core/highlight-css.ts).
   */
  colourHighlights: { request: { style: HighlightStyle | null }; response: void };
  /** What the frames of a tab below its top frame reported, summed per entity. */
  getFrameMentions: { request: { tabId: number }; response: EntityCount[] };
  /**
   * A frame too small for the card asks its tab's top document to show it
   * over the frame (card/frame-relay.ts); the answer says whether it does.
   */
  showCardInTop: { request: FrameCardRequest; response: boolean };
  /** ...and to take it away again. */
  hideCardInTop: { request: undefined; response: void };
  /** The top document tells the frame what the reader did with the card it shows for it. */
  tellFrameOfCard: { request: { frameId: number; event: FrameCardEvent }; response: void };
}

/** A card the top document shows for one of its frames: which name, and where in the frame. */
export interface FrameCardRequest {
  entityId: string;
  /** the words as the frame writes them */
  text: string;
  /** the name's box, in the frame's viewport */
  rect: { x: number; y: number; width: number; height: number };
  /** the frame's viewport, to tell it from the other frames of the page */
  frame: { width: number; height: number };
  /** the reader opened it from the keyboard: the card takes the focus */
  focus: boolean;
}

/** What happened to the card the top document shows for a frame. */
export type FrameCardEvent = 'pointerenter' | 'pointerleave' | 'closed';

export interface EntityCount {
  id: string;
  count: number;
}

/** What a tab's content script found: the popup's main question. */
export interface PageMentions {
  hostname: string;
  /** false where highlighting is paused for this site or everywhere */
  active: boolean;
  entities: EntityCount[];
}

/** What one scan pass of a page's content script did. */
export interface ScanPassDetail {
  mentions: number;
  entities: number;
  textNodes: number;
  chars: number;
  /** time spent working, without the gaps between slices */
  cpuMs: number;
  slices: number;
  longestSliceMs: number;
  /** the longest the document's decisions took at the end of a slice (DocumentLinker.flush, and reporting what changed) */
  longestLinkMs: number;
  /** of that, the longest the decisions alone took (DocumentLinker.flush), without drawing what they found */
  longestDecisionMs: number;
  /** when the pass started and ended, on the page's clock (performance.now) */
  startedAt: number;
  endedAt: number;
}

/** A moment of the card's life, on the page's clock. */
export type CardTiming =
  | { event: 'requested'; entityId: string; at: number }
  | { event: 'fetched'; entityId: string; at: number; ms: number }
  | { event: 'shown'; entityId: string; at: number };

/** Where the open card sits, in viewport pixels. */
export interface CardPlacement {
  placement: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What a content script tells the extension about itself: for the test
 * harness and the benchmarks, never visible to the page.
 */
export interface DiagnosticsSnapshot {
  href: string;
  /** whether this is the tab's top document */
  top: boolean;
  /** what turning the background's compiled matcher into a running one cost, in ms */
  setupMs: number | null;
  entities: number;
  /** the last scan passes, oldest first */
  passes: ScanPassDetail[];
  /** every pass ever finished (`passes` keeps only the last ones) */
  passCount: number;
  cards: CardTiming[];
  card: {
    open: boolean;
    placement: CardPlacement | null;
    /** the open card's text (the page cannot read it: the card's root is closed) */
    text: string | null;
    /** placed, and done appearing: nothing in the card is animating */
    settled: boolean;
  };
  /** how many mentions are indexed, and how many are drawn */
  mentions: number;
  painted: number;
  active: boolean;
  /** every indexed mention in document order, when the request asked for them */
  found?: Array<{ entityId: string; text: string; painted: boolean }>;
}

/**
 * Popup and background → the content script of a tab. The top frame answers
 * (messages go to frame 0), except `getDiagnostics`, which goes to every frame
 * and is answered by the one whose address is `href`.
 */
export interface ToContent {
  getPageMentions: { request: undefined; response: PageMentions };
  /** to the top document: show the card a frame asked for (`frameUrl` and `frameId` from the browser) */
  showFrameCard: {
    request: FrameCardRequest & { frameId: number; frameUrl: string };
    response: boolean;
  };
  hideFrameCard: { request: { frameId: number }; response: void };
  /** to a frame: what the reader did with the card the top document shows for it */
  frameCardEvent: { request: { event: FrameCardEvent }; response: void };
  revealMention: { request: { entityId: string }; response: boolean };
  focusNextMention: { request: { backwards?: boolean }; response: boolean };
  getDiagnostics: {
    request: { href?: string; mentions?: boolean };
    response: DiagnosticsSnapshot;
  };
}

/**
 * Messages nobody asked for, and nobody need be listening to: from the
 * background to our pages (`pushToPages`) or to every frame of every tab
 * (`pushToTabs`), and from a tab's top frame to our pages (`pushToPages`
 * again: a content script's runtime messages reach them). All are heard with
 * `onPush`.
 */
export interface Pushes {
  /** to our pages: an import is under way, `done` of `total` records written */
  importProgress: { done: number; total: number };
  /** to tabs: the reader changed a setting */
  settingsChanged: Settings;
  /** to tabs: the installed packs changed; pages fetch their matcher data again */
  packsChanged: { version: string };
  /**
   * from a tab's top frame to our pages (sent by the content script, which
   * uses the same channel): its page was scanned for the first time, so a
   * side panel following the tab can connect to it and list what it found
   */
  pageReady: Record<string, never>;
}

/** The port a side panel opens to every frame of the tab it follows (tabs.connect). */
export const PANEL_PORT = 'briefing-lens-panel';

/** What a frame tells a side panel connected to it (content/panel-link.ts). */
export type PanelEvent =
  /** the names found changed: ask again */
  | { type: 'changed' }
  /**
   * the reader is looking at a name (its card opened, or the keyboard reached
   * it); `at` on the shared clock (performance.timeOrigin + now)
   */
  | { type: 'looking'; entityId: string; at: number };

export type RequestOf<P, K extends keyof P> = P[K] extends { request: infer R } ? R : never;
export type ResponseOf<P, K extends keyof P> = P[K] extends { response: infer R } ? R : never;

/** The envelope on the wire. */
export interface Envelope<P, K extends keyof P = keyof P> {
  channel: 'briefing-lens';
  type: K;
  request: RequestOf<P, K>;
}

/** A push on the wire. */
export interface PushEnvelope<K extends keyof Pushes = keyof Pushes> {
  channel: 'briefing-lens';
  push: K;
  payload: Pushes[K];
}

/** What a handler's result becomes on the wire: errors are values, not exceptions. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
