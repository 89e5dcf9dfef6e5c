/**
 * Source pack → compiled pack: sentence boundaries for every article and one
 * briefing per entity. Deterministic: the same source gives byte-identical
 * JSON (no clock unless `compiledAt` is given, stable sorts, fixed key order),
 * so the bundled pack can be checked against its sources in a test.
 */
import { buildBriefing, indexSentences, relatedByEntity } from './briefing';
import { matchableEntities } from './matchable';
import { findEventDates } from './event-dates';
import { scanArticles } from './scan';
import type { CompiledArticle, CompiledPack, PackSource } from './types';

export const COMPILED_FORMAT = 'briefing-lens/pack';
export const COMPILED_FORMAT_VERSION = 1;

export interface CompileOptions {
  /** ISO timestamp; defaults to the latest article date at midnight UTC (not the clock: determinism) */
  compiledAt?: string;
}

export function compilePack(source: PackSource, options: CompileOptions = {}): CompiledPack {
  // The pack's own articles say which entities go together, and the
  // recognition core reads that as evidence ("the APEC summit" in an article
  // naming its leaders is that summit): a first scan finds them, the second
  // is the one the briefings are built from.
  const first = scanArticles(source.articles, source.entities);
  const scanned = scanArticles(
    source.articles,
    matchableEntities(source.entities, relatedByEntity(source.entities, first)),
  );
  const ctx = {
    sentences: indexSentences(scanned),
    entityOrder: new Map(source.entities.map((e, i) => [e.id, i])),
    eventDates: findEventDates(scanned, source.entities),
  };

  const articles: CompiledArticle[] = scanned.map(({ article, sentences }) => ({
    ...article,
    sentences: sentences.map((s): [number, number] => [s.start, s.end]),
  }));

  const pack: CompiledPack = {
    format: COMPILED_FORMAT,
    formatVersion: COMPILED_FORMAT_VERSION,
    id: source.id,
    title: source.title,
    version: source.version,
    compiledAt: options.compiledAt ?? defaultCompiledAt(source),
    topics: source.topics,
    entities: source.entities,
    articles,
    briefings: source.entities.map((e) => buildBriefing(e, ctx)),
  };
  if (source.description !== undefined) {
    // Keep the documented key order: description after version.
    const { compiledAt, topics, entities, articles: a, briefings, ...head } = pack;
    return {
      ...head,
      description: source.description,
      compiledAt,
      topics,
      entities,
      articles: a,
      briefings,
    };
  }
  return pack;
}

function defaultCompiledAt(source: PackSource): string {
  // The latest article's date, however old; the epoch only for a pack without articles.
  const latest = source.articles.reduce((max, a) => (a.date > max ? a.date : max), '');
  return `${latest || '1970-01-01'}T00:00:00Z`;
}
