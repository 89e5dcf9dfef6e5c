// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { BriefingCard, CARD_FACTS, type CardState } from '../../../components/BriefingCard';
import type { BriefingView } from '../../../core/views';
import { BriefingSummary } from '../../../components/BriefingSummary';

const t = (key: string, subs?: string | string[]) =>
  subs ? `${key}(${[subs].flat().join(',')})` : key;

function view(overrides: Partial<BriefingView['briefing']> = {}): BriefingView {
  const source = (start: number) => ({ articleId: 'call', start, end: start + 10 });
  return {
    entity: {
      id: 'wang-yi',
      kind: 'person',
      name: 'Wang Yi',
      names: { ko: '왕이', ja: '王毅' },
      aliases: { en: ['Wang Yi'] },
      topics: [],
    },
    packIds: ['bundled'],
    briefing: {
      entityId: 'wang-yi',
      role: { text: 'Chinese Foreign Minister', source: source(0), packId: 'bundled' },
      facts: [1, 2, 3, 4, 5, 6].map((n) => ({
        text: `Fact number ${n}.`,
        source: source(n * 20),
        score: 10 - n,
        packId: 'bundled',
      })),
      timeline: [
        {
          date: '2025-10-28',
          dateText: 'October 28, 2025',
          text: 'On October 28, 2025, a call.',
          source: source(0),
          packId: 'bundled',
        },
      ],
      related: [{ entityId: 'toshimitsu-motegi', weight: 3 }],
      articles: ['call'],
      mentionCount: 6,
      ...overrides,
    } as BriefingView['briefing'],
    articles: [{ packId: 'bundled', id: 'call', title: 'The phone call', date: '2025-10-28' }],
    relatedEntities: [
      {
        id: 'toshimitsu-motegi',
        kind: 'person',
        name: 'Toshimitsu Motegi',
        names: { ko: '모테기 도시미쓰' },
      },
    ],
  };
}

function renderCard(state: CardState, more: Partial<Parameters<typeof BriefingCard>[0]> = {}) {
  const actions = {
    onClose: vi.fn(),
    onTogglePin: vi.fn(),
    onSelectEntity: vi.fn(),
    onOpenBriefing: vi.fn(),
    onOpenSource: vi.fn(),
  };
  render(
    <BriefingCard
      state={state}
      pageText="왕이"
      pinned={false}
      uiLanguage="en"
      t={t}
      {...actions}
      {...more}
    />,
  );
  return actions;
}

afterEach(cleanup);

describe('BriefingCard', () => {
  it('is a labelled dialog headed by the name as the page writes it, with the canonical name', () => {
    renderCard({ status: 'ready', view: view() });
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('왕이');
    expect(dialog.textContent).toContain('Wang Yi');
    expect(dialog.textContent).toContain('kind_person');
  });

  it('can take focus as a whole, and adds no page landmarks (banner, contentinfo)', () => {
    renderCard({ status: 'ready', view: view() });
    expect(screen.getByRole('dialog').getAttribute('tabindex')).toBe('-1');
    expect(document.querySelector('header, footer')).toBeNull();
  });

  it('shows the role and at most the card’s number of facts, every line linked to its sentence', () => {
    const actions = renderCard({ status: 'ready', view: view() });
    expect(screen.getByText('Chinese Foreign Minister')).toBeTruthy();
    const facts = document.querySelectorAll('.facts li');
    expect(facts).toHaveLength(CARD_FACTS);
    // Role, facts and the timeline entry: each cites its sentence of article 1.
    const citations = screen.getAllByRole('link', { name: 'card_citation(1,The phone call)' });
    expect(citations.length).toBe(1 + CARD_FACTS + 1);
    fireEvent.click(citations[1]!);
    expect(actions.onOpenSource).toHaveBeenLastCalledWith(
      { articleId: 'call', start: 20, end: 30 },
      'bundled',
    );
    fireEvent.click(document.querySelector('.timeline a.source')!);
    expect(actions.onOpenSource).toHaveBeenLastCalledWith(
      { articleId: 'call', start: 0, end: 10 },
      'bundled',
    );
  });

  it('names each article once, with its date, under Sources, not under every line', () => {
    const actions = renderCard({ status: 'ready', view: view() });
    const sources = [...document.querySelectorAll('.sources li')];
    expect(sources).toHaveLength(1);
    expect(sources[0]!.textContent).toBe('1The phone callOct 28, 2025');
    expect(screen.getAllByText('The phone call')).toHaveLength(1);
    fireEvent.click(screen.getByRole('link', { name: 'The phone call' }));
    expect(actions.onOpenSource).toHaveBeenLastCalledWith(
      { articleId: 'call', start: 0, end: 10 },
      'bundled',
    );
  });

  it('says as of when: the role’s date, and the latest article’s', () => {
    renderCard({ status: 'ready', view: view() });
    expect(document.querySelector('.role-date')!.textContent).toBe('card_asOf(Oct 28, 2025)');
    expect(document.querySelector('.as-of')!.textContent).toBe('card_asOf(Oct 28, 2025)');
  });

  it('notes a page from before the briefing, or from long after it, and says nothing otherwise', () => {
    renderCard({ status: 'ready', view: view() }, { pageDate: '2016-03-01' });
    expect(screen.getByRole('note').textContent).toBe('card_pageOlder(Mar 1, 2016,Oct 28, 2025)');
    cleanup();
    renderCard({ status: 'ready', view: view() }, { pageDate: '2027-06-01' });
    expect(screen.getByRole('note').textContent).toBe('card_pageNewer(Jun 1, 2027,Oct 28, 2025)');
    cleanup();
    renderCard({ status: 'ready', view: view() }, { pageDate: '2025-11-02' });
    expect(screen.queryByRole('note')).toBeNull();
    cleanup();
    renderCard({ status: 'ready', view: view() });
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('shows a fact’s whole sentence on demand where it was cut', () => {
    // The test DOM has no layout: a fact is "cut" when its box is shorter than its text.
    const height = vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(90);
    const client = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(60);
    renderCard({ status: 'ready', view: view() });
    const [first] = screen.getAllByRole('button', { name: 'card_wholeSentence' });
    expect(first!.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(first!);
    expect(first!.getAttribute('aria-expanded')).toBe('true');
    expect(first!.textContent).toBe('card_lessSentence');
    const text = document.getElementById(first!.getAttribute('aria-controls')!)!;
    expect(text.classList.contains('open')).toBe(true);
    height.mockRestore();
    client.mockRestore();
  });

  it('offers no such control where nothing was cut', () => {
    renderCard({ status: 'ready', view: view() });
    expect(screen.queryByRole('button', { name: 'card_wholeSentence' })).toBeNull();
  });

  it('offers Back only after a related chip, and says the names the heading does not', () => {
    const actions = { onBack: vi.fn() };
    renderCard({ status: 'ready', view: view() }, { canGoBack: true, ...actions });
    fireEvent.click(screen.getByRole('button', { name: 'card_back' }));
    expect(actions.onBack).toHaveBeenCalledOnce();
    cleanup();
    // The page writes the name as the UI would: no subtitle repeating it.
    renderCard({ status: 'ready', view: view() }, { pageText: 'Wang Yi' });
    expect(screen.queryByRole('button', { name: 'card_back' })).toBeNull();
    expect(document.querySelector('.canonical')).toBeNull();
    cleanup();
    renderCard({ status: 'ready', view: view() }, { pageText: '王毅', uiLanguage: 'ko' });
    expect(document.querySelector('.canonical')!.textContent).toBe('왕이 · Wang Yi');
  });

  it('marks the languages: the card’s the reader’s, the heading the page’s', () => {
    renderCard(
      { status: 'ready', view: view() },
      { pageText: '王毅', pageLang: 'ja', uiLanguage: 'zh-TW' },
    );
    expect(screen.getByRole('dialog').getAttribute('lang')).toBe('zh-TW');
    expect(screen.getByRole('heading', { level: 2 }).getAttribute('lang')).toBe('ja');
  });

  it('says how many more facts the full briefing holds, one or more', () => {
    const actions = renderCard({ status: 'ready', view: view() });
    const open = screen.getByRole('button', { name: `card_openFullMore(${6 - CARD_FACTS})` });
    fireEvent.click(open);
    expect(actions.onOpenBriefing).toHaveBeenCalledWith('wang-yi');
    cleanup();
    const v = view();
    v.briefing.facts = v.briefing.facts.slice(0, CARD_FACTS + 1);
    renderCard({ status: 'ready', view: v });
    expect(screen.getByRole('button', { name: 'card_openFullOneMore(1)' })).toBeTruthy();
  });

  it('shows the timeline with dates and related chips that switch the card', () => {
    const actions = renderCard({ status: 'ready', view: view() });
    expect(document.querySelector('time')?.getAttribute('datetime')).toBe('2025-10-28');
    fireEvent.click(screen.getByRole('button', { name: 'Toshimitsu Motegi' }));
    expect(actions.onSelectEntity).toHaveBeenCalledWith('toshimitsu-motegi');
  });

  it('marks the role, each fact and each timeline line with its article’s language', () => {
    const v = view();
    v.articles[0] = { ...v.articles[0]!, language: 'ja' };
    renderCard({ status: 'ready', view: v });
    const langs = [
      ...document.querySelectorAll('.role strong, .facts .fact-text, .timeline-text'),
    ].map((e) => e.getAttribute('lang'));
    expect(langs.length).toBeGreaterThan(3);
    expect(new Set(langs)).toEqual(new Set(['ja']));
  });

  it('names the imported pack an article comes from, and not the bundled one', () => {
    const v = view();
    v.packIds = ['bundled', 'notes'];
    v.packs = [
      { id: 'bundled', title: 'Bundled', bundled: true },
      { id: 'notes', title: 'My notes', bundled: false },
    ];
    v.briefing.facts[0] = { ...v.briefing.facts[0]!, packId: 'notes' };
    v.articles.push({
      packId: 'notes',
      id: 'call',
      title: 'My call notes',
      date: '2025-10-29',
      url: 'https://www.example.org/call',
    });
    renderCard({ status: 'ready', view: v });
    const lines = [...document.querySelectorAll('.facts li')];
    // The role cites the bundled article (1); the first fact the pack's (2).
    expect(lines[0]!.querySelector('a.source')!.textContent).toBe('2');
    expect(lines[1]!.querySelector('a.source')!.textContent).toBe('1');
    const sources = [...document.querySelectorAll('.sources li')].map((li) => li.textContent);
    expect(sources).toEqual([
      '1The phone callOct 28, 2025',
      '2My call notesexample.org · card_fromPack(My notes) · Oct 29, 2025',
    ]);
    expect(document.querySelector('[data-pack="bundled"]')).toBeNull();
  });

  it('cites every place a sentence said twice comes from, on its one line', () => {
    const v = view();
    v.briefing.facts[0] = {
      ...v.briefing.facts[0]!,
      also: [{ ...v.briefing.facts[0]!, source: { articleId: 'call', start: 300, end: 340 } }],
    };
    const actions = renderCard({ status: 'ready', view: v });
    const first = document.querySelector('.facts li')!;
    const citations = [...first.querySelectorAll('a.source')];
    expect(citations.map((a) => a.textContent)).toEqual(['1', '1']);
    fireEvent.click(citations[1]!);
    expect(actions.onOpenSource).toHaveBeenLastCalledWith(
      { articleId: 'call', start: 300, end: 340 },
      'bundled',
    );
  });

  it('renders text that looks like HTML as text', () => {
    renderCard({
      status: 'ready',
      view: view({
        facts: [
          {
            text: '<img src=x onerror=alert(1)>Hi',
            source: { articleId: 'call', start: 0, end: 5 },
            score: 1,
            packId: 'bundled',
          },
        ],
      }),
    });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>Hi')).toBeTruthy();
  });

  it('offers pin and close as labelled buttons', () => {
    const actions = renderCard({ status: 'ready', view: view() });
    fireEvent.click(screen.getByRole('button', { name: 'card_pin' }));
    fireEvent.click(screen.getByRole('button', { name: 'card_close' }));
    expect(actions.onTogglePin).toHaveBeenCalledOnce();
    expect(actions.onClose).toHaveBeenCalledOnce();
  });

  it('shows loading and error states with the page’s words as the title', () => {
    renderCard({ status: 'loading', entityId: 'wang-yi' });
    expect(screen.getByRole('status').textContent).toBe('card_loading');
    expect(screen.getByRole('dialog').getAttribute('aria-busy')).toBe('true');
  });
});

describe('BriefingSummary', () => {
  const renderSummary = (v: BriefingView) => {
    const onOpenSource = vi.fn();
    render(
      <BriefingSummary
        view={v}
        uiLanguage="en"
        t={t}
        open={false}
        onToggle={() => undefined}
        onOpenSource={onOpenSource}
      />,
    );
    return onOpenSource;
  };

  it('gives the best sentence with its article and date, and opens the sentence', () => {
    const onOpenSource = renderSummary(view());
    const source = document.querySelector('.summary a.source')!;
    expect(source.textContent).toBe('The phone call · Oct 28, 2025');
    fireEvent.click(source);
    expect(onOpenSource).toHaveBeenCalledWith(view().briefing.facts[0]!.source, 'bundled');
  });

  it('marks each line with the language of the article it quotes', () => {
    const v = view();
    v.articles[0] = { ...v.articles[0]!, language: 'ko' };
    renderSummary(v);
    expect(document.querySelector('.summary .role strong')!.getAttribute('lang')).toBe('ko');
    expect(document.querySelector('.summary .fact-text')!.getAttribute('lang')).toBe('ko');
    expect(document.querySelector('.summary .latest-text')!.getAttribute('lang')).toBe('ko');
  });

  it('names the imported pack a sentence comes from', () => {
    const v = view();
    v.packs = [
      { id: 'bundled', title: 'Bundled', bundled: true },
      { id: 'notes', title: 'My notes', bundled: false },
    ];
    v.briefing.facts[0] = { ...v.briefing.facts[0]!, packId: 'notes' };
    v.articles.push({ packId: 'notes', id: 'call', title: 'My call notes', date: '2025-10-29' });
    renderSummary(v);
    expect(document.querySelector('.summary a.source')!.textContent).toBe(
      'My call notes · card_fromPack(My notes) · Oct 29, 2025',
    );
  });
});
