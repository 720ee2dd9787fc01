import fs from 'node:fs';
import type { RegionKind, RegionLevel } from '../org.tables';
import { scopePrefixFor } from '../org.regions';

/** A demo region row before insertion. */
export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
  parentCode: string | null;
  official: boolean;
  scopePrefix: string;
  sort: number;
}

interface Extracted {
  code: string;
  name: string;
  level: 'county' | 'town' | 'village';
  parentCode: string;
}

export const CITY_CODE = '211100';

/** 盘锦市, its counties, towns and villages (panjin-regions.json), plus the two economic zones. */
export function demoRegions(): DemoRegion[] {
  const extracted = JSON.parse(
    fs.readFileSync(new URL('./panjin-regions.json', import.meta.url), 'utf8'),
  ) as Extracted[];
  const city: DemoRegion = {
    code: CITY_CODE,
    name: '盘锦市',
    level: 'city',
    kind: 'admin',
    parentCode: null,
    official: true,
    scopePrefix: scopePrefixFor(CITY_CODE, 'city'),
    sort: 0,
  };
  // 经济区: county-level, local codes under the city prefix, no GB/T 2260 code.
  const zones: DemoRegion[] = [
    ['2111Z1', '辽东湾新区'],
    ['2111Z2', '辽河口生态经济区'],
  ].map(([code, name], i) => ({
    code: code!,
    name: name!,
    level: 'county',
    kind: 'economic_zone',
    parentCode: CITY_CODE,
    official: false,
    scopePrefix: scopePrefixFor(code!, 'county', 'economic_zone'),
    sort: 100 + i,
  }));
  const rest: DemoRegion[] = extracted.map((r) => ({
    ...r,
    kind: 'admin',
    official: true,
    scopePrefix: scopePrefixFor(r.code, r.level),
    sort: 0,
  }));
  return [city, ...rest.filter((r) => r.level === 'county'), ...zones, ...rest.filter((r) => r.level !== 'county')];
}
