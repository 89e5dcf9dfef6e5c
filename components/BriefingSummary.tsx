/**
 * A briefing in a few lines, for lists (the toolbar popup): the role with
 * its date, the best fact (its whole sentence on demand) with its source,
 * and the latest dated event. The same parts as the hover card
 * (components/briefing-parts.tsx), so the two never say things differently.
 */
import type { BriefingView } from '../core/views';
import type { SourceRef } from '../core/pack/types';
import type { Translate } from '../lib/i18n';
import { articleOf, dateText, Fact, importedPackOf, lineLang } from './briefing-parts';

export interface BriefingSummaryProps {
  view: BriefingView;
  uiLanguage: string;
  t: Translate;
  /** whether the best fact shows its whole sentence (one summary at a time, the list decides) */
  open: boolean;
  onToggle: () => void;
  onOpenSource: (source: SourceRef, packId: string) => void;
}

export function BriefingSummary(props: BriefingSummaryProps) {
  const { view, t } = props;
  const { briefing } = view;
  const language = props.uiLanguage;
  const source = (line: { source: SourceRef; packId: string }) => {
    const article = articleOf(view, line);
    const pack = importedPackOf(view, line.packId);
    const label = [
      article?.title ?? line.source.articleId,
      pack && t('card_fromPack', pack),
      article?.date && dateText(article.date, language),
    ]
      .filter(Boolean)
      .join(' · ');
    return (
      <a
        class="source"
        href="#"
        title={t('card_sourceTitle', label)}
        onClick={(event) => {
          event.preventDefault();
          props.onOpenSource(line.source, line.packId);
        }}
      >
        {label}
      </a>
    );
  };
  const fact = briefing.facts[0];
  const roleDate = briefing.role && articleOf(view, briefing.role)?.date;
  const latest = briefing.timeline.at(-1);
  return (
    <div class="summary">
      {briefing.role && (
        <p class="role">
          <strong lang={lineLang(view, briefing.role)}>{briefing.role.text}</strong>
          {roleDate && (
            <span class="role-date">{t('card_asOf', dateText(roleDate, language))}</span>
          )}
        </p>
      )}
      {fact ? (
        <ul class="facts">
          <Fact
            id={`fact-${view.entity.id}`}
            lang={lineLang(view, fact)}
            text={fact.text}
            t={t}
            open={props.open}
            onToggle={props.onToggle}
          >
            {source(fact)}
          </Fact>
        </ul>
      ) : (
        <p class="empty-facts muted">{t('card_noFacts')}</p>
      )}
      {latest && (
        <p class="latest">
          <time dateTime={latest.date}>{dateText(latest.date, language)}</time>{' '}
          <span class="latest-text" lang={lineLang(view, latest)}>
            {latest.text}
          </span>
        </p>
      )}
    </div>
  );
}
