/**
 * One entity in the popup's lists: its name, kind and the other name it goes
 * by, how often the page mentions it, a button that shows it on the page,
 * and under it, on the page's list, its briefing in a few lines.
 */
import type { ComponentChildren } from 'preact';
import type { EntitySummary } from '../../lib/messaging/protocol';
import type { Translate } from '../../lib/i18n';
import { displayName, kindKey } from '../../core/display';

export interface EntityRowProps {
  entity: EntitySummary;
  count?: number;
  /** the alias a search matched, shown when it is not the displayed name */
  matched?: string;
  /** on the page, but not highlighted under the current settings */
  hidden?: boolean;
  uiLanguage: string;
  t: Translate;
  onOpen: (id: string) => void;
  onReveal?: () => void;
  /** its briefing in a few lines, under the name */
  summary?: ComponentChildren;
}

export function EntityRow(props: EntityRowProps) {
  const { entity, t } = props;
  const name = displayName(entity, props.uiLanguage);
  const secondary =
    props.matched && props.matched !== name && props.matched !== entity.name
      ? props.matched
      : name !== entity.name
        ? entity.name
        : '';
  return (
    <article
      class={`entity kind-${entity.kind}${props.hidden ? ' is-hidden' : ''}`}
      data-entity={entity.id}
    >
      <button
        type="button"
        class="entity-main"
        onClick={() => props.onOpen(entity.id)}
        title={t('popup_openBriefing')}
      >
        <span class="kind-dot" aria-hidden="true" />
        <span class="names">
          <span class="name">{name}</span>
          <span class="sub muted">
            {t(kindKey(entity.kind))}
            {secondary && ` · ${secondary}`}
            {props.hidden && ` · ${t('popup_notHighlighted')}`}
          </span>
        </span>
        {props.count !== undefined && (
          <span
            class="count"
            data-count={props.count}
            title={
              props.count === 1 ? t('popup_mention') : t('popup_mentions', String(props.count))
            }
          >
            <span aria-hidden="true">{props.count}</span>
            <span class="visually-hidden">
              {props.count === 1 ? t('popup_mention') : t('popup_mentions', String(props.count))}
            </span>
          </span>
        )}
      </button>
      {props.onReveal && !props.hidden && (
        <button
          type="button"
          class="icon-button reveal"
          onClick={props.onReveal}
          aria-label={`${t('popup_showOnPage')}: ${name}`}
          title={t('popup_showOnPage')}
        >
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
            <path
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
              d="M12 3v3M12 18v3M3 12h3M18 12h3M12 8a4 4 0 1 1 0 8 4 4 0 0 1 0-8z"
            />
          </svg>
        </button>
      )}
      {props.summary}
    </article>
  );
}
