/**
 * Reader settings: one typed defaults object, a validator that never trusts the
 * stored shape, and migrations from every earlier shape (after
 * refined-github's options-storage). Pure: storage lives in lib/settings-store.
 */
import { ENTITY_KINDS, type EntityKind } from './pack/types';

export const DENSITIES = ['all', 'first', 'none'] as const;
export type Density = (typeof DENSITIES)[number];

export const HIGHLIGHT_STYLES = ['underline', 'background', 'subtle'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const SETTINGS_VERSION = 2;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** topic ids switched off; an entity is hidden when all of its topics are off */
  disabledTopics: string[];
  /** entity kinds switched off */
  disabledKinds: EntityKind[];
  density: Density;
  highlightStyle: HighlightStyle;
  /** how long the pointer rests on a name before its card shows */
  hoverDelayMs: number;
  /** hostnames where the extension stays quiet */
  pausedSites: string[];
  /** quiet everywhere */
  paused: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  disabledTopics: [],
  disabledKinds: [],
  density: 'all',
  highlightStyle: 'underline',
  hoverDelayMs: 500,
  pausedSites: [],
  paused: false,
});

export const HOVER_DELAY_RANGE = { min: 150, max: 2000 } as const;

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string'))] : [];

const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/**
 * The first release stored `{ topics: { [id]: boolean }, highlight: 'all' | 'first' | 'off',
 * delay: number, blockedHosts: string[] }` without a version. Kept so that a reader
 * updating from it keeps every choice.
 */
function fromVersion1(stored: Record<string, unknown>): Record<string, unknown> {
  const topics =
    typeof stored.topics === 'object' && stored.topics !== null
      ? (stored.topics as Record<string, unknown>)
      : {};
  return {
    disabledTopics: Object.entries(topics)
      .filter(([, on]) => on === false)
      .map(([id]) => id),
    density: stored.highlight === 'off' ? 'none' : stored.highlight,
    hoverDelayMs: stored.delay,
    pausedSites: stored.blockedHosts,
  };
}

/** Any stored value (of any earlier shape, or garbage) → valid current settings. */
export function migrateSettings(stored: unknown): Settings {
  if (typeof stored !== 'object' || stored === null) return { ...DEFAULT_SETTINGS };
  let raw = stored as Record<string, unknown>;
  if (raw.version === undefined || raw.version === 1) raw = fromVersion1(raw);
  const delay = Number(raw.hoverDelayMs);
  return {
    version: SETTINGS_VERSION,
    disabledTopics: stringList(raw.disabledTopics),
    disabledKinds: stringList(raw.disabledKinds).filter((k): k is EntityKind =>
      (ENTITY_KINDS as readonly string[]).includes(k),
    ),
    density: oneOf(DENSITIES, raw.density, DEFAULT_SETTINGS.density),
    highlightStyle: oneOf(HIGHLIGHT_STYLES, raw.highlightStyle, DEFAULT_SETTINGS.highlightStyle),
    hoverDelayMs: Number.isFinite(delay)
      ? Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, Math.round(delay)))
      : DEFAULT_SETTINGS.hoverDelayMs,
    pausedSites: stringList(raw.pausedSites).map(normaliseSite).filter(Boolean),
    paused: raw.paused === true,
  };
}

/** "https://www.Example.com/x" or "Example.com" → "example.com" */
export function normaliseSite(input: string): string {
  let host = input.trim().toLowerCase();
  try {
    if (host.includes('/'))
      host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
  } catch {
    return '';
  }
  return host.replace(/^www\./, '').replace(/\.$/, '');
}

/** A host name as a browser's address bar has it: labels of letters, digits and hyphens. */
const HOST =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * The paused-sites box's text → the sites it names (one per line, or
 * separated by commas; addresses and Unicode names accepted, in their
 * browser form), and the lines that name no site, as typed, for the reader
 * to correct. Nothing is split at spaces: "not a site" is one bad line, not
 * three hosts.
 */
export function parseSites(text: string): { sites: string[]; invalid: string[] } {
  const sites: string[] = [];
  const invalid: string[] = [];
  for (const line of text.split(/[\n,]+/)) {
    const typed = line.trim();
    if (!typed) continue;
    let host = normaliseSite(typed);
    // Unicode names (한국일보.kr) in the form the browser compares: punycode.
    if (host && !HOST.test(host) && !/[\s/]/.test(host))
      try {
        host = new URL(`https://${host}`).hostname.replace(/^www\./, '');
      } catch {
        host = '';
      }
    if (host && HOST.test(host)) {
      if (!sites.includes(host)) sites.push(host);
    } else invalid.push(typed);
  }
  return { sites, invalid };
}

export function isSitePaused(settings: Settings, hostname: string): boolean {
  return settings.paused || pausedSiteFor(settings, hostname) !== null;
}

/**
 * The paused site whose rule covers `hostname`: the host itself, or the
 * nearest parent domain paused (www.example.com is paused by example.com);
 * null when none is.
 */
export function pausedSiteFor(settings: Settings, hostname: string): string | null {
  const host = normaliseSite(hostname);
  const covering = settings.pausedSites.filter(
    (site) => host === site || host.endsWith(`.${site}`),
  );
  // The most specific rule is the one to show and to lift first.
  return covering.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** Whether an entity's highlights show under these settings. */
export function isEntityVisible(
  settings: Settings,
  entity: { kind: EntityKind; topics: readonly string[] },
): boolean {
  if (settings.disabledKinds.includes(entity.kind)) return false;
  if (entity.topics.length === 0) return true;
  return entity.topics.some((topic) => !settings.disabledTopics.includes(topic));
}
