/**
 * Ordering pack versions, so that importing a newer version of an installed
 * pack can replace it and an older one can ask first. Versions are free
 * strings in the pack format; the usual ones ("1.2.0", "2025.10.3", "v2")
 * are runs of digits, compared number by number. Two versions that share no
 * numeric reading ("spring" and "autumn") have no order.
 */

/** The numbers of a version, in order: "v1.10.0-rc2" → [1, 10, 0, 2]. */
function numbersOf(version: string): number[] {
  return (version.match(/\d+/g) ?? []).map(Number);
}

/**
 * Negative when `a` is older than `b`, positive when newer, 0 when they are
 * the same version, and null when they cannot be ordered (no numbers to
 * compare, or equal numbers spelled differently, such as "1.0" and "1.0-beta").
 */
export function compareVersions(a: string, b: string): number | null {
  if (a === b) return 0;
  const x = numbersOf(a);
  const y = numbersOf(b);
  if (!x.length || !y.length) return null;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    // A missing part counts as 0: "1.2" is "1.2.0".
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return null;
}
