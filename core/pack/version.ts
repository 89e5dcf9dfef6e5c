/**
 * Ordering pack versions, so that importing a newer version of an installed
 * pack can replace it and an older one can ask first. Versions are free
 * strings in the pack format; the usual ones ("1.2.0", "2025.10.3", "v2",
 * semantic versions with "-rc.1" or "+build") are read as in semantic
 * versioning: the release's numbers compared one by one, a pre-release
 * before its release, build metadata ignored. Versions that share no numeric
 * reading ("spring" and "autumn") have no order.
 */

interface Reading {
  release: number[];
  /** the numbers of the pre-release part ("rc.2" → [2]), null for a release */
  pre: number[] | null;
}

const numbers = (text: string): number[] => (text.match(/\d+/g) ?? []).map(Number);

function read(version: string): Reading {
  const withoutBuild = version.split('+')[0] ?? '';
  const dash = withoutBuild.indexOf('-');
  if (dash < 0) return { release: numbers(withoutBuild), pre: null };
  return {
    release: numbers(withoutBuild.slice(0, dash)),
    pre: numbers(withoutBuild.slice(dash + 1)),
  };
}

/** Compares number lists, a missing part counting as 0 ("1.2" is "1.2.0"). */
function compareNumbers(x: number[], y: number[]): number {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/**
 * Negative when `a` is older than `b`, positive when newer, 0 when they are
 * the same version, and null when they cannot be ordered (no numbers to
 * compare, or the same numbers spelled differently, such as "1.0-beta" and "1.0-alpha").
 */
export function compareVersions(a: string, b: string): number | null {
  if (a === b) return 0;
  const x = read(a);
  const y = read(b);
  if (!x.release.length || !y.release.length) return null;
  const release = compareNumbers(x.release, y.release);
  if (release) return release;
  // The same release: a pre-release comes before it.
  if (x.pre === null || y.pre === null) return x.pre === y.pre ? 0 : x.pre === null ? 1 : -1;
  return compareNumbers(x.pre, y.pre) || null;
}
