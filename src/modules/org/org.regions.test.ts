import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { creditCheckChar, isValidCreditCode, orgCodeCheckChar } from './org.codes';
import { LEVEL_LABELS, LEVEL_RANK, levelOfCode, levelOfOfficialCode, scopePrefixFor } from './org.regions';
import { demoCreditCode, demoDepartments } from './demo/departments';
import { DEMO_TOWN_CODE, DEMO_VILLAGE_CODE } from './demo/index';
import { demoRegions } from './demo/regions';

describe('scopePrefixFor', () => {
  it('cuts official codes to the part their subtree shares', () => {
    expect(scopePrefixFor('211100', 'city')).toBe('2111');
    expect(scopePrefixFor('211103', 'county')).toBe('211103');
    expect(scopePrefixFor('211103001000', 'town')).toBe('211103001');
    expect(scopePrefixFor('211103001001', 'village')).toBe('211103001001');
  });
  it('keeps an economic zone whole, still inside the city prefix', () => {
    const p = scopePrefixFor('2111Z1', 'county', 'economic_zone');
    expect(p).toBe('2111Z1');
    expect(p.startsWith(scopePrefixFor('211100', 'city'))).toBe(true);
    expect('211103001000'.startsWith(p)).toBe(false);
  });
});

describe('levelOfOfficialCode', () => {
  it('reads the level from the code shape', () => {
    expect(levelOfOfficialCode('211100')).toBe('city');
    expect(levelOfOfficialCode('211103')).toBe('county');
    expect(levelOfOfficialCode('211103001000')).toBe('town');
    expect(levelOfOfficialCode('211103001001')).toBe('village');
  });
  it('rejects local and malformed codes', () => {
    expect(levelOfOfficialCode('2111Z1')).toBeUndefined();
    expect(levelOfOfficialCode('21110')).toBeUndefined();
    expect(levelOfOfficialCode('211103001')).toBeUndefined();
  });
  it('levelOfCode also places an economic zone at county level', () => {
    expect(levelOfCode('2111Z1')).toBe('county');
    expect(levelOfCode('211103001000')).toBe('town');
    expect(levelOfCode('2111Z')).toBeUndefined();
  });
  it('names a village 村（社区）: it is not an administrative level', () => {
    expect(LEVEL_LABELS.village).toBe('村（社区）');
  });
  it('ranks the four levels in order', () => {
    expect([LEVEL_RANK.city, LEVEL_RANK.county, LEVEL_RANK.town, LEVEL_RANK.village]).toEqual([1, 2, 3, 4]);
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts a published example and rejects a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });
  it('maps a remainder of 0 to check character 0', () => {
    // 17 zeros: sum 0 → 31 - 0 = 31 → '0'
    expect(creditCheckChar('0'.repeat(17))).toBe('0');
  });
  it('rejects letters outside the charset (I O S V Z) and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100YI3')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(creditCheckChar('91350100M00010OY4')).toBeUndefined();
  });
  it('computes the GB 11714 organisation-code check', () => {
    // D2143569: 13·3+2·7+1·9+4·10+3·5+5·8+6·4+9·2 = 199; 199 mod 11 = 1 → 10 → 'X'
    expect(orgCodeCheckChar('D2143569')).toBe('X');
  });
  it('gives every demo department a valid, unique credit code', () => {
    const codes = demoDepartments()
      .map((d) => d.creditCode)
      .filter((c): c is string => c !== null);
    expect(codes.length).toBeGreaterThan(30);
    for (const c of codes) expect(isValidCreditCode(c), c).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(demoCreditCode('11', '211100', 0).slice(0, 8)).toBe('11211100');
  });
});

describe('demo regions', () => {
  const regions = demoRegions();
  it('holds 盘锦市, 4 counties, 2 zones, 50 towns and 544 villages with consistent parents', () => {
    const count = (level: string) => regions.filter((r) => r.level === level).length;
    expect([count('city'), count('county'), count('town'), count('village')]).toEqual([1, 6, 50, 544]);
    const byCode = new Map(regions.map((r) => [r.code, r]));
    for (const r of regions) {
      if (!r.parentCode) continue;
      const parent = byCode.get(r.parentCode)!;
      expect(LEVEL_RANK[r.level]).toBe(LEVEL_RANK[parent.level] + 1);
      expect(r.code.startsWith(parent.scopePrefix)).toBe(true);
      if (r.official) expect(levelOfOfficialCode(r.code)).toBe(r.level);
    }
  });
  it('pins the demo town and village to the first of 兴隆台区 in code order', () => {
    const firstTown = regions
      .filter((r) => r.level === 'town' && r.parentCode === '211103')
      .map((r) => r.code)
      .sort()[0];
    const firstVillage = regions
      .filter((r) => r.parentCode === firstTown)
      .map((r) => r.code)
      .sort()[0];
    expect(DEMO_TOWN_CODE).toBe(firstTown);
    expect(DEMO_VILLAGE_CODE).toBe(firstVillage);
  });
  it('is committed as extracted (no raw 9-digit town codes)', () => {
    const raw = fs.readFileSync(new URL('./demo/panjin-regions.json', import.meta.url), 'utf8');
    expect(raw).not.toMatch(/"code":"\d{9}"/);
  });
});
