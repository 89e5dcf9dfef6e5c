// @vitest-environment happy-dom
/**
 * The popup's parts on their own: the rows, the header, the search box and
 * its results, the page's list with its chips, the pause switches, and the
 * hooks that load what they show.
 */
import type { BriefingView } from '../../../core/views';
import { useBriefings, type Briefings } from '../../../components/page-list/use-briefings';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRef } from 'preact';
import {
  act,
  cleanup,
  fireEvent,
  render,
  renderHook,
  screen,
  waitFor,
} from '@testing-library/preact';
import { EntityRow } from '../../../components/page-list/EntityRow';
import { PageHeader } from '../../../components/page-list/PageHeader';
import { SearchBox } from '../../../entrypoints/popup/SearchBox';
import { SearchResults } from '../../../entrypoints/popup/SearchResults';
import { PageEntities } from '../../../components/page-list/PageEntities';
import { PauseSwitches } from '../../../entrypoints/popup/PauseSwitches';
import { usePageMentions, type PageState } from '../../../components/page-list/use-page-mentions';
import { usePageRows } from '../../../components/page-list/use-page-rows';
import { useSearch, type Search, type SearchHit } from '../../../entrypoints/popup/use-search';
import { useTopics } from '../../../components/page-list/use-topics';
import { createLocalClient, type Client, type Handlers } from '../../../lib/messaging';
import type {
  EntitySummary,
  PageMentions,
  ToBackground,
  ToContent,
} from '../../../lib/messaging/protocol';
import type { TopicSummary } from '../../../core/views';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';

afterEach(cleanup);

const t = (key: string, subs?: string | string[]) =>
  subs ? `${key}(${[subs].flat().join(',')})` : key;

const WANG: EntitySummary = {
  id: 'wang-yi',
  kind: 'person',
  name: 'Wang Yi',
  names: { ko: '왕이' },
  topics: ['china-japan'],
};
const MOTEGI: EntitySummary = {
  id: 'toshimitsu-motegi',
  kind: 'person',
  name: 'Toshimitsu Motegi',
  names: { ko: '모테기 도시미쓰' },
  topics: ['china-japan', 'apec'],
};
const GYEONGJU: EntitySummary = {
  id: 'gyeongju',
  kind: 'place',
  name: 'Gyeongju',
  topics: ['apec'],
};
const ENTITIES = [WANG, MOTEGI, GYEONGJU];

const TOPICS: TopicSummary[] = [
  {
    id: 'china-japan',
    name: { en: 'China–Japan relations' },
    color: '#f00',
    entityCount: 2,
    packIds: [],
  },
  { id: 'apec', name: { en: 'APEC 2025' }, color: '#0f0', entityCount: 1, packIds: [] },
  { id: 'unused', name: { en: 'Unused' }, color: '#00f', entityCount: 4, packIds: [] },
];

function background(handlers: Partial<Handlers<ToBackground>> = {}): Client<ToBackground> {
  return createLocalClient<ToBackground>({
    getEntities: ({ ids }) => ENTITIES.filter((e) => ids.includes(e.id)),
    listTopics: () => TOPICS,
    ...handlers,
  } as Handlers<ToBackground>);
}

function tabAnswering(answer: () => PageMentions): Client<ToContent> {
  return createLocalClient<ToContent>({
    getPageMentions: answer,
  } as Partial<Handlers<ToContent>> as Handlers<ToContent>);
}

const ready = (page: PageMentions, entities: EntitySummary[] = ENTITIES): PageState => ({
  status: 'ready',
  page,
  entities: new Map(entities.map((e) => [e.id, e])),
  briefings: new Map(),
});

describe('EntityRow', () => {
  it('shows the name in the UI language, the kind and the name as written elsewhere', () => {
    const onOpen = vi.fn();
    render(<EntityRow entity={WANG} count={1} uiLanguage="ko" t={t} onOpen={onOpen} />);
    const row = document.querySelector('[data-entity="wang-yi"]')!;
    expect(row.querySelector('.name')!.textContent).toBe('왕이');
    expect(row.querySelector('.sub')!.textContent).toBe('kind_person · Wang Yi');
    expect(row.querySelector('[data-count="1"]')!.textContent).toContain('popup_mention');
    fireEvent.click(row.querySelector('.entity-main')!);
    expect(onOpen).toHaveBeenCalledWith('wang-yi');
  });

  it('names the alias a search matched', () => {
    render(
      <EntityRow
        entity={MOTEGI}
        matched="茂木敏充"
        uiLanguage="en"
        t={t}
        onOpen={() => undefined}
      />,
    );
    expect(document.querySelector('.sub')!.textContent).toBe('kind_person · 茂木敏充');
    expect(document.querySelector('[data-count]')).toBeNull();
  });

  it('marks a name that is not highlighted, and offers no way to show it', () => {
    const onReveal = vi.fn();
    const { rerender } = render(
      <EntityRow
        entity={GYEONGJU}
        count={4}
        hidden
        uiLanguage="en"
        t={t}
        onOpen={() => undefined}
        onReveal={onReveal}
      />,
    );
    const row = document.querySelector('[data-entity="gyeongju"]')!;
    expect(row.classList.contains('is-hidden')).toBe(true);
    expect(row.textContent).toContain('popup_notHighlighted');
    expect(screen.queryByRole('button', { name: /popup_showOnPage/ })).toBeNull();

    rerender(
      <EntityRow
        entity={GYEONGJU}
        count={4}
        uiLanguage="en"
        t={t}
        onOpen={() => undefined}
        onReveal={onReveal}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'popup_showOnPage: Gyeongju' }));
    expect(onReveal).toHaveBeenCalledTimes(1);
  });
});

describe('PageHeader', () => {
  it('names the site and opens the options', () => {
    const openOptions = vi.fn();
    render(<PageHeader hostname="example.com" openOptions={openOptions} t={t} />);
    expect(document.querySelector('h1 .host')!.textContent).toBe('example.com');
    fireEvent.click(screen.getByRole('button', { name: 'popup_options' }));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('names no site where there is none', () => {
    render(<PageHeader hostname="" openOptions={() => undefined} t={t} />);
    expect(document.querySelector('h1')!.textContent).toBe('popup_title');
  });

  it('names the extension, not “this page”, where extensions cannot run', () => {
    render(<PageHeader hostname="" available={false} openOptions={() => undefined} t={t} />);
    expect(document.querySelector('h1')!.textContent).toBe('extensionName');
  });

  it('holds the surface’s own buttons before the options', () => {
    render(
      <PageHeader hostname="" openOptions={() => undefined} t={t}>
        <button type="button">panel</button>
      </PageHeader>,
    );
    expect([...document.querySelectorAll('header button')].map((b) => b.textContent)).toEqual([
      'panel',
      '',
    ]);
  });
});

describe('SearchBox', () => {
  function renderBox(search: Partial<Search>) {
    const setQuery = vi.fn();
    const onOpen = vi.fn();
    const list = createRef<HTMLUListElement>();
    render(
      <>
        <SearchBox
          search={{ query: '', results: null, setQuery, ...search }}
          list={list}
          onOpen={onOpen}
          t={t}
        />
        <ul ref={list}>
          <li>
            <button class="entity-main">first</button>
          </li>
          <li>
            <button class="entity-main">second</button>
          </li>
        </ul>
      </>,
    );
    return { setQuery, onOpen, box: screen.getByRole('searchbox') };
  }

  it('passes on what is typed', () => {
    const { setQuery, box } = renderBox({});
    fireEvent.input(box, { target: { value: 'Wang' } });
    expect(setQuery).toHaveBeenCalledWith('Wang');
  });

  it('opens the first result on Enter', () => {
    const { onOpen, box } = renderBox({ query: 'mo', results: [MOTEGI, WANG] });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('toshimitsu-motegi');
  });

  it('empties itself on Escape, and goes down to the first row', () => {
    const { setQuery, box } = renderBox({ query: 'mo', results: [] });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(setQuery).toHaveBeenCalledWith('');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('first');
  });
});

describe('SearchResults', () => {
  it('lists what was found, and moves between the rows with the arrow keys', () => {
    const list = createRef<HTMLUListElement>();
    const hits: SearchHit[] = [{ ...MOTEGI, matched: '모테기' }, WANG];
    render(
      <SearchResults results={hits} list={list} onOpen={() => undefined} t={t} uiLanguage="en" />,
    );
    const rows = [...document.querySelectorAll<HTMLElement>('.entity-main')];
    expect(document.querySelector('section')!.getAttribute('aria-live')).toBe('polite');
    expect(rows[0]!.textContent).toContain('모테기');
    rows[0]!.focus();
    fireEvent.keyDown(list.current!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(list.current!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(list.current!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(rows[0]);
  });

  it('says when nothing was found', () => {
    render(
      <SearchResults
        results={[]}
        list={createRef()}
        onOpen={() => undefined}
        t={t}
        uiLanguage="en"
      />,
    );
    expect(screen.getByText('popup_noResults')).toBeTruthy();
    expect(document.querySelector('ul')).toBeNull();
  });
});

describe('PageEntities', () => {
  const PAGE: PageMentions = {
    hostname: 'example.com',
    active: true,
    entities: [
      { id: 'wang-yi', count: 2 },
      { id: 'toshimitsu-motegi', count: 5 },
      { id: 'gyeongju', count: 1 },
    ],
  };

  /** The list with the rows the popup would derive for `page`. */
  function renderList(
    page: PageState,
    settings: Settings | null = { ...DEFAULT_SETTINGS },
    briefings: Briefings = new Map(),
  ) {
    const onReveal = vi.fn();
    const onOpenSource = vi.fn();
    function List() {
      const rows = usePageRows(page, TOPICS, 'en');
      return (
        <PageEntities
          page={page}
          settings={settings}
          rows={rows}
          list={createRef()}
          onOpen={() => undefined}
          onReveal={onReveal}
          briefings={briefings}
          onOpenSource={onOpenSource}
          t={t}
          uiLanguage="en"
        />
      );
    }
    render(<List />);
    return {
      onReveal,
      onOpenSource,
      ids: () =>
        [...document.querySelectorAll<HTMLElement>('[data-entity]')].map((e) => e.dataset.entity),
    };
  }

  it('shows each entity’s briefing in a few lines: role, best fact with its source, latest event', () => {
    const briefing = (id: string, name: string, fact: string): BriefingView => ({
      entity: { id, kind: 'person', name, aliases: {}, topics: [] },
      packIds: ['bundled'],
      briefing: {
        entityId: id,
        role: {
          text: 'Foreign Minister',
          source: { articleId: 'call', start: 0, end: 9 },
          packId: 'bundled',
        },
        facts: [
          {
            text: fact,
            source: { articleId: 'call', start: 10, end: 40 },
            score: 1,
            packId: 'bundled',
          },
        ],
        timeline: [
          {
            date: '2025-10-28',
            dateText: 'October 28, 2025',
            text: 'The call.',
            source: { articleId: 'call', start: 0, end: 9 },
            packId: 'bundled',
          },
        ],
        related: [],
        articles: ['call'],
        mentionCount: 1,
      },
      articles: [{ packId: 'bundled', id: 'call', title: 'The phone call', date: '2025-10-28' }],
      relatedEntities: [],
    });
    // Every fact counts as cut (the test DOM has no layout): each offers its whole sentence.
    const height = vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(90);
    const client = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(60);
    const { onOpenSource } = renderList(
      ready({
        hostname: 'example.com',
        active: true,
        entities: [
          { id: 'wang-yi', count: 3 },
          { id: 'toshimitsu-motegi', count: 1 },
        ],
      }),
      { ...DEFAULT_SETTINGS },
      new Map([
        ['wang-yi', briefing('wang-yi', 'Wang Yi', 'Wang Yi called Motegi.')],
        [
          'toshimitsu-motegi',
          briefing('toshimitsu-motegi', 'Toshimitsu Motegi', 'Motegi answered.'),
        ],
      ]),
    );
    const summaries = [...document.querySelectorAll('.summary')];
    expect(summaries.map((el) => el.querySelector('.fact-text')!.textContent)).toEqual([
      'Wang Yi called Motegi.',
      'Motegi answered.',
    ]);
    expect(summaries[0]!.querySelector('.role')!.textContent).toBe(
      'Foreign Ministercard_asOf(Oct 28, 2025)',
    );
    expect(summaries[0]!.querySelector('.latest')!.textContent).toBe('Oct 28, 2025 The call.');
    fireEvent.click(summaries[0]!.querySelector('a.source')!);
    expect(onOpenSource).toHaveBeenCalledWith({ articleId: 'call', start: 10, end: 40 }, 'bundled');
    // One whole sentence at a time.
    const [first, second] = screen.getAllByRole('button', { name: 'card_wholeSentence' });
    fireEvent.click(first!);
    expect(first!.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(second!);
    expect(second!.getAttribute('aria-expanded')).toBe('true');
    expect(first!.getAttribute('aria-expanded')).toBe('false');
    height.mockRestore();
    client.mockRestore();
  });

  it('is busy while the tab is asked', () => {
    renderList({ status: 'loading' });
    expect(document.querySelector('section')!.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('popup_loading')).toBeTruthy();
  });

  it('says where no page can answer', () => {
    renderList({ status: 'unavailable' });
    expect(document.querySelector('section')!.getAttribute('aria-busy')).toBe('false');
    expect(document.querySelector('[data-state="unavailable"]')).toBeTruthy();
  });

  it('says whether the site or everything is paused', () => {
    const paused = ready({ ...PAGE, active: false });
    renderList(paused);
    expect(screen.getByText('popup_paused')).toBeTruthy();
    expect(document.querySelectorAll('[data-entity]')).toHaveLength(0);
    cleanup();
    renderList(paused, { ...DEFAULT_SETTINGS, paused: true });
    expect(screen.getByText('popup_pausedAll')).toBeTruthy();
  });

  it('filters by a topic chip, and shows all again when it is pressed again', () => {
    const { ids } = renderList(ready(PAGE));
    expect(ids()).toEqual(['toshimitsu-motegi', 'wang-yi', 'gyeongju']);
    const chips = [...document.querySelectorAll<HTMLElement>('.chip')];
    // "all" and the two topics on the page, not the unused one
    expect(chips.map((c) => c.dataset.topic ?? 'all')).toEqual(['all', 'china-japan', 'apec']);
    expect(chips[0]!.textContent).toBe('popup_allTopics 3');

    const apec = screen.getByRole('button', { name: 'APEC 2025 2' });
    fireEvent.click(apec);
    expect(ids()).toEqual(['toshimitsu-motegi', 'gyeongju']);
    expect(apec.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(apec);
    expect(ids()).toEqual(['toshimitsu-motegi', 'wang-yi', 'gyeongju']);
  });

  it('is one Tab stop, the arrow keys, Home and End moving between chips', () => {
    renderList(ready(PAGE));
    const chips = [...document.querySelectorAll<HTMLElement>('.chip')];
    expect(chips.map((c) => c.tabIndex)).toEqual([0, -1, -1]);
    chips[0]!.focus();
    const key = (k: string) => fireEvent.keyDown(document.activeElement!, { key: k });
    key('ArrowRight');
    expect(document.activeElement).toBe(chips[1]);
    key('End');
    expect(document.activeElement).toBe(chips[2]);
    key('ArrowRight');
    expect(document.activeElement).toBe(chips[0]);
    key('ArrowLeft');
    expect(document.activeElement).toBe(chips[2]);
    key('Home');
    expect(document.activeElement).toBe(chips[0]);
    // The pressed chip is the row's Tab stop.
    fireEvent.click(chips[2]!);
    expect(chips.map((c) => c.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('shows no chips when the page has one topic only', () => {
    renderList(ready({ ...PAGE, entities: [{ id: 'wang-yi', count: 1 }] }));
    expect(document.querySelector('.topics')).toBeNull();
  });

  it('marks names the settings do not highlight, and shows the others on the page', () => {
    const { onReveal } = renderList(ready(PAGE), { ...DEFAULT_SETTINGS, disabledKinds: ['place'] });
    expect(
      document.querySelector('[data-entity="gyeongju"]')!.classList.contains('is-hidden'),
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'popup_showOnPage: Wang Yi' }));
    expect(onReveal).toHaveBeenCalledWith('wang-yi');
  });
});

describe('PauseSwitches', () => {
  function renderSwitches(hostname: string, initial: Partial<Settings> = {}) {
    let stored: Settings = { ...DEFAULT_SETTINGS, ...initial };
    const change = vi.fn(async (update: (s: Settings) => Settings) => (stored = update(stored)));
    const onChanged = vi.fn();
    const { rerender } = render(
      <PauseSwitches
        settings={stored}
        hostname={hostname}
        change={change}
        onChanged={onChanged}
        t={t}
      />,
    );
    const update = () =>
      rerender(
        <PauseSwitches
          settings={stored}
          hostname={hostname}
          change={change}
          onChanged={onChanged}
          t={t}
        />,
      );
    return { stored: () => stored, onChanged, update };
  }

  it('offers no site switch where there is no site', () => {
    renderSwitches('');
    expect(document.querySelector('[data-pause="site"]')).toBeNull();
    expect(document.querySelector('[data-pause="all"]')).toBeTruthy();
  });

  it('shows a parent domain’s pause as such, and resumes it from here', async () => {
    const { stored, onChanged, update } = renderSwitches('news.example.com', {
      pausedSites: ['example.com', 'other.org'],
    });
    const site = screen.getByRole('switch', { name: 'popup_pauseParentSite(example.com)' });
    expect((site as HTMLInputElement).checked).toBe(true);
    fireEvent.click(site);
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(stored().pausedSites).toEqual(['other.org']);
    update();
    const resumed = screen.getByRole('switch', { name: 'popup_pauseSite(news.example.com)' });
    expect((resumed as HTMLInputElement).checked).toBe(false);
  });

  it('pauses the site and resumes it, then says the change is stored', async () => {
    const { stored, onChanged, update } = renderSwitches('example.com', {
      pausedSites: ['other.org'],
    });
    const site = screen.getByRole('switch', { name: 'popup_pauseSite(example.com)' });
    expect((site as HTMLInputElement).checked).toBe(false);
    fireEvent.click(site);
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(stored().pausedSites).toEqual(['other.org', 'example.com']);

    update();
    expect((site as HTMLInputElement).checked).toBe(true);
    fireEvent.click(site);
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(stored().pausedSites).toEqual(['other.org']);
  });

  it('pauses everywhere', async () => {
    const { stored, onChanged } = renderSwitches('example.com');
    fireEvent.click(screen.getByRole('switch', { name: 'popup_pauseAll' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(stored().paused).toBe(true);
  });
});

describe('useBriefings', () => {
  const view = (id: string) => ({ entity: { id } }) as unknown as BriefingView;

  it('asks for the listed briefings in one message, and later only for names the list gains', async () => {
    const getBriefings = vi.fn(({ entityIds }: { entityIds: string[] }) =>
      entityIds.map((id) => (id === 'nobody' ? null : view(id))),
    );
    const client = background({ getBriefings });
    const { result, rerender } = renderHook(({ ids }) => useBriefings(client, ids), {
      initialProps: { ids: ['wang-yi', 'nobody'] },
    });
    await waitFor(() => expect(result.current.size).toBe(2));
    expect(result.current.get('wang-yi')).toEqual(view('wang-yi'));
    expect(result.current.get('nobody')).toBeNull();
    rerender({ ids: ['wang-yi', 'nobody', 'xi-jinping'] });
    await waitFor(() => expect(result.current.size).toBe(3));
    expect(getBriefings.mock.calls.map(([r]) => r.entityIds)).toEqual([
      ['wang-yi', 'nobody'],
      ['xi-jinping'],
    ]);
  });

  it('asks only for the briefings it was not given', async () => {
    const getBriefings = vi.fn(({ entityIds }: { entityIds: string[] }) => entityIds.map(view));
    const client = background({ getBriefings });
    const known = new Map([['wang-yi', view('wang-yi')]]);
    const { result } = renderHook(() => useBriefings(client, ['wang-yi', 'xi-jinping'], known));
    await waitFor(() => expect(result.current.size).toBe(2));
    expect(getBriefings.mock.calls.map(([r]) => r.entityIds)).toEqual([['xi-jinping']]);
  });

  it('shows no briefing where the background cannot answer', async () => {
    const client = background({
      getBriefings: () => {
        throw new Error('the database is closed');
      },
    });
    const { result } = renderHook(() => useBriefings(client, ['wang-yi']));
    await waitFor(() => expect(result.current.get('wang-yi')).toBeNull());
  });
});

describe('usePageMentions', () => {
  it('is unavailable where there is no tab, or the tab cannot be found', async () => {
    const none = renderHook(() => usePageMentions(async () => null, background()));
    expect(none.result.current.page.status).toBe('loading');
    await waitFor(() => expect(none.result.current.page.status).toBe('unavailable'));
    const failing = renderHook(() =>
      usePageMentions(() => Promise.reject(new Error('no window')), background()),
    );
    await waitFor(() => expect(failing.result.current.page.status).toBe('unavailable'));
    expect(failing.result.current.tab).toBeNull();
  });

  it('is unavailable where no content script answers', async () => {
    const tab = tabAnswering(() => {
      throw new Error('Receiving end does not exist.');
    });
    const { result } = renderHook(() => usePageMentions(async () => tab, background()));
    await waitFor(() => expect(result.current.page.status).toBe('unavailable'));
    expect(result.current.tab).toBe(tab);
  });

  it('has the page’s mentions with the summaries of their entities', async () => {
    const getEntities = vi.fn(({ ids }: { ids: string[] }) =>
      ENTITIES.filter((e) => ids.includes(e.id)),
    );
    const tab = tabAnswering(() => ({
      hostname: 'example.com',
      active: true,
      entities: [{ id: 'wang-yi', count: 2 }],
    }));
    const { result } = renderHook(() =>
      usePageMentions(async () => tab, background({ getEntities })),
    );
    await waitFor(() => expect(result.current.page.status).toBe('ready'));
    const page = result.current.page as Extract<PageState, { status: 'ready' }>;
    expect(page.page.hostname).toBe('example.com');
    expect([...page.entities.keys()]).toEqual(['wang-yi']);
    expect(getEntities).toHaveBeenCalledWith({ ids: ['wang-yi'] }, expect.anything());
  });

  it('has their briefings too, asked together with the summaries', async () => {
    const view = { entity: { id: 'wang-yi' } } as unknown as BriefingView;
    const getBriefings = vi.fn(() => [view]);
    const tab = tabAnswering(() => ({
      hostname: 'example.com',
      active: true,
      entities: [{ id: 'wang-yi', count: 2 }],
    }));
    const { result } = renderHook(() =>
      usePageMentions(async () => tab, background({ getBriefings })),
    );
    await waitFor(() => expect(result.current.page.status).toBe('ready'));
    const page = result.current.page as Extract<PageState, { status: 'ready' }>;
    expect(page.briefings.get('wang-yi')).toEqual(view);
    expect(getBriefings).toHaveBeenCalledWith({ entityIds: ['wang-yi'] }, expect.anything());
  });

  it('asks the background nothing for a page without names', async () => {
    const getEntities = vi.fn(() => []);
    const tab = tabAnswering(() => ({ hostname: 'example.com', active: true, entities: [] }));
    const { result } = renderHook(() =>
      usePageMentions(async () => tab, background({ getEntities })),
    );
    await waitFor(() => expect(result.current.page.status).toBe('ready'));
    expect(getEntities).not.toHaveBeenCalled();
  });

  it('asks the tab again when told to', async () => {
    let active = true;
    const answer = vi.fn(() => ({ hostname: 'example.com', active, entities: [] }));
    const tab = tabAnswering(answer);
    const { result } = renderHook(() => usePageMentions(async () => tab, background()));
    await waitFor(() => expect(result.current.page.status).toBe('ready'));
    active = false;
    act(() => result.current.refreshActiveTab());
    await waitFor(() =>
      expect((result.current.page as Extract<PageState, { status: 'ready' }>).page.active).toBe(
        false,
      ),
    );
    active = true;
    await act(() => result.current.refresh(result.current.tab));
    expect((result.current.page as Extract<PageState, { status: 'ready' }>).page.active).toBe(true);
    expect(answer).toHaveBeenCalledTimes(3);
  });
});

describe('usePageRows', () => {
  it('orders people first, then by mentions and name, and drops what the background does not know', () => {
    const page = ready({
      hostname: 'example.com',
      active: true,
      entities: [
        { id: 'gyeongju', count: 3 },
        { id: 'unknown', count: 9 },
        { id: 'wang-yi', count: 3 },
        { id: 'toshimitsu-motegi', count: 1 },
      ],
    });
    const { result } = renderHook(() => usePageRows(page, TOPICS, 'en'));
    expect(result.current.onPage.map((r) => [r.id, r.label])).toEqual([
      ['wang-yi', 'Wang Yi'],
      ['toshimitsu-motegi', 'Toshimitsu Motegi'],
      ['gyeongju', 'Gyeongju'],
    ]);
    expect(result.current.pageTopics.map((p) => [p.id, p.onPage])).toEqual([
      ['china-japan', 2],
      ['apec', 2],
    ]);
    act(() => result.current.setTopicFilter('china-japan'));
    expect(result.current.listed.map((r) => r.id)).toEqual(['wang-yi', 'toshimitsu-motegi']);
  });

  it('has no rows before the page answers', () => {
    const { result } = renderHook(() => usePageRows({ status: 'loading' }, TOPICS, 'en'));
    expect(result.current.onPage).toEqual([]);
    expect(result.current.pageTopics).toEqual([]);
  });
});

describe('useSearch', () => {
  it('sends one query per pause in typing, and has its results', async () => {
    const searchEntities = vi.fn(({ query }: { query: string }) =>
      ENTITIES.filter((e) => e.name.startsWith(query)),
    );
    const { result } = renderHook(() => useSearch(background({ searchEntities })));
    expect(result.current.results).toBeNull();
    act(() => result.current.setQuery('W'));
    act(() => result.current.setQuery('Wa'));
    act(() => result.current.setQuery(' Wang '));
    await waitFor(() => expect(result.current.results?.map((e) => e.id)).toEqual(['wang-yi']));
    expect(searchEntities).toHaveBeenCalledTimes(1);
    expect(searchEntities).toHaveBeenCalledWith({ query: 'Wang', limit: 12 }, expect.anything());
  });

  it('has no results, and asks nothing, for an empty box', async () => {
    const searchEntities = vi.fn(() => [WANG]);
    const { result } = renderHook(() => useSearch(background({ searchEntities })));
    act(() => result.current.setQuery('Wang'));
    await waitFor(() => expect(result.current.results).toHaveLength(1));
    act(() => result.current.setQuery('   '));
    expect(result.current.results).toBeNull();
    expect(result.current.query).toBe('   ');
    expect(searchEntities).toHaveBeenCalledTimes(1);
  });

  it('finds nothing when the background fails', async () => {
    const { result } = renderHook(() =>
      useSearch(
        background({
          searchEntities: () => {
            throw new Error('closed');
          },
        }),
      ),
    );
    act(() => result.current.setQuery('Wang'));
    await waitFor(() => expect(result.current.results).toEqual([]));
  });
});

describe('useTopics', () => {
  it('has the installed topics, or none when the background fails', async () => {
    const ok = renderHook(() => useTopics(background()));
    await waitFor(() =>
      expect(ok.result.current.map((t) => t.id)).toEqual(['china-japan', 'apec', 'unused']),
    );
    const listTopics = vi.fn(() => {
      throw new Error('closed');
    });
    const failing = renderHook(() => useTopics(background({ listTopics })));
    await waitFor(() => expect(listTopics).toHaveBeenCalledTimes(1));
    // The failure is caught (an unhandled rejection would fail the run) and leaves no topics.
    await act(async () => undefined);
    expect(failing.result.current).toEqual([]);
  });
});
