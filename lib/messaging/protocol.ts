/**
 * The one message protocol between the parts of the extension. Each map names
 * its direction (after darkreader's MessageTypeCStoBG): a message name maps to
 * its request and response types, and handlers return results rather than
 * throwing strings across the boundary.
 */
import type { BriefingResult as BriefingView, TopicSummary } from '../db/queries';
import type { PackMeta } from '../db/schema';
import type { Problem } from '../../core/pack/validate';
import type {
  CompiledArticle,
  EntityKind,
  EntitySource,
  PackSource,
  TopicSource,
} from '../../core/pack/types';
import type { CompiledMatcher } from '../../core/recognition';

/**
 * storage.local key the background bumps when the installed packs change;
 * open pages watch it and fetch their matcher data again.
 */
export const DATA_VERSION_KEY = 'dataVersion';

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

export type { ArticleRef, BriefingResult as BriefingView, TopicSummary } from '../db/queries';
export type { PackMeta } from '../db/schema';
export type { Problem } from '../../core/pack/validate';

export interface EntitySummary {
  id: string;
  kind: EntityKind;
  name: string;
  names?: EntitySource['names'];
  topics: string[];
}

export type ImportOutcome = { ok: true; pack: PackMeta } | { ok: false; problems: Problem[] };

/** Content script, popup and options → background. */
export interface ToBackground {
  getMatcherData: { request: undefined; response: MatcherData };
  getBriefing: { request: { entityId: string }; response: BriefingView | null };
  searchEntities: { request: { query: string; limit?: number }; response: EntitySummary[] };
  getEntities: { request: { ids: string[] }; response: EntitySummary[] };
  listTopics: { request: undefined; response: TopicSummary[] };
  listPacks: { request: undefined; response: PackMeta[] };
  importPack: { request: { text: string; fileName: string }; response: ImportOutcome };
  removePack: { request: { packId: string }; response: { ok: boolean; message?: string } };
  exportPack: { request: { packId: string }; response: PackSource | null };
  /** Opens an extension page in a new tab (a web page cannot link to one). */
  openPage: {
    request: { page: 'briefing' | 'article' | 'options'; hash?: string };
    response: boolean;
  };
  getArticle: {
    request: { packId: string; articleId: string };
    response: CompiledArticle | null;
  };
}

/** What a tab's content script found: the popup's main question. */
export interface PageMentions {
  hostname: string;
  /** false where highlighting is paused for this site or everywhere */
  active: boolean;
  entities: Array<{ id: string; count: number }>;
}

/** Popup and background → the content script of a tab (its top frame answers). */
export interface ToContent {
  getPageMentions: { request: undefined; response: PageMentions };
  revealMention: { request: { entityId: string }; response: boolean };
  focusNextMention: { request: { backwards?: boolean }; response: boolean };
}

export type Protocol = ToBackground | ToContent;
export type RequestOf<P, K extends keyof P> = P[K] extends { request: infer R } ? R : never;
export type ResponseOf<P, K extends keyof P> = P[K] extends { response: infer R } ? R : never;

/** The envelope on the wire. */
export interface Envelope<P, K extends keyof P = keyof P> {
  channel: 'briefing-lens';
  type: K;
  request: RequestOf<P, K>;
}

/** What a handler's result becomes on the wire: errors are values, not exceptions. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
