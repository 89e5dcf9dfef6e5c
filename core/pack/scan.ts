/**
 * The first pass of compilation: every article split into sentences, each
 * sentence with the entity mentions and dates it contains. Mentions are found
 * sentence by sentence with one document state per article, so the rule that
 * a bare "Lee" counts only after "Lee Jae-myung" follows the article's order,
 * and every mention is attributed to exactly one sentence.
 */
import { compileMatcher, createDocumentState, type Mention } from '../recognition';
import { findDates, type DateMention } from './dates';
import { splitSentences } from './sentences';
import type { ArticleSource, EntitySource } from './types';

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
  entities: readonly EntitySource[],
): ScannedArticle[] {
  const matcher = compileMatcher(entities);
  return articles.map((article, articleIndex) => {
    const ranges = splitSentences(article.text);
    const state = createDocumentState();
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
        mentions: matcher.find(text, state),
        dates: findDates(text, article.date),
      };
    });
    // The title gets its own state: whether a bare surname in the body counts
    // should not depend on a headline the reader may not see.
    const titleEntities = new Set(
      matcher.find(article.title, createDocumentState()).map((m) => m.entityId),
    );
    return { article, sentences, titleEntities };
  });
}
