import type { RegionKind, RegionLevel } from './org.tables';

/**
 * The code prefix that selects a region's subtree. Codes: city and county by GB/T 2260
 * (211100, 211103), towns and villages by the 12-digit statistical code (211103001000,
 * 211103001001). Economic zones carry a local, non-official code that still begins with
 * the city's prefix (2111Z1), so they fall inside the city's scope.
 */
export function scopePrefixFor(code: string, level: RegionLevel, kind: RegionKind = 'admin'): string {
  if (kind === 'economic_zone') return code;
  switch (level) {
    case 'city':
      return code.slice(0, 4);
    case 'county':
      return code.slice(0, 6);
    case 'town':
      return code.slice(0, 9);
    case 'village':
      return code;
  }
}

/** Level implied by the shape of an official code, or undefined when the shape is unknown. */
export function levelOfOfficialCode(code: string): RegionLevel | undefined {
  if (/^\d{4}00$/.test(code)) return 'city';
  if (/^\d{6}$/.test(code)) return 'county';
  if (/^\d{9}000$/.test(code)) return 'town';
  if (/^\d{12}$/.test(code)) return 'village';
  return undefined;
}

export const LEVEL_LABELS: Record<RegionLevel, string> = {
  city: '市级',
  county: '县区级',
  town: '镇街级',
  village: '村社区级',
};
export const LEVEL_RANK: Record<RegionLevel, number> = { city: 1, county: 2, town: 3, village: 4 };
