import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';
import {
  readSettingsFile,
  SETTINGS_FILE_FORMAT,
  writeSettingsFile,
} from '../../../core/settings-file';

const MINE: Settings = {
  ...DEFAULT_SETTINGS,
  disabledTopics: ['apec'],
  disabledKinds: ['place'],
  density: 'first',
  highlightStyle: 'subtle',
  hoverDelayMs: 800,
  pausedSites: ['example.org', 'xn--9n2bp8q.kr'],
  paused: true,
};
const file = (settings: unknown) => JSON.stringify({ format: SETTINGS_FILE_FORMAT, settings });

describe('settings files', () => {
  it('reads back what it writes', () => {
    expect(readSettingsFile(writeSettingsFile(MINE))).toEqual({ ok: true, settings: MINE });
  });

  it('migrates a file of the first release’s shape', () => {
    const result = readSettingsFile(
      file({ topics: { apec: false }, highlight: 'off', delay: 700, blockedHosts: ['www.a.org'] }),
    );
    expect(result).toEqual({
      ok: true,
      settings: {
        ...DEFAULT_SETTINGS,
        disabledTopics: ['apec'],
        density: 'none',
        hoverDelayMs: 700,
        pausedSites: ['a.org'],
      },
    });
  });

  it.each([
    ['not JSON', '{ "format": ', /not valid JSON/],
    [
      'another file',
      JSON.stringify({ format: 'briefing-lens/pack-source' }),
      /not a Briefing Lens settings file/,
    ],
    ['a newer version', file({ ...MINE, version: 3 }), /newer version/],
    ['a bad value', file({ ...MINE, density: 'loud' }), /"density" must be all, first, none/],
    ['a delay out of range', file({ ...MINE, hoverDelayMs: 5 }), /"hoverDelayMs" must be a number/],
    ['a kind that is none', file({ ...MINE, disabledKinds: ['alien'] }), /"disabledKinds" must be/],
    [
      'what is not a site',
      file({ ...MINE, pausedSites: ['a.org', 'not a site'] }),
      /not a site: not a site/,
    ],
    ['an unknown key', file({ ...MINE, colour: 'red' }), /"colour" is not a setting/],
    [
      'a __proto__ key',
      file(MINE).replace('"settings":{', '"settings":{"__proto__":{"x":1},'),
      /"__proto__" is not a setting/,
    ],
  ])('refuses %s, saying what is wrong', (_, text, message) => {
    const result = readSettingsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(message);
  });
});
