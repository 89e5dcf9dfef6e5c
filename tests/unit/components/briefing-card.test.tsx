// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { BriefingCard, CARD_FACTS, type CardState } from '../../../components/BriefingCard';
import type { BriefingView } from '../../../core/views';

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

  it('shows the role and at most the card’s number of facts, each with its source', () => {
    const actions = renderCard({ status: 'ready', view: view() });
    expect(screen.getByText('Chinese Foreign Minister')).toBeTruthy();
    const facts = document.querySelectorAll('.facts li');
    expect(facts).toHaveLength(CARD_FACTS);
    const links = screen.getAllByRole('link', { name: 'The phone call' });
    expect(links.length).toBe(CARD_FACTS + 1);
    fireEvent.click(links[1]!);
    expect(actions.onOpenSource).toHaveBeenCalledWith(
      { articleId: 'call', start: 20, end: 30 },
      'bundled',
    );
  });

  it('says how many more facts the full briefing holds', () => {
    const actions = renderCard({ status: 'ready', view: view() });
    const open = screen.getByRole('button', { name: `card_openFullMore(${6 - CARD_FACTS})` });
    fireEvent.click(open);
    expect(actions.onOpenBriefing).toHaveBeenCalledWith('wang-yi');
  });

  it('shows the timeline with dates and related chips that switch the card', () => {
    const actions = renderCard({ status: 'ready', view: view() });
    expect(document.querySelector('time')?.getAttribute('datetime')).toBe('2025-10-28');
    fireEvent.click(screen.getByRole('button', { name: 'Toshimitsu Motegi' }));
    expect(actions.onSelectEntity).toHaveBeenCalledWith('toshimitsu-motegi');
  });

  it('names the imported pack a line comes from, and not the bundled one', () => {
    const v = view();
    v.packIds = ['bundled', 'notes'];
    v.packs = [
      { id: 'bundled', title: 'Bundled', bundled: true },
      { id: 'notes', title: 'My notes', bundled: false },
    ];
    v.briefing.facts[0] = { ...v.briefing.facts[0]!, packId: 'notes' };
    v.articles.push({ packId: 'notes', id: 'call', title: 'My call notes', date: '2025-10-29' });
    renderCard({ status: 'ready', view: v });
    const lines = [...document.querySelectorAll('.facts li')];
    expect(lines[0]!.querySelector('.source-pack')!.textContent).toBe(' · card_fromPack(My notes)');
    expect(lines[0]!.querySelector('a.source')!.textContent).toBe('My call notes');
    expect(lines[1]!.querySelector('.source-pack')).toBeNull();
    expect(document.querySelector('.role .source-pack, [data-pack="bundled"]')).toBeNull();
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
