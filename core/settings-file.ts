/**
 * The reader's settings as a file they can keep or carry to another browser
 * (paused sites included, which do not sync): written as JSON, read back
 * strictly. A file that is not ours, is from a newer version, or holds a
 * value that is not a setting is refused with what is wrong, and changes
 * nothing; one from an earlier version is migrated as stored settings are.
 */
import { ENTITY_KINDS } from './pack/types';
import {
  DENSITIES,
  HIGHLIGHT_STYLES,
  HOVER_DELAY_RANGE,
  migrateSettings,
  parseSites,
  SETTINGS_VERSION,
  type Settings,
} from './settings';

export const SETTINGS_FILE_FORMAT = 'briefing-lens/settings';
/** A settings file is small; anything larger is not one. */
const MAX_FILE_CHARS = 2 * 1024 * 1024;

export function writeSettingsFile(settings: Settings): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, settings }, null, 2)}\n`;
}

export type SettingsFileResult =
  { ok: true; settings: Settings } | { ok: false; problems: string[] };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const isStringList = (x: unknown) => Array.isArray(x) && x.every((v) => typeof v === 'string');

export function readSettingsFile(text: string): SettingsFileResult {
  const refuse = (...problems: string[]): SettingsFileResult => ({ ok: false, problems });
  if (text.length > MAX_FILE_CHARS) return refuse('the file is too large to be a settings file');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return refuse('the file is not valid JSON');
  }
  if (!isRecord(data) || data.format !== SETTINGS_FILE_FORMAT || !isRecord(data.settings))
    return refuse('the file is not a Briefing Lens settings file');
  const s = data.settings;
  const version = s.version ?? 1;
  if (typeof version !== 'number' || version > SETTINGS_VERSION)
    return refuse(
      'the file was written by a newer version of Briefing Lens: update the extension first',
    );
  if (version < SETTINGS_VERSION) return { ok: true, settings: migrateSettings(s) };

  const problems: string[] = [];
  const check = (key: keyof Settings, valid: boolean, what: string) => {
    if (Object.hasOwn(s, key) && !valid) problems.push(`"${key}" must be ${what}`);
  };
  check('disabledTopics', isStringList(s.disabledTopics), 'a list of topic ids');
  check(
    'disabledKinds',
    isStringList(s.disabledKinds) &&
      (s.disabledKinds as string[]).every((k) => (ENTITY_KINDS as readonly string[]).includes(k)),
    `a list of kinds (${ENTITY_KINDS.join(', ')})`,
  );
  check('density', (DENSITIES as readonly unknown[]).includes(s.density), DENSITIES.join(', '));
  check(
    'highlightStyle',
    (HIGHLIGHT_STYLES as readonly unknown[]).includes(s.highlightStyle),
    HIGHLIGHT_STYLES.join(', '),
  );
  check(
    'hoverDelayMs',
    typeof s.hoverDelayMs === 'number' &&
      s.hoverDelayMs >= HOVER_DELAY_RANGE.min &&
      s.hoverDelayMs <= HOVER_DELAY_RANGE.max,
    `a number of milliseconds from ${HOVER_DELAY_RANGE.min} to ${HOVER_DELAY_RANGE.max}`,
  );
  check('paused', typeof s.paused === 'boolean', 'true or false');
  check('pausedSites', isStringList(s.pausedSites), 'a list of sites');
  if (isStringList(s.pausedSites)) {
    const { invalid } = parseSites((s.pausedSites as string[]).join('\n'));
    if (invalid.length)
      problems.push(
        `"pausedSites" holds what is not a site: ${invalid.slice(0, 5).join(', ')}${invalid.length > 5 ? ` and ${invalid.length - 5} more` : ''}`,
      );
  }
  for (const key of Object.keys(s))
    if (!Object.hasOwn(SETTING_KEYS, key)) problems.push(`"${key}" is not a setting`);
  return problems.length ? { ok: false, problems } : { ok: true, settings: migrateSettings(s) };
}

const SETTING_KEYS: Record<keyof Settings, true> = {
  version: true,
  disabledTopics: true,
  disabledKinds: true,
  density: true,
  highlightStyle: true,
  hoverDelayMs: true,
  pausedSites: true,
  paused: true,
};
