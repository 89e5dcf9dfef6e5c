// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
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

function background(): ReturnType<typeof createLocalClient<ToBackground>> {
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
  };
  return createLocalClient<ToBackground>(handlers as Handlers<ToBackground>);
}

function tab(page: PageMentions | Error) {
  const reveal = vi.fn(() => true);
  const client = createLocalClient<ToContent>({
    getPageMentions: () => {
      if (page instanceof Error) throw page;
      return page;
    },
    revealMention: reveal,
    focusNextMention: () => true,
    getDiagnostics: () => {
      throw new Error('the popup never asks for diagnostics');
    },
  });
  return { client, reveal };
}

function renderPopup(
  page: PageMentions | Error | null,
  settings: Settings = { ...DEFAULT_SETTINGS },
) {
  let stored = settings;
  const update = vi.fn(async (change: (s: Settings) => Settings) => (stored = change(stored)));
  const { client, reveal } = tab(page ?? new Error('no tab'));
  render(
    <Popup
      background={background()}
      activeTab={async () => (page === null ? null : client)}
      loadSettings={async () => stored}
      updateSettings={update}
      openOptions={() => undefined}
      t={t}
      uiLanguage="en"
    />,
  );
  return { update, reveal, stored: () => stored };
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
    await waitFor(() => expect(reveal).toHaveBeenCalledWith({ entityId: 'wang-yi' }, {}));
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
});
