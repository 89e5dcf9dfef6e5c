// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Options } from '../../../entrypoints/options/Options';
import { createLocalClient, type Handlers } from '../../../lib/messaging';
import type { ToBackground } from '../../../lib/messaging/protocol';
import type { PackMeta } from '../../../core/views';
import { DEFAULT_SETTINGS, migrateSettings, type Settings } from '../../../core/settings';

afterEach(cleanup);

const t = (key: string, subs?: string | string[]) =>
  subs ? `${key}(${[subs].flat().join(',')})` : key;

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

function renderOptions(
  stored: unknown,
  overrides: Partial<Handlers<ToBackground>> = {},
  download: (fileName: string, text: string) => void = () => undefined,
) {
  let settings = migrateSettings(stored);
  const watchers = new Set<(s: Settings) => void>();
  const unwatch = vi.fn();
  const update = vi.fn(async (change: (s: Settings) => Settings) => {
    settings = migrateSettings(change(settings));
    return settings;
  });
  const handlers: Partial<Handlers<ToBackground>> = {
    listTopics: () => [
      {
        id: 'china-japan',
        name: { en: 'China–Japan' },
        color: '#f00',
        entityCount: 6,
        packIds: [],
      },
      { id: 'apec', name: { en: 'APEC' }, color: '#0f0', entityCount: 10, packIds: [] },
    ],
    listPacks: () => [BUNDLED],
    ...overrides,
  };
  render(
    <Options
      background={createLocalClient<ToBackground>(handlers as Handlers<ToBackground>)}
      loadSettings={async () => settings}
      updateSettings={update}
      watchSettings={(listener) => {
        watchers.add(listener);
        return () => {
          unwatch();
          watchers.delete(listener);
        };
      }}
      onImportProgress={() => () => undefined}
      shortcutsPage="chrome://extensions/shortcuts"
      shortcut=""
      download={download}
      t={t}
      uiLanguage="en"
    />,
  );
  /** what the popup (or another window) does: store, then tell the page */
  const elsewhere = (change: (s: Settings) => Settings) => {
    settings = migrateSettings(change(settings));
    act(() => watchers.forEach((listener) => listener(settings)));
  };
  return { settings: () => settings, update, elsewhere, unwatch, watchers };
}

async function find<E extends Element>(selector: string): Promise<E> {
  return waitFor(() => {
    const element = document.querySelector<E>(selector);
    expect(element).toBeTruthy();
    return element!;
  });
}

describe('Options', () => {
  it('shows settings stored in the first release’s shape, migrated', async () => {
    renderOptions({
      topics: { apec: false, 'china-japan': true },
      highlight: 'off',
      delay: 900,
      blockedHosts: ['www.example.org'],
    });
    const apec = await waitFor(() => {
      const box = document.querySelector<HTMLInputElement>('input[data-topic="apec"]');
      expect(box).toBeTruthy();
      return box!;
    });
    expect(apec.checked).toBe(false);
    expect(
      document.querySelector<HTMLInputElement>('input[data-topic="china-japan"]')!.checked,
    ).toBe(true);
    expect(document.querySelector<HTMLInputElement>('input[value="none"]')!.checked).toBe(true);
    expect(document.querySelector<HTMLInputElement>('input[type="number"]')!.value).toBe('900');
    expect(document.querySelector<HTMLTextAreaElement>('textarea')!.value).toBe('example.org');
  });

  it('counts the entities of each topic', async () => {
    renderOptions(DEFAULT_SETTINGS);
    expect(await screen.findByText(/options_entities\(10\)/)).toBeTruthy();
    expect(await screen.findByText(/options_entities\(6\)/)).toBeTruthy();
  });

  it('saves edited paused sites, normalised', async () => {
    const { settings } = renderOptions(DEFAULT_SETTINGS);
    const box = await find<HTMLTextAreaElement>('textarea');
    fireEvent.input(box, { target: { value: 'https://www.Example.org/x\nfoo.com, bar.net' } });
    fireEvent.blur(box);
    await waitFor(() =>
      expect(settings().pausedSites).toEqual(['example.org', 'foo.com', 'bar.net']),
    );
  });

  it('saves the sites as they are typed, and names the lines that are no site', async () => {
    const { settings } = renderOptions(DEFAULT_SETTINGS);
    const box = await find<HTMLTextAreaElement>('textarea');
    fireEvent.input(box, { target: { value: 'example.org\nnot a site' } });
    // No blur: the reader may close the tab now.
    await waitFor(() => expect(settings().pausedSites).toEqual(['example.org']));
    expect(screen.getByRole('status').textContent).toBe('options_sitesInvalid(not a site)');
  });

  it('says so when the browser refuses to store a change, and shows what is stored', async () => {
    const { update } = renderOptions(DEFAULT_SETTINGS);
    update.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const all = await screen.findByRole('checkbox', { name: 'options_pausedAll' });
    fireEvent.click(all);
    expect((await screen.findByRole('alert')).textContent).toBe('settings_notSaved');
    expect((all as HTMLInputElement).checked).toBe(false);
    // The raw browser error never reaches the reader.
    expect(document.body.textContent).not.toContain('QUOTA');
    fireEvent.click(all);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('lists the problems of a pack that does not import', async () => {
    renderOptions(DEFAULT_SETTINGS, {
      importPack: () => ({
        ok: false,
        problems: [
          { file: 'pack.json', entry: 'wang-yi', field: 'names', message: 'not a string' },
        ],
      }),
    });
    const input = await find<HTMLInputElement>('input[data-action=import-pack]');
    const file = new File(['{}'], 'pack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('options_importFailed');
    expect(alert.textContent).toContain('pack.json › wang-yi › names: not a string');
  });

  it('says when no key is set for the command', async () => {
    renderOptions(DEFAULT_SETTINGS);
    expect(await screen.findByText('options_shortcutUnset')).toBeTruthy();
  });

  it('follows settings changed elsewhere, keeping the sites box while it is edited', async () => {
    const { elsewhere } = renderOptions(DEFAULT_SETTINGS);
    const box = await find<HTMLTextAreaElement>('textarea');
    elsewhere((s) => ({ ...s, pausedSites: ['example.com'], disabledKinds: ['place'] }));
    expect(box.value).toBe('example.com');
    expect(document.querySelector<HTMLInputElement>('input[data-kind="place"]')!.checked).toBe(
      false,
    );

    box.focus();
    fireEvent.input(box, { target: { value: 'example.com\nnews.exa' } });
    elsewhere((s) => ({ ...s, pausedSites: ['example.com', 'other.org'] }));
    expect(box.value).toBe('example.com\nnews.exa');
  });

  it('stops following the settings when it closes', async () => {
    const { unwatch, watchers } = renderOptions(DEFAULT_SETTINGS);
    await find('textarea');
    expect(watchers.size).toBe(1);
    cleanup();
    expect(unwatch).toHaveBeenCalledTimes(1);
    expect(watchers.size).toBe(0);
  });

  it('asks before resetting, resets every setting and the sites box, and can undo it', async () => {
    const before = {
      ...DEFAULT_SETTINGS,
      disabledTopics: ['apec'],
      pausedSites: ['example.org'],
      density: 'first' as const,
    };
    const { settings } = renderOptions(before);
    const box = await find<HTMLTextAreaElement>('textarea');
    expect(box.value).toBe('example.org');
    fireEvent.click(document.querySelector('[data-action="reset"]')!);
    // Asked, not done.
    expect(screen.getByRole('group', { name: 'options_resetQuestion' })).toBeTruthy();
    expect(settings()).toEqual(before);
    fireEvent.click(screen.getByRole('button', { name: 'options_reset' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('options_resetDone options_undo'),
    );
    expect(settings()).toEqual(DEFAULT_SETTINGS);
    expect(box.value).toBe('');
    expect(document.querySelector<HTMLInputElement>('input[data-topic="apec"]')!.checked).toBe(
      true,
    );

    fireEvent.click(screen.getByRole('button', { name: 'options_undo' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('options_settingsBack'),
    );
    expect(settings()).toEqual(before);
    expect(box.value).toBe('example.org');
    expect(document.querySelector<HTMLInputElement>('input[data-topic="apec"]')!.checked).toBe(
      false,
    );
  });

  it('exports the settings to a file and imports them back, with an undo', async () => {
    const mine = { ...DEFAULT_SETTINGS, density: 'first' as const, pausedSites: ['example.org'] };
    const download = vi.fn();
    const { settings } = renderOptions(mine, {}, download);
    const box = await find<HTMLTextAreaElement>('textarea');
    fireEvent.click(screen.getByRole('button', { name: 'options_exportSettings' }));
    expect(download).toHaveBeenCalledWith('briefing-lens-settings.json', expect.any(String));
    const text = download.mock.calls[0]![1] as string;

    // Elsewhere the reader changed things; the file puts them back.
    fireEvent.click(document.querySelector('input[name="density"][value="none"]')!);
    await waitFor(() => expect(settings().density).toBe('none'));
    const input = document.querySelector<HTMLInputElement>('input[data-action="import-settings"]')!;
    Object.defineProperty(input, 'files', {
      value: [new File([text], 'briefing-lens-settings.json')],
      configurable: true,
    });
    fireEvent.change(input);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('options_settingsImported options_undo'),
    );
    expect(settings()).toEqual(mine);
    expect(box.value).toBe('example.org');
    fireEvent.click(screen.getByRole('button', { name: 'options_undo' }));
    await waitFor(() => expect(settings().density).toBe('none'));
  });

  it('refuses a file that is not a settings file, changing nothing', async () => {
    const mine = { ...DEFAULT_SETTINGS, density: 'first' as const };
    const { settings } = renderOptions(mine);
    await find<HTMLTextAreaElement>('textarea');
    const input = document.querySelector<HTMLInputElement>('input[data-action="import-settings"]')!;
    Object.defineProperty(input, 'files', {
      value: [new File(['{"format":"briefing-lens/pack-source"}'], 'pack.json')],
      configurable: true,
    });
    fireEvent.change(input);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('options_settingsNotImported');
    expect(alert.textContent).toContain('pack.json: the file is not a Briefing Lens settings file');
    expect(settings()).toEqual(mine);
  });

  it('keeps everything when the reader cancels the reset', async () => {
    const before = { ...DEFAULT_SETTINGS, pausedSites: ['example.org'] };
    const { settings } = renderOptions(before);
    await find<HTMLTextAreaElement>('textarea');
    fireEvent.click(document.querySelector('[data-action="reset"]')!);
    fireEvent.click(screen.getByRole('button', { name: 'options_cancel' }));
    expect(screen.queryByRole('group', { name: 'options_resetQuestion' })).toBeNull();
    expect(document.querySelector('[data-action="reset"]')).toBeTruthy();
    expect(settings()).toEqual(before);
  });

  it('lists the packs again after a removal', async () => {
    const imported: PackMeta = { ...BUNDLED, id: 'extra', title: 'Extra', bundled: false };
    let packs = [BUNDLED, imported];
    renderOptions(DEFAULT_SETTINGS, {
      listPacks: () => packs,
      removePack: () => {
        packs = [BUNDLED];
        return { ok: true, value: imported };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'options_remove: Extra' }));
    fireEvent.click(screen.getByRole('button', { name: 'options_remove' }));
    await waitFor(() => expect(document.querySelector('[data-pack="extra"]')).toBeNull());
    expect(document.querySelector('[data-pack="bundled"]')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('options_removed(Extra)');
  });
});
