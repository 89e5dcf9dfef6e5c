import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isEntityVisible,
  isSitePaused,
  pausedSiteFor,
  migrateSettings,
  normaliseSite,
  parseSites,
} from '../../../core/settings';

describe('migrateSettings', () => {
  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'garbage'],
    ['an empty object', {}],
  ])('gives the defaults for %s', (_, stored) => {
    expect(migrateSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every choice stored in the first release’s shape', () => {
    const v1 = {
      topics: {
        'china-japan-relations': false,
        'apec-2025-gyeongju': true,
        'north-korea-nuclear': false,
      },
      highlight: 'first',
      delay: 800,
      blockedHosts: ['www.Example.com', 'news.ycombinator.com'],
    };
    expect(migrateSettings(v1)).toEqual({
      ...DEFAULT_SETTINGS,
      disabledTopics: ['china-japan-relations', 'north-korea-nuclear'],
      density: 'first',
      hoverDelayMs: 800,
      pausedSites: ['example.com', 'news.ycombinator.com'],
    });
  });

  it('maps the first release’s "off" to no highlights', () => {
    expect(migrateSettings({ highlight: 'off' }).density).toBe('none');
  });

  it('is idempotent on current settings', () => {
    const current = {
      ...DEFAULT_SETTINGS,
      disabledTopics: ['x'],
      disabledKinds: ['place' as const],
      density: 'first' as const,
      highlightStyle: 'background' as const,
      hoverDelayMs: 300,
      pausedSites: ['example.com'],
      paused: true,
    };
    expect(migrateSettings(current)).toEqual(current);
    expect(migrateSettings(migrateSettings(current))).toEqual(current);
  });

  it.each([
    ['an unknown density', { version: 2, density: 'loud' }, { density: 'all' }],
    ['an unknown style', { version: 2, highlightStyle: 'blink' }, { highlightStyle: 'underline' }],
    ['a delay below the range', { version: 2, hoverDelayMs: 1 }, { hoverDelayMs: 150 }],
    ['a delay above the range', { version: 2, hoverDelayMs: 99999 }, { hoverDelayMs: 2000 }],
    ['a delay that is not a number', { version: 2, hoverDelayMs: 'soon' }, { hoverDelayMs: 500 }],
    [
      'unknown kinds',
      { version: 2, disabledKinds: ['person', 'planet'] },
      { disabledKinds: ['person'] },
    ],
    [
      'non-strings in lists',
      { version: 2, disabledTopics: ['a', 3, null, 'a'] },
      { disabledTopics: ['a'] },
    ],
    ['a truthy non-boolean pause', { version: 2, paused: 'yes' }, { paused: false }],
  ])('repairs %s', (_, stored, repaired) => {
    expect(migrateSettings(stored)).toEqual({ ...DEFAULT_SETTINGS, ...repaired });
  });
});

describe('sites', () => {
  it.each([
    ['example.com', 'example.com'],
    ['https://www.Example.com/news?id=1', 'example.com'],
    ['  NEWS.example.co.kr  ', 'news.example.co.kr'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
  ])('normalises %s', (input, host) => {
    expect(normaliseSite(input)).toBe(host);
  });

  it('pauses a site and its subdomains, not lookalikes', () => {
    const settings = { ...DEFAULT_SETTINGS, pausedSites: ['example.com'] };
    expect(isSitePaused(settings, 'example.com')).toBe(true);
    expect(isSitePaused(settings, 'www.example.com')).toBe(true);
    expect(isSitePaused(settings, 'news.example.com')).toBe(true);
    expect(isSitePaused(settings, 'notexample.com')).toBe(false);
    expect(isSitePaused({ ...DEFAULT_SETTINGS, paused: true }, 'other.org')).toBe(true);
  });

  it('names the paused site whose rule covers a host, the most specific first', () => {
    const settings = { ...DEFAULT_SETTINGS, pausedSites: ['example.com', 'news.example.com'] };
    expect(pausedSiteFor(settings, 'www.example.com')).toBe('example.com');
    expect(pausedSiteFor(settings, 'live.news.example.com')).toBe('news.example.com');
    expect(pausedSiteFor(settings, 'WWW.Example.com')).toBe('example.com');
    expect(pausedSiteFor(settings, 'notexample.com')).toBeNull();
  });
});

describe('isEntityVisible', () => {
  const person = { kind: 'person' as const, topics: ['a', 'b'] };
  it.each([
    ['all topics on', {}, true],
    ['one of two topics off', { disabledTopics: ['a'] }, true],
    ['both topics off', { disabledTopics: ['a', 'b'] }, false],
    ['its kind off', { disabledKinds: ['person' as const] }, false],
  ])('%s', (_, change, visible) => {
    expect(isEntityVisible({ ...DEFAULT_SETTINGS, ...change }, person)).toBe(visible);
  });

  it('shows entities without topics unless their kind is off', () => {
    expect(
      isEntityVisible(
        { ...DEFAULT_SETTINGS, disabledTopics: ['a'] },
        { kind: 'place', topics: [] },
      ),
    ).toBe(true);
  });
});

describe('parseSites', () => {
  it('reads one site per line or between commas, in the form the browser compares', () => {
    expect(
      parseSites(
        'www.Example.com\nhttps://news.example.org/world/asia, localhost\n\n127.0.0.1\n한국일보.kr',
      ),
    ).toEqual({
      sites: [
        'example.com',
        'news.example.org',
        'localhost',
        '127.0.0.1',
        'xn--3e0bm80ac2h5no.kr' /* WHATWG URL's form of 한국일보.kr */,
      ],
      invalid: [],
    });
  });

  it('keeps a line that names no site apart, as typed, instead of splitting it at spaces', () => {
    expect(parseSites('not a site\nexample.com\n-bad-.com\nexample.com')).toEqual({
      sites: ['example.com'],
      invalid: ['not a site', '-bad-.com'],
    });
  });
});
