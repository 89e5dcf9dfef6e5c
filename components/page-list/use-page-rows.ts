/**
 * The rows of the popup's page list: the entities found on the page, people
 * first and then by kind, most mentioned first within a kind, the topics they belong to (for the chips) and the rows of
 * the chosen topic. Kept by the popup, so the chosen topic outlasts a search.
 */
import { useMemo, useState } from 'preact/hooks';
import type { EntitySummary } from '../../lib/messaging/protocol';
import type { TopicSummary } from '../../core/views';
import { displayName } from '../../core/display';
import type { PageState } from '../../components/page-list/use-page-mentions';

export interface PageRow {
  id: string;
  count: number;
  entity: EntitySummary;
  /** the name shown, in the UI language */
  label: string;
}

export type PageTopic = TopicSummary & { onPage: number };

/** People first, then events and topics, then organisations, countries and places. */
const KIND_ORDER: Record<EntitySummary['kind'], number> = {
  person: 0,
  event: 1,
  topic: 2,
  organisation: 3,
  country: 4,
  place: 5,
};

export interface PageRows {
  /** every entity of the page that the background knows */
  onPage: PageRow[];
  /** the topics of those entities, with how many of them each has */
  pageTopics: PageTopic[];
  /** the rows listed: those of `topicFilter`, or all */
  listed: PageRow[];
  topicFilter: string | null;
  setTopicFilter: (topic: string | null) => void;
}

export function usePageRows(page: PageState, topics: TopicSummary[], uiLanguage: string): PageRows {
  const [topicFilter, setTopicFilter] = useState<string | null>(null);

  const onPage = useMemo(() => {
    if (page.status !== 'ready') return [];
    return page.page.entities
      .map((m) => ({ ...m, entity: page.entities.get(m.id) }))
      .filter((m): m is typeof m & { entity: EntitySummary } => !!m.entity)
      .map((m) => ({ ...m, label: displayName(m.entity, uiLanguage) }))
      .sort(
        (a, b) =>
          KIND_ORDER[a.entity.kind] - KIND_ORDER[b.entity.kind] ||
          b.count - a.count ||
          a.label.localeCompare(b.label, uiLanguage),
      );
  }, [page]);

  const listed = useMemo(
    () => onPage.filter((m) => !topicFilter || m.entity.topics.includes(topicFilter)),
    [onPage, topicFilter],
  );

  const pageTopics = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of onPage)
      for (const topic of m.entity.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    return topics
      .filter((topic) => counts.has(topic.id))
      .map((topic) => ({ ...topic, onPage: counts.get(topic.id)! }));
  }, [onPage, topics]);

  return { onPage, pageTopics, listed, topicFilter, setTopicFilter };
}
