/** The options page's topics: one switch per topic of the installed packs. */
import type { TopicSummary } from '../../core/views';
import { displayName } from '../../core/display';
import { toggle, type SectionProps } from './section';

export function TopicsSection(
  props: SectionProps & { topics: TopicSummary[]; uiLanguage: string },
) {
  const { settings, change, t } = props;
  return (
    <section aria-labelledby="topics-heading">
      <h2 id="topics-heading">{t('options_topics')}</h2>
      <p class="muted">{t('options_topicsHelp')}</p>
      <ul class="toggles">
        {props.topics.map((topic) => {
          const on = !settings.disabledTopics.includes(topic.id);
          return (
            <li key={topic.id}>
              <label>
                <input
                  type="checkbox"
                  data-topic={topic.id}
                  checked={on}
                  onChange={() =>
                    void change((s) => ({
                      ...s,
                      disabledTopics: toggle(s.disabledTopics, topic.id, !on),
                    }))
                  }
                />
                <span class="swatch" style={{ background: topic.color }} aria-hidden="true" />
                {displayName({ name: topic.name.en, names: topic.name }, props.uiLanguage)}
                <span class="muted">
                  {' '}
                  ·{' '}
                  {topic.entityCount === 1
                    ? t('options_entitiesOne')
                    : t('options_entities', String(topic.entityCount))}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
