/**
 * Region levels and codes — the only place they are defined. Pure and free of imports: the web app
 * imports this file as it is (web/src/shared/levels.ts).
 */
export const REGION_LEVELS = ['city', 'county', 'town', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export type RegionKind = 'admin' | 'economic_zone';

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

/** Level implied by the shape of an official code (GB/T 2260 or statistical), or undefined when the shape is unknown. */
export function levelOfOfficialCode(code: string): RegionLevel | undefined {
  if (/^\d{4}00$/.test(code)) return 'city';
  if (/^\d{6}$/.test(code)) return 'county';
  if (/^\d{9}000$/.test(code)) return 'town';
  if (/^\d{12}$/.test(code)) return 'village';
  return undefined;
}

/**
 * Level of any region code: an official code by its shape, an economic zone's local code (2111Z1, six
 * characters under the city's prefix) at county level; undefined when the shape is unknown.
 */
export function levelOfCode(code: string): RegionLevel | undefined {
  return levelOfOfficialCode(code) ?? (/^\d{4}[0-9A-Z]{2}$/.test(code) ? 'county' : undefined);
}

/** Level names as they appear in messages and on screen (a village is not an administrative level: 村（社区）). */
export const LEVEL_LABELS: Record<RegionLevel, string> = {
  city: '市级',
  county: '县区级',
  town: '镇街级',
  village: '村（社区）',
};
export const LEVEL_RANK: Record<RegionLevel, number> = { city: 1, county: 2, town: 3, village: 4 };
