// @vitest-environment happy-dom
/**
 * The options page's sections on their own: each is given the settings and a
 * `change`, and is proven by what it stores.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import {
  act,
  cleanup,
  fireEvent,
  render,
  renderHook,
  screen,
  waitFor,
} from '@testing-library/preact';
import { TopicsSection } from '../../../entrypoints/options/TopicsSection';
import { HighlightingSection } from '../../../entrypoints/options/HighlightingSection';
import {
  PausedSitesSection,
  useSitesDraft,
  type SitesDraft,
} from '../../../entrypoints/options/PausedSitesSection';
import { PacksSection, type Status } from '../../../entrypoints/options/PacksSection';
import { KeyboardSection } from '../../../entrypoints/options/KeyboardSection';
import { useCatalogue } from '../../../entrypoints/options/use-catalogue';
import { createLocalClient, type Handlers } from '../../../lib/messaging';
import type { Problem, ToBackground, LostPack } from '../../../lib/messaging/protocol';
import type { PackMeta, TopicSummary } from '../../../core/views';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';

afterEach(cleanup);

const t = (key: string, subs?: string | string[]) =>
  subs ? `${key}(${[subs].flat().join(',')})` : key;

/** Settings kept in memory, and the `change` a section is given. */
function settingsStore(initial: Partial<Settings> = {}) {
  let stored: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const change = vi.fn(async (update: (s: Settings) => Settings) => (stored = update(stored)));
  return { change, stored: () => stored, initial: stored };
}

const TOPICS: TopicSummary[] = [
  {
    id: 'china-japan',
    name: { en: 'China–Japan', ko: '중일 관계' },
    color: '#f00',
    entityCount: 6,
    packIds: [],
  },
  { id: 'apec', name: { en: 'APEC' }, color: '#0f0', entityCount: 10, packIds: [] },
];

const BUNDLED: PackMeta = {
  id: 'bundled',
  title: 'Northeast Asia',
  version: '1.0.0',
  compiledAt: '2025-10-28T00:00:00.000Z',
  importedAt: '2025-11-01T00:00:00.000Z',
  bundled: true,
  counts: { entities: 20 } as PackMeta['counts'],
  sizeBytes: 1000,
};
const IMPORTED: PackMeta = {
  ...BUNDLED,
  id: 'extra',
  title: 'Extra pack',
  version: '2.1.0',
  importedAt: '2025-11-03T00:00:00.000Z',
  bundled: false,
  counts: { entities: 3 } as PackMeta['counts'],
};

const checkbox = (selector: string) => document.querySelector<HTMLInputElement>(selector)!;

describe('TopicsSection', () => {
  it('switches a topic off, and on again, by its id', async () => {
    const { change, stored, initial } = settingsStore({ disabledTopics: ['apec'] });
    render(
      <TopicsSection settings={initial} change={change} t={t} topics={TOPICS} uiLanguage="ko" />,
    );
    expect(screen.getByText('중일 관계')).toBeTruthy();
    expect(checkbox('[data-topic="china-japan"]').checked).toBe(true);
    expect(checkbox('[data-topic="apec"]').checked).toBe(false);

    fireEvent.click(checkbox('[data-topic="china-japan"]'));
    await waitFor(() => expect(stored().disabledTopics).toEqual(['apec', 'china-japan']));
    fireEvent.click(checkbox('[data-topic="apec"]'));
    await waitFor(() => expect(stored().disabledTopics).toEqual(['china-japan']));
  });
});

describe('HighlightingSection', () => {
  it('switches an entity kind off', async () => {
    const { change, stored, initial } = settingsStore();
    render(<HighlightingSection settings={initial} change={change} t={t} />);
    expect(checkbox('[data-kind="place"]').checked).toBe(true);
    fireEvent.click(checkbox('[data-kind="place"]'));
    await waitFor(() => expect(stored().disabledKinds).toEqual(['place']));
  });

  it('stores the density, the style and the hover delay chosen', async () => {
    const { change, stored, initial } = settingsStore();
    render(<HighlightingSection settings={initial} change={change} t={t} />);
    expect(checkbox('input[name="density"][value="all"]').checked).toBe(true);
    expect(checkbox('input[name="style"][value="underline"]').checked).toBe(true);

    fireEvent.click(checkbox('input[name="density"][value="first"]'));
    await waitFor(() => expect(stored().density).toBe('first'));
    fireEvent.click(checkbox('input[name="style"][value="background"]'));
    await waitFor(() => expect(stored().highlightStyle).toBe('background'));
    const delay = checkbox('input[type="number"]');
    expect(delay.value).toBe('500');
    fireEvent.change(delay, { target: { value: '800' } });
    await waitFor(() => expect(stored().hoverDelayMs).toBe(800));
  });

  it('shows the hover delay’s default, and goes back to it when the box is emptied', async () => {
    const { change, stored, initial } = settingsStore();
    render(
      <HighlightingSection settings={{ ...initial, hoverDelayMs: 900 }} change={change} t={t} />,
    );
    const delay = checkbox('input[type="number"]');
    expect(document.getElementById(delay.getAttribute('aria-describedby')!)!.textContent).toBe(
      'options_hoverDelayDefault(500)',
    );
    fireEvent.change(delay, { target: { value: '' } });
    await waitFor(() => expect(stored().hoverDelayMs).toBe(500));
  });
});

describe('PausedSitesSection', () => {
  /** The section with the draft its page keeps; `draft` is the latest. */
  function renderSites(initial: Partial<Settings> = {}) {
    const store = settingsStore(initial);
    const seen: { draft?: SitesDraft } = {};
    function Page() {
      const draft = useSitesDraft();
      seen.draft = draft;
      return (
        <PausedSitesSection settings={store.initial} change={store.change} t={t} draft={draft} />
      );
    }
    render(<Page />);
    return { ...store, draft: () => seen.draft!, box: () => checkbox('textarea[data-sites]') };
  }

  it('pauses everywhere', async () => {
    const { stored } = renderSites();
    fireEvent.click(screen.getByRole('checkbox', { name: 'options_pausedAll' }));
    await waitFor(() => expect(stored().paused).toBe(true));
  });

  it('keeps what is typed, and stores it normalised when the box is left', async () => {
    const { stored, box } = renderSites();
    fireEvent.input(box(), {
      target: { value: 'https://www.Example.org/page\nfoo.com,, bar.net' },
    });
    expect(box().value).toBe('https://www.Example.org/page\nfoo.com,, bar.net');
    fireEvent.blur(box());
    await waitFor(() =>
      expect(stored().pausedSites).toEqual(['example.org', 'foo.com', 'bar.net']),
    );
  });

  it('follows sites paused elsewhere, except while the reader edits the box', async () => {
    const { draft, box } = renderSites();
    act(() => draft().show({ ...DEFAULT_SETTINGS, pausedSites: ['a.org', 'b.org'] }));
    expect(box().value).toBe('a.org\nb.org');

    act(() => draft().follow({ ...DEFAULT_SETTINGS, pausedSites: ['c.org'] }));
    expect(box().value).toBe('c.org');

    box().focus();
    fireEvent.input(box(), { target: { value: 'c.org\nd.o' } });
    act(() => draft().follow({ ...DEFAULT_SETTINGS, pausedSites: ['e.org'] }));
    expect(box().value).toBe('c.org\nd.o');
  });
});

describe('PacksSection', () => {
  function renderPacks(
    handlers: Partial<Handlers<ToBackground>> = {},
    packs: PackMeta[] = [BUNDLED, IMPORTED],
    lost: LostPack[] = [],
  ) {
    const download = vi.fn();
    const refresh = vi.fn(async () => undefined);
    const progress = new Set<(done: number, total: number) => void>();
    const onImportProgress = vi.fn((listener: (done: number, total: number) => void) => {
      progress.add(listener);
      return () => progress.delete(listener);
    });
    function Page() {
      const [status, setStatus] = useState<Status>(null);
      return (
        <PacksSection
          background={createLocalClient<ToBackground>(handlers as Handlers<ToBackground>)}
          packs={packs}
          lost={lost}
          refresh={refresh}
          status={status}
          setStatus={setStatus}
          onImportProgress={onImportProgress}
          download={download}
          t={t}
          uiLanguage="en"
        />
      );
    }
    render(<Page />);
    return { download, refresh, progress, onImportProgress };
  }

  function chooseFile(name = 'pack.json', text = '{"pack":1}') {
    const input = checkbox('input[data-action=import-pack]');
    const file = new File([text], name, { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    return input;
  }

  it('lists the packs; only an imported one can be removed, and says when it came', () => {
    renderPacks();
    const bundled = document.querySelector('[data-pack="bundled"]')!;
    const imported = document.querySelector('[data-pack="extra"]')!;
    expect(bundled.textContent).toContain('options_bundled');
    expect(bundled.querySelector('[data-action="remove"]')).toBeNull();
    expect(bundled.textContent).not.toContain('options_importedOn');
    expect(imported.querySelector('[data-action="remove"]')).toBeTruthy();
    expect(imported.querySelector('time[datetime="2025-11-03T00:00:00.000Z"]')).toBeTruthy();
    expect(imported.textContent).toContain('options_version(2.1.0)');
    expect(imported.textContent).toContain('options_entities(3)');
  });

  it('exports a pack as a JSON file named after it', async () => {
    const { download } = renderPacks({
      exportPack: ({ packId }) => ({ ok: true, value: { id: packId } as never }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'options_export: Extra pack' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(download).toHaveBeenCalledWith('extra.json', JSON.stringify({ id: 'extra' }, null, 2));
  });

  it('says why a pack does not export', async () => {
    const { download } = renderPacks({
      exportPack: () => ({ ok: false, problems: [{ message: 'the pack is gone' }] }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'options_export: Northeast Asia' }));
    expect((await screen.findByRole('alert')).textContent).toBe('the pack is gone');
    expect(download).not.toHaveBeenCalled();
  });

  it('asks before removing a pack, removes it on yes, and can bring it back', async () => {
    let installed = [BUNDLED, IMPORTED];
    const removePack = vi.fn(() => {
      installed = [BUNDLED];
      return { ok: true as const, value: IMPORTED };
    });
    const importPack = vi.fn((_: { text: string; fileName: string }) => {
      installed = [BUNDLED, IMPORTED];
      return { ok: true as const, value: IMPORTED };
    });
    const { refresh } = renderPacks({
      removePack,
      importPack,
      exportPack: ({ packId }) => ({
        ok: true,
        value: { id: packId, title: 'Extra pack' } as never,
      }),
      listPacks: () => installed,
    });
    fireEvent.click(screen.getByRole('button', { name: 'options_remove: Extra pack' }));
    const question = screen.getByRole('group', { name: 'options_removeQuestion(Extra pack)' });
    // Nothing happens until the reader says yes; Escape takes the question back.
    expect(removePack).not.toHaveBeenCalled();
    fireEvent.keyDown(question, { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(removePack).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'options_remove: Extra pack' }));
    const yes = screen.getByRole('button', { name: 'options_remove' });
    expect(document.activeElement).toBe(yes);
    fireEvent.click(yes);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'options_removed(Extra pack) options_undo',
      ),
    );
    expect(removePack).toHaveBeenCalledWith({ packId: 'extra' }, expect.anything());
    expect(installed).toEqual([BUNDLED]);

    fireEvent.click(screen.getByRole('button', { name: 'options_undo' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('options_restored(Extra pack)'),
    );
    expect(importPack.mock.calls[0]?.[0]).toEqual({
      text: JSON.stringify({ id: 'extra', title: 'Extra pack' }),
      fileName: 'extra.json',
    });
    expect(installed).toEqual([BUNDLED, IMPORTED]);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('switches a pack off and on through the background, and says so', async () => {
    const setPackEnabled = vi.fn(({ enabled }: { packId: string; enabled: boolean }) => ({
      ok: true as const,
      value: enabled ? IMPORTED : { ...IMPORTED, disabled: true },
    }));
    const { refresh } = renderPacks({ setPackEnabled });
    const inUse = screen.getByRole('checkbox', { name: 'options_packInUse: Extra pack' });
    expect((inUse as HTMLInputElement).checked).toBe(true);
    fireEvent.click(inUse);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('options_switchedOff(Extra pack)'),
    );
    expect(setPackEnabled).toHaveBeenCalledWith(
      { packId: 'extra', enabled: false },
      expect.anything(),
    );
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('names the packs the browser lost, and forgets them when dismissed', async () => {
    const dismissLostPacks = vi.fn(() => undefined);
    const { refresh } = renderPacks(
      { dismissLostPacks },
      [BUNDLED],
      [
        {
          id: 'extra',
          title: 'Extra pack',
          version: '2.1.0',
          importedAt: '2025-11-03T00:00:00.000Z',
        },
      ],
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('options_lostPacks');
    expect(alert.querySelector('[data-lost-pack="extra"]')!.textContent).toMatch(
      /^options_lostPack\(Extra pack,2\.1\.0,.*2025.*\)$/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'options_dismiss' }));
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    expect(dismissLostPacks).toHaveBeenCalledTimes(1);
  });

  it('shows a switched-off pack as off', () => {
    renderPacks({}, [BUNDLED, { ...IMPORTED, disabled: true }]);
    const item = document.querySelector('[data-pack="extra"]')!;
    expect(item.textContent).toContain('options_packOff');
    expect(
      (screen.getByRole('checkbox', { name: 'options_packInUse: Extra pack' }) as HTMLInputElement)
        .checked,
    ).toBe(false);
  });

  it('shows an import’s progress, with the file chooser off, then what it imported', async () => {
    let finish: (pack: PackMeta) => void = () => undefined;
    const importPack = vi.fn(
      () =>
        new Promise<{ ok: true; value: PackMeta }>((resolve) => {
          finish = (value) => resolve({ ok: true, value });
        }),
    );
    const { progress, refresh } = renderPacks({ importPack });
    const input = chooseFile('extra.json', '{"x":1}');
    await waitFor(() =>
      expect(importPack).toHaveBeenCalledWith(
        { text: '{"x":1}', fileName: 'extra.json' },
        expect.anything(),
      ),
    );
    expect(input.disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('options_importing(0)');

    act(() => progress.forEach((listener) => listener(3, 8)));
    expect(screen.getByRole('status').textContent).toBe('options_importing(37)');
    expect(document.querySelector<HTMLProgressElement>('progress')!.value).toBe(37);

    finish(IMPORTED);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('options_imported(Extra pack)'),
    );
    expect(document.querySelector('progress')).toBeNull();
    expect(input.disabled).toBe(false);
    expect(progress.size).toBe(0);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('lists at most 50 problems of a pack that does not import, each with where it is', async () => {
    const problems: Problem[] = [
      { file: 'pack.json', entry: 'wang-yi', field: 'names', message: 'not a string' },
      { message: 'no entities' },
      ...Array.from({ length: 60 }, (_, i) => ({ entry: `e${i}`, message: 'bad' })),
    ];
    const { refresh } = renderPacks({ importPack: () => ({ ok: false, problems }) });
    chooseFile();
    const alert = await screen.findByRole('alert');
    const items = [...alert.querySelectorAll('.problems li')].map((li) => li.textContent);
    expect(items).toHaveLength(51);
    expect(items[50]).toBe('options_moreProblems(12)');
    expect(items[0]).toBe('pack.json › wang-yi › names: not a string');
    expect(items[1]).toBe('no entities');
    expect(items[2]).toBe('e0: bad');
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
  });

  it('says an import with no answer imported nothing when the pack list shows nothing new', async () => {
    renderPacks({
      importPack: () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
      listPacks: () => [BUNDLED, IMPORTED],
    });
    chooseFile();
    const alert = await screen.findByRole('alert');
    // The browser's own words never reach the reader; the pack list decides.
    expect(alert.textContent).toBe('options_importUnconfirmed');
  });

  it('says an import with no answer happened when the pack list shows the new pack', async () => {
    let installed = [BUNDLED];
    renderPacks({
      importPack: () => {
        // The pack was stored, then the answer was lost (the worker stopped).
        installed = [BUNDLED, IMPORTED];
        throw new Error('The message port closed before a response was received.');
      },
      listPacks: () => installed,
    });
    chooseFile();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'options_importConfirmedLate(Extra pack)',
      ),
    );
  });

  it('says which people the imported pack adds to', async () => {
    renderPacks({
      importPack: () => ({ ok: true, value: IMPORTED, extends: ['Wang Yi', 'Lee Jae-myung'] }),
      listPacks: () => [BUNDLED, IMPORTED],
    });
    chooseFile();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'options_imported(Extra pack) options_extends(Wang Yi and Lee Jae-myung)',
      ),
    );
  });

  it('asks before installing a file that is not newer than the installed version', async () => {
    const importPack = vi.fn((request: { replace?: boolean }) =>
      request.replace
        ? { ok: true as const, value: IMPORTED, replaced: '3.0.0' }
        : {
            ok: false as const,
            installedVersion: '3.0.0',
            problems: [{ message: 'installed in the newer version 3.0.0. Nothing was changed.' }],
          },
    );
    renderPacks({ importPack, listPacks: () => [BUNDLED, IMPORTED] });
    chooseFile('extra.json', '{"x":1}');
    const question = await screen.findByRole('group', { name: 'options_replaceQuestion(3.0.0)' });
    expect(screen.getByRole('alert').textContent).toContain('installed in the newer version 3.0.0');
    fireEvent.click(question.querySelector('[data-action="confirm"]')!);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'options_updated(Extra pack,3.0.0,2.1.0)',
      ),
    );
    expect(importPack.mock.calls.map(([r]) => r)).toEqual([
      { text: '{"x":1}', fileName: 'extra.json' },
      { text: '{"x":1}', fileName: 'extra.json', replace: true },
    ]);
  });
});

describe('KeyboardSection', () => {
  it('shows the key, and opens the browser’s shortcuts page where it can', () => {
    const open = vi.fn();
    render(
      <KeyboardSection
        shortcut="Alt+Shift+B"
        shortcutsPage="chrome://extensions/shortcuts"
        openShortcutsPage={open}
        t={t}
      />,
    );
    expect(document.querySelector('kbd[data-shortcut]')!.textContent).toBe('Alt+Shift+B');
    fireEvent.click(screen.getByRole('button', { name: 'chrome://extensions/shortcuts' }));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('names the shortcuts page where it cannot be opened', () => {
    render(<KeyboardSection shortcut="" shortcutsPage="about:addons" t={t} />);
    expect(document.querySelector('[data-shortcut]')!.textContent).toBe('options_shortcutUnset');
    expect(screen.queryByRole('button')).toBeNull();
    expect(document.querySelector('code')!.textContent).toBe('about:addons');
  });
});

describe('useCatalogue', () => {
  it('loads the topics and packs, and loads them again when asked', async () => {
    let packs = [BUNDLED];
    const listPacks = vi.fn(() => packs);
    const background = createLocalClient<ToBackground>({
      listTopics: () => TOPICS,
      listPacks,
    } as Partial<Handlers<ToBackground>> as Handlers<ToBackground>);
    const { result } = renderHook(() => useCatalogue(background));
    await waitFor(() => expect(result.current.packs).toEqual([BUNDLED]));
    expect(result.current.topics).toEqual(TOPICS);

    packs = [BUNDLED, IMPORTED];
    await act(() => result.current.refresh());
    expect(result.current.packs.map((p) => p.id)).toEqual(['bundled', 'extra']);
    expect(listPacks).toHaveBeenCalledTimes(2);
  });
});
