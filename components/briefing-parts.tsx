/**
 * Parts the hover card, the briefing page and the popup's summaries share:
 * the article a line cites, a fact cut to a few lines with its whole
 * sentence on demand, and dates in the reader's language. Written without hooks: the card is in the content script, which
 * every page loads, and preact/hooks would add to it.
 */
import { Component, createRef, type ComponentChildren } from 'preact';
import type { Translate } from '../lib/i18n';
import { formatDate } from '../core/display';
import type { ArticleRef, BriefingView } from '../core/views';
import type { SourceRef } from '../core/pack/types';

/** The imported pack a line comes from, by its title; null for the bundled data. */
export function importedPackOf(view: BriefingView, packId: string): string | null {
  return view.packs?.find((p) => p.id === packId && !p.bundled)?.title ?? null;
}

/** The article a line of a briefing cites (article ids are unique only within their pack). */
export function articleOf(
  view: Pick<BriefingView, 'articles'>,
  line: { source: SourceRef; packId: string },
): ArticleRef | undefined {
  return view.articles.find((a) => a.id === line.source.articleId && a.packId === line.packId);
}

/**
 * The language of the article a line quotes, for its `lang`: a Korean or
 * Japanese sentence in an English card is shown with its own glyphs and read
 * in its own voice.
 */
export function lineLang(
  view: Pick<BriefingView, 'articles'>,
  line: { source: SourceRef; packId: string },
): string | undefined {
  return articleOf(view, line)?.language;
}

/** The latest of ISO dates (they sort as text); null for none. */
export function latestDate(dates: Array<string | undefined>): string | null {
  return dates.reduce<string | null>(
    (latest, d) => (d && (!latest || d > latest) ? d : latest),
    null,
  );
}

/** Formatting a date builds an Intl.DateTimeFormat: slow enough to remember. */
const dates = new Map<string, string>();
export function dateText(iso: string, uiLanguage: string): string {
  const key = `${uiLanguage}|${iso}`;
  let text = dates.get(key);
  if (text === undefined) dates.set(key, (text = formatDate(iso, uiLanguage)));
  return text;
}

export interface FactProps {
  text: string;
  /** the id of the fact's text, for the control's aria-controls */
  id: string;
  /** the language of its article (lineLang) */
  lang?: string;
  t: Translate;
  /** whether the whole sentence shows; left out, the fact keeps that itself */
  open?: boolean;
  onToggle?: () => void;
  /** what follows the text on its line: its source */
  children?: ComponentChildren;
}

interface FactState {
  open: boolean;
  /** the text is cut: there is more to show */
  cut: boolean;
}

/** A fact, cut to a few lines, with a control that shows the whole sentence where it was cut. */
export class Fact extends Component<FactProps, FactState> {
  override state: FactState = { open: false, cut: false };
  private readonly text = createRef<HTMLSpanElement>();

  private get isOpen(): boolean {
    return this.props.open ?? this.state.open;
  }

  // Measured after every render: a card is drawn off the page first, where nothing has a size.
  override componentDidMount(): void {
    this.measure();
  }
  override componentDidUpdate(): void {
    this.measure();
  }

  private measure(): void {
    const element = this.text.current;
    if (!element || this.isOpen) return;
    const cut = element.scrollHeight > element.clientHeight + 1;
    if (cut !== this.state.cut) this.setState({ cut });
  }

  private readonly toggle = () => {
    if (this.props.onToggle) this.props.onToggle();
    else this.setState({ open: !this.state.open });
  };

  override render() {
    const { id, t } = this.props;
    const open = this.isOpen;
    return (
      <li>
        <span
          ref={this.text}
          id={id}
          lang={this.props.lang}
          class={open ? 'fact-text open' : 'fact-text'}
        >
          {this.props.text}
        </span>
        <span class="line-meta">
          {this.props.children}
          {(this.state.cut || open) && (
            <button
              type="button"
              class="more"
              aria-expanded={open}
              aria-controls={id}
              onClick={this.toggle}
            >
              {t(open ? 'card_lessSentence' : 'card_wholeSentence')}
            </button>
          )}
        </span>
      </li>
    );
  }
}
