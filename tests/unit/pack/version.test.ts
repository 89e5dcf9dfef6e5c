import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../core/pack/version';

describe('compareVersions', () => {
  it('orders versions number by number, not as text', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('1.0.0', '1.1.0')).toBe(-1);
    expect(compareVersions('2025.10.3', '2025.9.30')).toBe(1);
    expect(compareVersions('v2', 'v10')).toBe(-1);
  });

  it('reads a missing part as zero', () => {
    expect(compareVersions('1.2', '1.2.1')).toBe(-1);
    expect(compareVersions('1.3', '1.2.9')).toBe(1);
  });

  it('calls the same string the same version', () => {
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('spring', 'spring')).toBe(0);
  });

  it('puts a pre-release before its release and ignores build metadata', () => {
    expect(compareVersions('1.0.0-rc.2', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0.0-rc.2')).toBe(1);
    expect(compareVersions('1.0.0-rc.2', '1.0.0-rc.10')).toBe(-1);
    expect(compareVersions('1.0.0-rc.2', '0.9.0')).toBe(1);
    expect(compareVersions('1.0.0+30973d6f', '1.0.0+0badc0de')).toBe(0);
    expect(compareVersions('1.0.1+30973d6f', '1.0.0')).toBe(1);
  });

  it('gives no order where there is none to read', () => {
    expect(compareVersions('spring', 'autumn')).toBeNull();
    expect(compareVersions('1.0', 'draft')).toBeNull();
    expect(compareVersions('1.0.0-beta', '1.0.0-alpha')).toBeNull();
  });
});
