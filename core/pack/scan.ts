/**
 * The first pass of compilation: every article split into sentences, each
 * sentence with the entity mentions and dates it contains. Each article is one
 * document to the recognition core (its headline and sentences are its blocks), so a bare
 * "Lee" counts where the article names Lee Jae-myung, and every mention is
 * attributed to exactly one sentence.
 */
import { compileMatcher, linkDocument, type MatchableEntity, type Mention } from '../recognition';
import { findDates, type DateMention } from './dates';
import { splitSentences } from './sentences';
import type { ArticleSource } from './types';

export interface ScannedSentence {
  articleId: string;
  /** position of the article in the pack, for stable ordering */
  articleIndex: number;
  /** position of the sentence in its article */
  index: number;
  /** number of sentences in the article */
  count: number;
  start: number;
  end: number;
  /** article.text.slice(start, end) */
  text: string;
  /** offsets relative to the sentence */
  mentions: Mention[];
  /** offsets relative to the sentence */
  dates: DateMention[];
}

export interface ScannedArticle {
  article: ArticleSource;
  sentences: ScannedSentence[];
  /** ids of the entities the article's title names: the article is about them */
  titleEntities: Set<string>;
}

export function scanArticles(
  articles: readonly ArticleSource[],
  entities: readonly MatchableEntity[],
): ScannedArticle[] {
  const matcher = compileMatcher(entities);
  return articles.map((article, articleIndex) => {
    const ranges = splitSentences(article.text);
    // The reader of an article sees its headline and its date too: they are
    // the document's first block ("The Upcoming APEC Summit", dated 2025,
    // is the 2025 summit).
    const header = `${article.title} (${article.date})`;
    const [headerFound, ...found] = linkDocument(matcher, [
      header,
      ...ranges.map(([start, end]) => article.text.slice(start, end)),
    ]);
    const sentences = ranges.map(([start, end], index): ScannedSentence => {
      const text = article.text.slice(start, end);
      return {
        articleId: article.id,
        articleIndex,
        index,
        count: ranges.length,
        start,
        end,
        text,
        mentions: found[index]!,
        dates: findDates(text, article.date),
      };
    });
    const titleEntities = new Set(
      headerFound!.filter((m) => m.end <= article.title.length).map((m) => m.entityId),
    );
    return { article, sentences, titleEntities };
  });
}
