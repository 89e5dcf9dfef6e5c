// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Popup } from '../../../entrypoints/popup/Popup';
import { createLocalClient, type Handlers } from '../../../lib/messaging';
import type {
  EntitySummary,
  PageMentions,
  ToBackground,
  ToContent,
} from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';

afterEach(cleanup);

const t = (key: string, subs?: string | string[]) =>
  subs ? `${key}(${[subs].flat().join(',')})` : key;

const ENTITIES: EntitySummary[] = [
  {
    id: 'wang-yi',
    kind: 'person',
    name: 'Wang Yi',
    names: { ko: '왕이' },
    topics: ['china-japan'],
  },
  {
    id: 'toshimitsu-motegi',
    kind: 'person',
    name: 'Toshimitsu Motegi',
    names: { ko: '모테기 도시미쓰' },
    topics: ['china-japan'],
  },
  { id: 'gyeongju', kind: 'place', name: 'Gyeongju', topics: ['apec'] },
];

function background(
  overrides: Partial<Handlers<ToBackground>> = {},
): ReturnType<typeof createLocalClient<ToBackground>> {
  const handlers: Partial<Handlers<ToBackground>> = {
    getEntities: ({ ids }) => ENTITIES.filter((e) => ids.includes(e.id)),
    listTopics: () => [
      {
        id: 'china-japan',
        name: { en: 'China–Japan relations' },
        color: '#f00',
        entityCount: 2,
        packIds: ['bundled'],
      },
      {
        id: 'apec',
        name: { en: 'APEC 2025' },
        color: '#0f0',
        entityCount: 1,
        packIds: ['bundled'],
      },
    ],
    searchEntities: ({ query }) =>
      ENTITIES.filter((e) =>
        [e.name, ...Object.values(e.names ?? {})].some((n) => n.startsWith(query)),
      ).map((e) => ({
        ...e,
        packId: 'bundled',
        matched: e.name,
        exact: false,
      })),
    openPage: () => true,
    ...overrides,
  };
  return createLocalClient<ToBackground>(handlers as Handlers<ToBackground>);
}

function tab(page: PageMentions | Error | (() => PageMentions)) {
  const reveal = vi.fn(() => true);
  const asked = vi.fn(() => {
    if (page instanceof Error) throw page;
    return typeof page === 'function' ? page() : page;
  });
  const client = createLocalClient<ToContent>({
    getPageMentions: asked,
    revealMention: reveal,
    focusNextMention: () => true,
    getDiagnostics: () => {
      throw new Error('the popup never asks for diagnostics');
    },
    showFrameCard: () => {
      throw new Error('only frames relay cards');
    },
    hideFrameCard: () => {
      throw new Error('only frames relay cards');
    },
    frameCardEvent: () => {
      throw new Error('only frames relay cards');
    },
  });
  return { client, reveal, asked };
}

/** `page` is what the tab answers; a function answers under the settings stored at the time. */
function renderPopup(
  page: PageMentions | Error | null | ((stored: Settings) => PageMentions),
  settings: Settings = { ...DEFAULT_SETTINGS },
  handlers: Partial<Handlers<ToBackground>> = {},
) {
  let stored = settings;
  const update = vi.fn(async (change: (s: Settings) => Settings) => (stored = change(stored)));
  const watchers = new Set<(s: Settings) => void>();
  const unwatch = vi.fn();
  const { client, reveal, asked } = tab(
    page === null ? new Error('no tab') : typeof page === 'function' ? () => page(stored) : page,
  );
  render(
    <Popup
      background={background(handlers)}
      activeTab={async () => (page === null ? null : client)}
      loadSettings={async () => stored}
      updateSettings={update}
      watchSettings={(listener) => {
        watchers.add(listener);
        return () => {
          unwatch();
          watchers.delete(listener);
        };
      }}
      openOptions={() => undefined}
      t={t}
      uiLanguage="en"
    />,
  );
  /** what the options page (or another window) does: store, then tell the popup */
  const elsewhere = (change: (s: Settings) => Settings) => {
    stored = change(stored);
    act(() => watchers.forEach((listener) => listener(stored)));
  };
  return { update, reveal, asked, elsewhere, unwatch, watchers, stored: () => stored };
}

describe('Popup', () => {
  it('lists the entities found on the page with their counts, most mentioned first', async () => {
    renderPopup({
      hostname: 'news.example.com',
      active: true,
      entities: [
        { id: 'wang-yi', count: 5 },
        { id: 'gyeongju', count: 1 },
      ],
    });
    await waitFor(() => expect(document.querySelectorAll('[data-entity]')).toHaveLength(2));
    const rows = [...document.querySelectorAll<HTMLElement>('[data-entity]')];
    expect(rows.map((r) => r.dataset.entity)).toEqual(['wang-yi', 'gyeongju']);
    expect(rows[0]!.textContent).toContain('popup_mentions(5)');
    expect(rows[1]!.textContent).toContain('popup_mention');
  });

  it('counts the names of the tab’s other frames too, as the background has them', async () => {
    const { client } = tab({
      hostname: 'news.example.com',
      active: true,
      entities: [{ id: 'wang-yi', count: 1 }],
    });
    const frames = vi.fn(() => [
      { id: 'gyeongju', count: 4 },
      { id: 'wang-yi', count: 1 },
    ]);
    render(
      <Popup
        background={background({ getFrameMentions: frames })}
        activeTab={async () => Object.assign(client, { tabId: 12 })}
        loadSettings={async () => ({ ...DEFAULT_SETTINGS })}
        updateSettings={async (change) => change({ ...DEFAULT_SETTINGS })}
        watchSettings={() => () => undefined}
        openOptions={() => undefined}
        t={t}
        uiLanguage="en"
      />,
    );
    await waitFor(() => expect(document.querySelectorAll('[data-entity]')).toHaveLength(2));
    expect(frames).toHaveBeenCalledWith({ tabId: 12 }, expect.anything());
    const rows = [...document.querySelectorAll<HTMLElement>('[data-entity]')];
    // People first: Wang Yi (2 mentions) before Gyeongju.
    expect(rows.map((r) => r.dataset.entity)).toEqual(['wang-yi', 'gyeongju']);
    expect(rows[0]!.textContent).toContain('popup_mentions(2)');
  });

  it('filters by topic chip', async () => {
    renderPopup({
      hostname: 'example.com',
      active: true,
      entities: [
        { id: 'wang-yi', count: 5 },
        { id: 'gyeongju', count: 1 },
      ],
    });
    const chip = await screen.findByRole('button', { name: 'APEC 2025 1' });
    fireEvent.click(chip);
    await waitFor(() => expect(document.querySelectorAll('[data-entity]')).toHaveLength(1));
    expect(document.querySelector<HTMLElement>('[data-entity]')!.dataset.entity).toBe('gyeongju');
  });

  it('says so honestly when the page mentions nothing', async () => {
    renderPopup({ hostname: 'example.com', active: true, entities: [] });
    expect(await screen.findByText('popup_noMentions')).toBeTruthy();
  });

  it('says so honestly where no content script answers (browser pages, the web store)', async () => {
    renderPopup(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await screen.findByText('popup_unavailable')).toBeTruthy();
  });

  it('says so honestly where there is no tab', async () => {
    renderPopup(null);
    expect(await screen.findByText('popup_unavailable')).toBeTruthy();
  });

  it('finds an entity by any alias as the reader types', async () => {
    renderPopup({ hostname: 'example.com', active: true, entities: [] });
    const box = await screen.findByRole('searchbox');
    fireEvent.input(box, { target: { value: '모테기' } });
    await waitFor(() =>
      expect(document.querySelector<HTMLElement>('[data-entity]')?.dataset.entity).toBe(
        'toshimitsu-motegi',
      ),
    );
  });

  it('pauses and resumes the site, remembered in the settings', async () => {
    const { stored } = renderPopup({ hostname: 'www.example.com', active: true, entities: [] });
    const box = await screen.findByRole('switch', { name: /popup_pauseSite\(example.com\)/ });
    fireEvent.click(box);
    await waitFor(() => expect(stored().pausedSites).toEqual(['example.com']));
    fireEvent.click(box);
    await waitFor(() => expect(stored().pausedSites).toEqual([]));
  });

  it('shows on the page where a name is', async () => {
    const { reveal } = renderPopup({
      hostname: 'example.com',
      active: true,
      entities: [{ id: 'wang-yi', count: 2 }],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'popup_showOnPage: Wang Yi' }));
    await waitFor(() =>
      expect(reveal).toHaveBeenCalledWith({ entityId: 'wang-yi' }, expect.anything()),
    );
  });
});

describe('Popup, more', () => {
  it('orders by mentions, then by name, whatever order the page gives', async () => {
    renderPopup({
      hostname: 'example.com',
      active: true,
      entities: [
        { id: 'gyeongju', count: 1 },
        { id: 'wang-yi', count: 3 },
        { id: 'toshimitsu-motegi', count: 3 },
      ],
    });
    await waitFor(() => expect(document.querySelectorAll('[data-entity]')).toHaveLength(3));
    expect(
      [...document.querySelectorAll<HTMLElement>('[data-entity]')].map((r) => r.dataset.entity),
    ).toEqual(['toshimitsu-motegi', 'wang-yi', 'gyeongju']);
  });

  it('says the site is paused, and lists nothing', async () => {
    renderPopup(
      { hostname: 'example.com', active: false, entities: [{ id: 'wang-yi', count: 2 }] },
      { ...DEFAULT_SETTINGS, pausedSites: ['example.com'] },
    );
    expect(await screen.findByText('popup_paused')).toBeTruthy();
    expect(document.querySelectorAll('[data-entity]')).toHaveLength(0);
    expect(
      (await screen.findByRole<HTMLInputElement>('switch', { name: /popup_pauseSite/ })).checked,
    ).toBe(true);
  });

  it('asks the page again once everything is paused, and says so', async () => {
    const { asked, stored } = renderPopup((settings) => ({
      hostname: 'example.com',
      active: !settings.paused,
      entities: [{ id: 'wang-yi', count: 2 }],
    }));
    await waitFor(() => expect(document.querySelectorAll('[data-entity]')).toHaveLength(1));
    fireEvent.click(await screen.findByRole('switch', { name: 'popup_pauseAll' }));
    expect(await screen.findByText('popup_pausedAll')).toBeTruthy();
    expect(stored().paused).toBe(true);
    expect(asked).toHaveBeenCalledTimes(2);
    expect(document.querySelectorAll('[data-entity]')).toHaveLength(0);
  });

  it('follows settings changed elsewhere, and asks the page again', async () => {
    const { asked, elsewhere } = renderPopup({
      hostname: 'example.com',
      active: true,
      entities: [
        { id: 'wang-yi', count: 5 },
        { id: 'gyeongju', count: 1 },
      ],
    });
    await waitFor(() => expect(document.querySelectorAll('[data-entity]')).toHaveLength(2));
    await screen.findByRole('switch', { name: 'popup_pauseAll' });
    expect(asked).toHaveBeenCalledTimes(1);
    elsewhere((s) => ({ ...s, disabledTopics: ['apec'], paused: true }));
    expect(document.querySelector('[data-entity="gyeongju"]')!.classList).toContain('is-hidden');
    expect(document.querySelector('[data-entity="wang-yi"]')!.classList).not.toContain('is-hidden');
    expect(screen.getByRole<HTMLInputElement>('switch', { name: 'popup_pauseAll' }).checked).toBe(
      true,
    );
    await waitFor(() => expect(asked).toHaveBeenCalledTimes(2));
  });

  it('stops following the settings when it closes', async () => {
    const { unwatch, watchers } = renderPopup({
      hostname: 'example.com',
      active: true,
      entities: [],
    });
    await screen.findByText('popup_noMentions');
    expect(watchers.size).toBe(1);
    cleanup();
    expect(unwatch).toHaveBeenCalledTimes(1);
    expect(watchers.size).toBe(0);
  });

  it('opens the first result’s briefing on Enter, and closes', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const openPage = vi.fn(() => true);
    renderPopup({ hostname: 'example.com', active: true, entities: [] }, undefined, { openPage });
    const box = await screen.findByRole('searchbox');
    fireEvent.input(box, { target: { value: 'Wang' } });
    await waitFor(() => expect(document.querySelector('[data-entity="wang-yi"]')).toBeTruthy());
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    expect(openPage).toHaveBeenCalledWith({ page: 'briefing', hash: 'wang-yi' }, expect.anything());
  });

  it('keeps the chosen topic through a search', async () => {
    renderPopup({
      hostname: 'example.com',
      active: true,
      entities: [
        { id: 'wang-yi', count: 5 },
        { id: 'gyeongju', count: 1 },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'APEC 2025 1' }));
    const box = screen.getByRole('searchbox');
    fireEvent.input(box, { target: { value: 'Wang' } });
    await screen.findByText('Wang Yi');
    await waitFor(() => expect(document.querySelector('.topics')).toBeNull());
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('.topics')).toBeTruthy());
    expect(
      [...document.querySelectorAll<HTMLElement>('[data-entity]')].map((r) => r.dataset.entity),
    ).toEqual(['gyeongju']);
    expect(screen.getByRole('button', { name: 'APEC 2025 1' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });
});
