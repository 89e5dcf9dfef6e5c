import { describe, expect, it, vi } from 'vitest';
import { closeStorageToContentScripts } from '../../../entrypoints/background/storage-access';

describe('closeStorageToContentScripts', () => {
  it('limits every area to trusted contexts where the browser can (Chromium)', async () => {
    const areas = [
      { setAccessLevel: vi.fn(() => Promise.resolve()) },
      { setAccessLevel: vi.fn(() => Promise.resolve()) },
    ];
    expect(await closeStorageToContentScripts(areas)).toBe(true);
    for (const area of areas)
      expect(area.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('says so where it cannot (Firefox has no setAccessLevel)', async () => {
    const closable = { setAccessLevel: vi.fn(() => Promise.resolve()) };
    expect(await closeStorageToContentScripts([closable, {}])).toBe(false);
    expect(closable.setAccessLevel).toHaveBeenCalled();
  });
});
