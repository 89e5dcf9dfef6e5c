/**
 * The UI strings: every locale has the same keys as English, with the same
 * placeholders, none empty; and every key is used by the shipped code (a
 * string nobody shows is a string nobody reviews). That every key used exists
 * is the compiler's job: `t()` takes a `MessageKey` (core/messages.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../core/pack/types';
import { repoRoot } from './recognition/helpers';

type Messages = Record<string, { message: string; description?: string }>;

const LOCALES_DIR = path.join(repoRoot, 'assets/public/_locales');
const load = (locale: string) =>
  JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
const english = load('en');
const others = readdirSync(LOCALES_DIR).filter((l) => l !== 'en');

const placeholders = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

/** The shipped sources, and the manifest's config (which names `__MSG_…__` keys). */
function shippedSources(): string {
  const out: string[] = [readFileSync(path.join(repoRoot, 'wxt.config.ts'), 'utf8')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|tsx|html)$/.test(entry.name))
        out.push(readFileSync(path.join(repoRoot, rel), 'utf8'));
    }
  };
  for (const dir of ['entrypoints', 'components', 'lib', 'core']) walk(dir);
  return out.join('\n');
}

describe('the locales', () => {
  it('include English and at least one other language', () => {
    expect(Object.keys(english).length).toBeGreaterThan(50);
    expect(others.length).toBeGreaterThan(0);
  });

  it.each(others)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(load(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(others)(
    '%s has the placeholders of every English message, and no empty one',
    (locale) => {
      const messages = load(locale);
      for (const [key, { message }] of Object.entries(english)) {
        expect(messages[key]?.message.trim(), key).toBeTruthy();
        expect(placeholders(messages[key]!.message), key).toEqual(placeholders(message));
      }
    },
  );

  it('are all used by the shipped code', () => {
    const sources = shippedSources();
    // Keys built from a list (kindKey: `kind_${kind}`) count when the list holds their part.
    const built = new Set(ENTITY_KINDS.map((kind) => `kind_${kind}`));
    const unused = Object.keys(english).filter(
      (key) =>
        !built.has(key) &&
        !sources.includes(`'${key}'`) &&
        !sources.includes(`"${key}"`) &&
        !sources.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });
});
