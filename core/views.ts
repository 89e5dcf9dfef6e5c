/**
 * What the extension's pages and the card show, as the background hands it
 * out: plain data shapes shared by the database module (which builds them),
 * the message protocol (which carries them) and the UI (which renders them).
 */
import type { Briefing, EntitySource, Fact, Role, TimelineEntry, TopicSource } from './pack/types';

/** A line of a merged briefing remembers its pack: article ids are unique only within a pack. */
export type FromPack<T> = T & { packId: string };

export interface MergedBriefing extends Briefing {
  role?: FromPack<Role>;
  /** best first; `also`: the same sentence, near enough, from other places (core/near-duplicates.ts) */
  facts: Array<FromPack<Fact> & { also?: Array<FromPack<Fact>> }>;
  timeline: Array<FromPack<TimelineEntry>>;
}

export interface PackCounts {
  topics: number;
  entities: number;
  articles: number;
  briefings: number;
}

export interface PackMeta {
  id: string;
  title: string;
  version: string;
  description?: string;
  /** when the pack was compiled (from the compiled pack) */
  compiledAt: string;
  /** when it was stored here (seeded or imported) */
  importedAt: string;
  /** the pack shipped with the extension: re-seeded on update, cannot be removed */
  bundled: boolean;
  /** switched off by the reader: kept, but its names, briefings and topics are not used */
  disabled?: boolean;
  counts: PackCounts;
  /** sum of the UTF-8 JSON sizes of the pack's records: what it costs in storage, roughly */
  sizeBytes: number;
}

export interface ArticleRef {
  packId: string;
  id: string;
  title: string;
  date: string;
  url?: string;
  /** the language it is written in: each line quoted from it is marked with it (glyphs, speech) */
  language?: string;
}

export type EntityChip = Pick<EntitySource, 'id' | 'kind' | 'name' | 'names'>;

export interface BriefingView {
  /** as the first pack that defines the entity has it (bundled first) */
  entity: EntitySource;
  /** every pack that defines the entity, in pack order */
  packIds: string[];
  /** those packs' titles, so that a line from an imported pack can name it */
  packs?: Array<Pick<PackMeta, 'id' | 'title' | 'bundled'>>;
  briefing: MergedBriefing;
  /** the articles the briefing cites, in the briefing's order, each once */
  articles: ArticleRef[];
  /** the entities of `briefing.related` that are installed, for chips */
  relatedEntities: EntityChip[];
}

export interface SearchHit {
  id: string;
  kind: EntitySource['kind'];
  name: string;
  names?: EntitySource['names'];
  topics: string[];
  /** the pack whose record is shown */
  packId: string;
  /** the form that matched, as the pack writes it (e.g. "茂木敏充") */
  matched: string;
  /** the query is the whole form, not only its start */
  exact: boolean;
}

export interface TopicSummary extends TopicSource {
  /** distinct entity ids in this topic, across packs */
  entityCount: number;
  /** packs that define the topic, in pack order */
  packIds: string[];
}
