import { describe, expect, it } from 'vitest';
import {
  formatTrackingCode,
  newTrackingCode,
  normaliseTrackingCode,
  TRACK_FAILURE_LIMIT,
  TRACKING_CODE_RE,
  trackingCodeMatches,
  trackingLocked,
} from './cases.tracking';

describe('tracking code', () => {
  it('is ten characters of an alphabet without look-alikes, and differs each time', () => {
    const codes = new Set(Array.from({ length: 500 }, newTrackingCode));
    expect(codes.size).toBe(500);
    for (const c of codes) {
      expect(c).toMatch(TRACKING_CODE_RE);
      expect(c).not.toMatch(/[01OIL]/);
    }
  });

  it('matches as typed: lower case, grouped with a dash or spaces; nothing else', () => {
    const code = 'K7M2P9QX4R';
    expect(formatTrackingCode(code)).toBe('K7M2P-9QX4R');
    expect(normaliseTrackingCode(' k7m2p-9qx4r ')).toBe(code);
    for (const given of [code, 'k7m2p9qx4r', 'K7M2P-9QX4R', 'K7M2P 9QX4R'])
      expect(trackingCodeMatches(code, given)).toBe(true);
    for (const given of ['K7M2P9QX4', 'K7M2P9QX4RR', 'K7M2P9QX4S', ''])
      expect(trackingCodeMatches(code, given)).toBe(false);
    expect(trackingCodeMatches(null, code)).toBe(false);
  });

  it('locks a number once its failures reach the limit', () => {
    expect(trackingLocked(TRACK_FAILURE_LIMIT - 1)).toBe(false);
    expect(trackingLocked(TRACK_FAILURE_LIMIT)).toBe(true);
  });
});
